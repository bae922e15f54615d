package org.breakwater.traffic.cli;

import org.breakwater.traffic.parse.LogFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code breakwater traffic ingest|consumers|impact|migrations|crossings}: who really calls what, from access logs. */
@Command(name = "traffic", mixinStandardHelpOptions = true,
        description = {"Learn who really calls a service, and which operations, from its access logs.",
            "",
            "Each request is named by the catalog consumers' identify rules (docs/catalog.md), or",
            "listed as an unknown caller with its user agent and address, and matched against the",
            "API description the environment ran at that moment. Counts add up across reads.",
            "",
            "Examples:",
            "  breakwater traffic ingest --service pkgdb --env production /var/log/httpd/access_log*",
            "  zcat old.log.gz | breakwater traffic ingest --service pkgdb --env staging -",
            "  breakwater traffic ingest --service pkgdb --env production --format json app.jsonl",
            "  breakwater traffic ingest --service pkgdb --env production --format '$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent' x.log",
            "  breakwater traffic consumers pkgdb",
            "  breakwater traffic impact 1 --days 30        # who still calls what plan 1 breaks",
            "  breakwater traffic migrations 1              # how far each affected consumer has come",
            "  breakwater traffic crossings pkgdb           # production hosts calling staging, and the reverse"},
        subcommands = {TrafficIngestCommand.class, TrafficConsumersCommand.class, TrafficImpactCommand.class,
            TrafficMigrationsCommand.class, TrafficCrossingsCommand.class})
public final class TrafficCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** combined, common, json, or an nginx log_format string. */
    static LogFormat format(String text) {
        return switch (text) {
            case "combined" -> LogFormat.combined();
            case "common" -> LogFormat.common();
            case "json" -> LogFormat.jsonLines(java.util.Map.of());
            default -> LogFormat.nginx(text);
        };
    }
}
