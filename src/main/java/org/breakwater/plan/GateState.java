package org.breakwater.plan;

import java.util.Locale;

/** Where a gate stands. Met and waived gates let a deployment through; pending and failed ones do not. */
public enum GateState {
    MET, PENDING, FAILED, WAIVED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean passes() {
        return this == MET || this == WAIVED;
    }
}
