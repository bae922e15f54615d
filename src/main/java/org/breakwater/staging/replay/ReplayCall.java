package org.breakwater.staging.replay;

/**
 * One sampled production call to send again: who made it ({@code caller}, a catalog consumer
 * when {@code known}), the operation it matched and its concrete target (path and query).
 * {@code weight} is how many real calls it stands for (its reservoir's calls / targets kept).
 */
public record ReplayCall(String service, String operation, String caller, boolean known, String method, String target,
                         double weight) {
    public ReplayCall {
        if (!target.startsWith("/") || target.startsWith("//")) {
            throw new IllegalArgumentException("a replayed target is a path, not '" + target + "'");
        }
    }
}
