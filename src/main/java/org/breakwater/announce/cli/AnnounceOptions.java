package org.breakwater.announce.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.announce.AnnounceService;
import org.breakwater.announce.TemplateException;
import org.breakwater.announce.Templates;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.StoreAndPolicy;
import org.breakwater.policy.Policy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every announce command needs: the store, the policy, the templates and the sender's address. */
public final class AnnounceOptions {
    @Mixin
    StoreAndPolicy base;

    @Mixin
    Writing writing;

    /** How announcements are written and signed: {@code --templates} and {@code --from} (also for {@code serve}). */
    public static final class Writing {
        @Option(names = "--templates", paramLabel = "DIR",
                description = "a folder of KIND.txt templates replacing Breakwater's (default: $BREAKWATER_TEMPLATES;"
                        + " docs/announcements.md)")
        Path templates;

        @Option(names = "--from", paramLabel = "ADDRESS",
                description = "the sender of announcements (default: $BREAKWATER_MAIL_FROM); needed to send, except"
                        + " with --dry-run")
        String from;

        /** The sender's address: the option, the environment, or a local default (for --dry-run and reading). */
        public String sender() {
            return configured().orElse("breakwater@localhost");
        }

        /** The sender given by --from or $BREAKWATER_MAIL_FROM, if any. */
        public Optional<String> configured() {
            return Optional.ofNullable(from).or(() -> Optional.ofNullable(System.getenv("BREAKWATER_MAIL_FROM")))
                    .map(String::strip).filter(s -> !s.isEmpty());
        }

        /**
         * What keeps mail from going out under this sender, if anything: none given (the default
         * breakwater@localhost is for the demo and --dry-run only), or not an address.
         */
        public Optional<String> senderProblem() {
            Optional<String> given = configured();
            if (given.isEmpty()) {
                return Optional.of("no sender address: give --from ADDRESS or set $BREAKWATER_MAIL_FROM (the From of"
                        + " announcements and the domain of their Message-ID); the default breakwater@localhost is"
                        + " only for the demo and --dry-run");
            }
            if (!given.get().matches("[^@\\s<>\"]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*"
                    + "[A-Za-z0-9])?)*")) {
                return Optional.of("--from / $BREAKWATER_MAIL_FROM: '" + given.get().replaceAll("\\p{Cntrl}", "?")
                        + "' is not a plain e-mail address (breakwater@example.org)");
            }
            return Optional.empty();
        }

        /** The templates: the folder given, $BREAKWATER_TEMPLATES, or Breakwater's own. */
        public Templates templates() throws TemplateException {
            return Templates.load(Optional.ofNullable(templates).or(() -> Optional.ofNullable(
                    System.getenv("BREAKWATER_TEMPLATES")).filter(s -> !s.isBlank()).map(Path::of)));
        }

        /** What a command does once it has the policy, the store and the templates. */
        public interface Body {
            int run(Policy policy, App app, Templates templates);
        }

        /**
         * Reads the policy and opens the store ({@link StoreAndPolicy#run}), then reads the templates
         * and runs {@code body}; a template that does not read is said in words with exit code 2.
         */
        public int run(StoreAndPolicy base, String command, PrintWriter err, Body body) {
            return base.run(command, err, (policy, app) -> {
                Templates read;
                try {
                    read = templates();
                } catch (TemplateException e) {
                    err.println("breakwater " + command + ": a template does not read: " + e.getMessage());
                    return ExitCode.INPUT_ERROR;
                }
                return body.run(policy, app, read);
            });
        }
    }

    public String sender() {
        return writing.sender();
    }

    /** See {@link Writing#senderProblem()}. */
    public Optional<String> senderProblem() {
        return writing.senderProblem();
    }

    /** What a command does with its announcements. */
    public interface Body {
        int run(AnnounceService announcements);
    }

    /** Opens everything and runs {@code body}; a policy, template or store that does not read is reported in words. */
    public int run(String command, PrintWriter err, Body body) {
        return writing.run(base, command, err, (policy, app, templates) ->
                body.run(app.announcements(policy, templates, sender())));
    }
}
