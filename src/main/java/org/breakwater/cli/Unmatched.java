package org.breakwater.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breakwater.text.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The words for an argument picocli did not match: an unknown option or command, with the one
 * it was most likely meant to be ({@code --fromat} → {@code --format}; {@code breakwater assess}
 * → {@code plan assess}), through the same {@link Suggestions} as services and teams.
 */
final class Unmatched {
    private Unmatched() {
    }

    static String message(UnmatchedArgumentException ex) {
        CommandLine c = ex.getCommandLine();
        String arg = ex.getUnmatched().isEmpty() ? "" : ex.getUnmatched().get(0);
        if (arg.startsWith("-") && arg.length() > 1) {
            String name = arg.split("=", 2)[0];
            List<String> names = new ArrayList<>();
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (!o.hidden()) {
                    names.addAll(List.of(o.names()));
                }
            }
            return "unknown option '" + name + "'" + Suggestions.didYouMean(name, names);
        }
        if (!c.getSubcommands().isEmpty()) {
            return "unknown command '" + arg + "'" + command(c, arg).map(s -> "; did you mean '" + s + "'?").orElse("");
        }
        return "unexpected argument" + (ex.getUnmatched().size() > 1 ? "s" : "") + " "
                + String.join(" ", ex.getUnmatched().stream().map(a -> "'" + a + "'").toList());
    }

    /** A subcommand of {@code c} a typo away, else a command of that name deeper down ("plan assess"). */
    private static Optional<String> command(CommandLine c, String arg) {
        Optional<String> near = Suggestions.closest(arg, c.getSubcommands().keySet());
        if (near.isPresent()) {
            return near;
        }
        List<String> deeper = new ArrayList<>();
        c.getSubcommands().forEach((name, sub) -> sub.getSubcommands().keySet().forEach(n -> deeper.add(name + " " + n)));
        return deeper.stream().filter(path -> path.endsWith(" " + arg)).findFirst()
                .or(() -> Suggestions.closest(arg, deeper.stream().map(p -> p.substring(p.indexOf(' ') + 1)).toList())
                        .flatMap(n -> deeper.stream().filter(p -> p.endsWith(" " + n)).findFirst()));
    }
}
