package org.breakwater.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The command line. The only place that calls {@link System#exit}. Exit codes: 0 ok, 1 the
 * check failed (breaking changes found), 2 usage or input error, 3 internal error.
 */
public final class Main {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int INPUT_ERROR = 2;
    public static final int INTERNAL_ERROR = 3;

    private Main() {
    }

    public static void main(String[] args) {
        org.breakwater.logs.LogSettings.fromEnvironment(java.util.Optional.ofNullable(
                System.getenv(org.breakwater.logs.LogSettings.CONFIG_VARIABLE)));
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs a command line and returns its exit code; used by tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args);
        } finally {
            closeStores(cli.getParseResult());
        }
    }

    /** Closes the stores the command that ran opened (their connection pools). */
    private static void closeStores(picocli.CommandLine.ParseResult result) {
        for (var r = result; r != null; r = r.subcommand()) {
            closeStores(r.commandSpec());
        }
    }

    /** Closes the stores among a command's mixins, and their mixins' (announce's options hold one). */
    private static void closeStores(picocli.CommandLine.Model.CommandSpec spec) {
        for (var mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof org.breakwater.cli.common.StoreOptions store) {
                store.close();
            }
            closeStores(mixin);
        }
    }

    /** A message for the terminal on one line: whatever line breaks a description smuggled into it are escaped. */
    static String oneLine(String message) {
        return message.replace("\r", "\\r").replace("\n", "\\n")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** Every command (help, tests). */
    static CommandLine commandLine() {
        return configured(new CommandLine(new BreakwaterCommand()));
    }

    /** The commands {@code args} need: only the subcommand they name when they name one ({@link LazyCommands}). */
    static CommandLine commandLine(String... args) {
        return configured(LazyCommands.forArguments(args));
    }

    private static CommandLine configured(CommandLine cli) {
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            java.util.Optional<org.breakwater.store.StoreException> store = org.breakwater.store.Database.explain(ex);
            if (store.isPresent()) { // busy or full: not a bug, and the user can act on it
                err.println("breakwater: " + store.get().getMessage());
                return INPUT_ERROR;
            }
            err.println("breakwater: internal error: " + ex);
            err.println("This is a bug in Breakwater; please report it with the command you ran."
                    + " Set BREAKWATER_DEBUG=1 to see the trace.");
            if (System.getenv("BREAKWATER_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("breakwater: " + (ex instanceof CommandLine.UnmatchedArgumentException u
                    ? Unmatched.message(u) : ex.getMessage()));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return INPUT_ERROR;
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setHelpFactory(ReflowingHelp::new);
        cli.setUsageHelpWidth(helpWidth(System.getenv("COLUMNS")));
        cli.setUsageHelpAutoWidth(true);
        everyCommand(cli, c -> c.getCommandSpec().versionProvider(new VersionProvider()));
        return cli;
    }

    /** The help's width: $COLUMNS when it is a sensible number, else 80 (picocli asks the terminal when there is one). */
    static int helpWidth(String columns) {
        try {
            int n = Integer.parseInt(columns == null ? "" : columns.strip());
            return Math.max(55, Math.min(n, 200));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** Applies {@code action} to a command and every subcommand under it. */
    static void everyCommand(CommandLine c, java.util.function.Consumer<CommandLine> action) {
        action.accept(c);
        c.getSubcommands().values().forEach(sub -> everyCommand(sub, action));
    }
}
