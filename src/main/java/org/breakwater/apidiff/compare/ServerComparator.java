package org.breakwater.apidiff.compare;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.breakwater.apidiff.rule.OperationRules;
import org.breakwater.apidiff.rule.Rule;
import org.breakwater.apidiff.rule.Rules;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.Operation;
import org.breakwater.apidiff.spec.Server;

/**
 * Compares server lists: the document's, and those a path item or an operation names in
 * place of them. A changed base path is one finding; servers are then compared by origin
 * alone, so the same host under the new path is not reported again as removed and added.
 */
final class ServerComparator {
    private final Findings out;

    ServerComparator(Findings out) {
        this.out = out;
    }

    void compareDocument(ApiSpec oldSpec, ApiSpec newSpec) {
        compare(oldSpec.servers(), newSpec.servers(), "", Rules.BASE_PATH_CHANGED, Rules.SERVER_REMOVED, Rules.SERVER_ADDED);
    }

    /**
     * An operation's servers, where either side names its own (or its path item does): each side's
     * own, else the document's. Where neither does, the document's comparison covers it.
     */
    void compareOperation(Operation o, Operation n, ApiSpec oldSpec, ApiSpec newSpec) {
        if (o.servers().isEmpty() && n.servers().isEmpty()) {
            return;
        }
        compare(o.servers().isEmpty() ? oldSpec.servers() : o.servers(), n.servers().isEmpty() ? newSpec.servers() : n.servers(),
                n.label(), OperationRules.OPERATION_BASE_PATH_CHANGED, OperationRules.OPERATION_SERVER_REMOVED,
                OperationRules.OPERATION_SERVER_ADDED);
    }

    private void compare(List<Server> before, List<Server> after, String operation, Rule basePathChanged, Rule removed,
                         Rule added) {
        Set<String> oldPaths = new LinkedHashSet<>();
        before.forEach(s -> oldPaths.add(s.basePath()));
        Set<String> newPaths = new LinkedHashSet<>();
        after.forEach(s -> newPaths.add(s.basePath()));
        boolean moved = !oldPaths.isEmpty() && !newPaths.isEmpty() && oldPaths.stream().noneMatch(newPaths::contains);
        if (moved) {
            out.add(basePathChanged, operation, after.get(0).source(), false,
                    "base path " + String.join(", ", oldPaths) + " → " + String.join(", ", newPaths));
        }
        Set<String> newUrls = new LinkedHashSet<>();
        after.forEach(s -> newUrls.add(key(s, moved)));
        Set<String> oldUrls = new LinkedHashSet<>();
        before.forEach(s -> oldUrls.add(key(s, moved)));
        for (Server s : before) {
            if (!newUrls.contains(key(s, moved)) && !s.url().equals("/")) {
                out.add(removed, operation, s.source(), true, "server " + s.url() + " removed");
            }
        }
        for (Server s : after) {
            if (!oldUrls.contains(key(s, moved)) && !s.url().equals("/")) {
                out.add(added, operation, s.source(), false, "server " + s.url() + " added");
            }
        }
    }

    /** The URL with its trailing slash dropped, or only its origin ("https://host", "" when relative). */
    private static String key(Server s, boolean originOnly) {
        String url = s.url().length() > 1 && s.url().endsWith("/") ? s.url().substring(0, s.url().length() - 1) : s.url();
        if (!originOnly) {
            return url;
        }
        int start = url.startsWith("//") ? 2 : url.indexOf("://") < 0 ? -1 : url.indexOf("://") + 3;
        if (start < 0) {
            return "";
        }
        int slash = url.indexOf('/', start);
        return slash < 0 ? url : url.substring(0, slash);
    }
}
