package org.breakwater.meeting;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How decisions and targets are written in the store: {@code classification:fedocal:exempt},
 * {@code date:2014-06-09}, {@code freeze-break}; {@code plan:12}, {@code service:fedocal}.
 */
public final class DecisionCodes {
    private DecisionCodes() {
    }

    public static String code(Decision d) {
        if (d instanceof Decision.Classification c) {
            return "classification:" + c.service() + ":" + c.decision();
        }
        if (d instanceof Decision.DeploymentDate dd) {
            return "date:" + dd.date();
        }
        return "freeze-break";
    }

    public static Optional<Decision> decision(String code) {
        String[] p = code.split(":");
        if (p[0].equals("classification") && p.length == 3) {
            return Optional.of(new Decision.Classification(p[1], p[2].equals("applies")));
        }
        if (p[0].equals("date") && p.length == 2) {
            return Optional.of(new Decision.DeploymentDate(LocalDate.parse(p[1])));
        }
        return code.equals("freeze-break") ? Optional.of(new Decision.FreezeBreak()) : Optional.empty();
    }

    public static String code(Target t) {
        return t instanceof Target.PlanTarget p ? "plan:" + p.plan().id() : "service:" + ((Target.ServiceTarget) t).service();
    }

    /** The plan a target code names, if it names one. */
    public static Optional<Long> plan(String code) {
        return code.startsWith("plan:") ? Optional.of(Long.parseLong(code.substring(5))) : Optional.empty();
    }

    /** The service a target code names, if it names one. */
    public static Optional<String> service(String code) {
        return code.startsWith("service:") ? Optional.of(code.substring(8)) : Optional.empty();
    }

    /** "plan BW-12" or "service fedocal". */
    public static String label(String code) {
        return plan(code).map(id -> "plan BW-" + id).orElseGet(() -> "service " + service(code).orElse(code));
    }
}
