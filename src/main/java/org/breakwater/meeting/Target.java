package org.breakwater.meeting;

/** What a minutes item was matched to. */
public sealed interface Target permits Target.PlanTarget, Target.ServiceTarget {
    /** "plan BW-12 (pkgdb2 2.0)" or "service fedocal". */
    String label();

    record PlanTarget(PlanCandidate plan) implements Target {
        @Override
        public String label() {
            return "plan " + plan.reference() + (plan.title().isEmpty() ? "" : " (" + plan.title() + ")");
        }
    }

    record ServiceTarget(String service) implements Target {
        @Override
        public String label() {
            return "service " + service;
        }
    }
}
