package org.breakwater.plan;

import java.time.Instant;

/** A gate set aside on purpose: why, and who approved it. It stays visible on the plan. */
public record Waiver(long planId, String gate, String reason, String approver, Instant at) {
    public Waiver {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a waiver needs a reason");
        }
        if (approver == null || approver.isBlank()) {
            throw new IllegalArgumentException("a waiver needs an approver");
        }
    }
}
