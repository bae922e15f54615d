package org.breakwater.cli;

import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Start-up: picocli builds the model of every command it is given (reflection over each class's
 * fields, options, mixins and nested subcommands), about 120 commands here, before parsing a
 * word. A run that names one of {@link BreakwaterCommand}'s subcommands first ({@code breakwater
 * diff a b}) only needs that one, so only that one is built, under a root with the same name.
 * Anything else (no arguments, an option such as {@code --help} or {@code --version}, {@code
 * help}, an {@code @file}, an unknown command that wants a "did you mean") gets the whole tree,
 * exactly as before. The list of subcommands stays where it was, on {@link BreakwaterCommand}'s
 * annotation. Measured in docs/benchmarks.md (Start-up).
 */
final class LazyCommands {
    private LazyCommands() {
    }

    /** The command line for {@code args}: only the named subcommand when there is one, else every command. */
    static CommandLine forArguments(String... args) {
        Optional<Class<?>> named = args.length == 0 ? Optional.empty() : named(args[0]);
        return named.isPresent() ? only(named.get()) : new CommandLine(new BreakwaterCommand());
    }

    /** The top-level subcommand called {@code word} (not {@code help}, which needs all the others). */
    static Optional<Class<?>> named(String word) {
        for (Class<?> c : BreakwaterCommand.class.getAnnotation(Command.class).subcommands()) {
            Command command = c.getAnnotation(Command.class);
            if (c != CommandLine.HelpCommand.class && command != null
                    && (command.name().equals(word) || Arrays.asList(command.aliases()).contains(word))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** A root of the same name holding only {@code subcommand}. */
    private static CommandLine only(Class<?> subcommand) {
        Command root = BreakwaterCommand.class.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(new BreakwaterCommand())
                .name(root.name())
                .mixinStandardHelpOptions(root.mixinStandardHelpOptions());
        spec.usageMessage().description(root.description());
        CommandLine cli = new CommandLine(spec);
        cli.addSubcommand(new CommandLine(subcommand));
        return cli;
    }
}
