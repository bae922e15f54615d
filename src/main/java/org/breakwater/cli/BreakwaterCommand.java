package org.breakwater.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command; it only lists the subcommands. */
@Command(name = "breakwater", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Keeps a release from breaking other people's software.",
            "",
            "See every change between two versions of an API that can break clients:",
            "  breakwater diff old/openapi.yaml new/openapi.yaml",
            "",
            "Know what runs where and who consumes it:",
            "  breakwater catalog import catalog/",
            "  breakwater where pkgdb",
            "  breakwater consumers pkgdb --operation getPackage --transitive",
            "",
            "Plan a deployment, and let CI ask whether it may go out:",
            "  breakwater plan create --release pkgdb=2.0.0 \\",
            "      --start \"$(date -u -d '+3 weeks' '+%%F 15:00')\"",
            "  breakwater can-deploy --service pkgdb --version 2.0.0 --to production",
            "",
            "Exit codes: 0 ok, 1 the check failed (e.g. breaking changes), 2 usage or",
            "input error, 3 internal error."},
        subcommands = {DiffCommand.class, RulesCommand.class,
            org.breakwater.catalog.cli.CatalogCommand.class,
            org.breakwater.catalog.cli.RecordDeploymentCommand.class,
            org.breakwater.catalog.cli.WhereCommand.class,
            org.breakwater.catalog.cli.HistoryCommand.class,
            org.breakwater.catalog.cli.ConsumersCommand.class,
            org.breakwater.catalog.cli.PruneCommand.class,
            org.breakwater.plan.cli.PlanCommand.class,
            org.breakwater.plan.cli.GateCommand.class,
            org.breakwater.plan.cli.CanDeployCommand.class,
            org.breakwater.meeting.cli.MeetingCommand.class,
            org.breakwater.calendar.cli.CalendarCommand.class,
            ServeCommand.class,
            org.breakwater.auth.cli.TokenCommand.class,
            org.breakwater.auth.cli.UserCommand.class,
            org.breakwater.announce.cli.AnnounceCommand.class,
            org.breakwater.traffic.cli.TrafficCommand.class,
            org.breakwater.deployday.cli.RosterCommand.class,
            org.breakwater.deployday.cli.BoardCommand.class,
            org.breakwater.deployday.cli.RollbackCommand.class,
            org.breakwater.deployday.cli.MeasuresCommand.class,
            org.breakwater.deployday.cli.PostmortemCommand.class,
            org.breakwater.staging.cli.StagingCommand.class,
            org.breakwater.deployday.incident.cli.IncidentCommand.class,
            DemoCommand.class,
            picocli.CommandLine.HelpCommand.class})
final class BreakwaterCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
