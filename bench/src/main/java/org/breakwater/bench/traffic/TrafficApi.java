package org.breakwater.bench.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The generated API of the traffic benchmark: exactly {@code count} operations of a REST API
 * served under {@code /api}, resource by resource, in a fixed order (no randomness: the same
 * count always gives the same operations).
 *
 * <p>Each resource has a collection ({@code GET}, {@code POST}), a literal search path beside its
 * item template ({@code /v1/orders/search} next to {@code /v1/orders/{orderId}}), the item
 * ({@code GET PUT PATCH DELETE}), two sub-collections with their items, an action, and for every
 * fourth resource an export path whose last segment mixes text and a template
 * ({@code export.{format}}). Resources past the noun list repeat under {@code /v2}.
 */
final class TrafficApi {
    static final String BASE_PATH = "/api";

    static final String[] NOUNS = {"orders", "invoices", "payments", "refunds", "customers", "accounts", "products",
        "prices", "carts", "shipments", "carriers", "warehouses", "stocks", "suppliers", "purchases", "returns",
        "coupons", "discounts", "reviews", "questions", "tickets", "agents", "teams", "projects", "tasks", "sprints",
        "builds", "releases", "artifacts", "packages", "repos", "branches", "deployments", "hosts", "clusters",
        "alerts", "incidents", "reports", "dashboards", "metrics", "webhooks", "tokens", "sessions", "devices",
        "locations", "regions", "stores", "employees", "shifts", "contracts", "documents", "folders", "images",
        "videos", "playlists", "channels", "messages", "threads", "notifications", "subscriptions", "plans",
        "quotas", "audits", "policies", "roles", "groups", "members", "surveys", "forms", "events"};
    static final String[] SUBS = {"comments", "events", "members", "attachments", "tags", "versions", "notes",
        "labels", "permissions", "history", "links", "items"};
    static final String[] ACTIONS = {"archive", "restore", "approve", "cancel", "publish", "lock", "retry", "close"};

    /** How a template's concrete values look in the log. */
    enum IdStyle { NUMBER, UUID, SLUG }

    /**
     * One operation: its id, method and path template. {@code pieces} alternates literal text and
     * template slots: even entries are literal path text (with the base path), odd entries the
     * {@link IdStyle} ordinal of a slot, as text. {@code kind} says which queries suit it.
     */
    record Op(String operationId, String method, String path, String[] pieces, IdStyle[] slots, Kind kind) {
        String methodAndPath() {
            return method + " " + path;
        }
    }

    enum Kind { LIST, SEARCH, ITEM_READ, WRITE, EXPORT }

    private TrafficApi() {
    }

    /** The first {@code count} operations. */
    static List<Op> operations(int count) {
        List<Op> ops = new ArrayList<>(count);
        for (int r = 0; ops.size() < count; r++) {
            String version = r < NOUNS.length ? "v1" : "v" + (1 + r / NOUNS.length);
            String noun = NOUNS[r % NOUNS.length];
            String one = singular(noun);
            String Cap = capital(one);
            IdStyle style = IdStyle.values()[r % 3];
            String col = "/" + version + "/" + noun;
            String suffix = version.equals("v1") ? "" : capital(version);
            String item = col + "/{" + one + "Id}";
            List<Op> own = new ArrayList<>();
            own.add(op("list" + capital(noun) + suffix, "GET", col, Kind.LIST, style));
            own.add(op("create" + Cap + suffix, "POST", col, Kind.WRITE, style));
            own.add(op("search" + capital(noun) + suffix, "GET", col + "/search", Kind.SEARCH, style));
            own.add(op("get" + Cap + suffix, "GET", item, Kind.ITEM_READ, style));
            own.add(op("replace" + Cap + suffix, "PUT", item, Kind.WRITE, style));
            own.add(op("update" + Cap + suffix, "PATCH", item, Kind.WRITE, style));
            own.add(op("delete" + Cap + suffix, "DELETE", item, Kind.WRITE, style));
            for (int s = 0; s < 2; s++) {
                String sub = SUBS[(r * 2 + s) % SUBS.length];
                String subOne = singular(sub);
                String subCol = item + "/" + sub;
                String subItem = subCol + "/{" + subOne + "Id}";
                own.add(op("list" + Cap + capital(sub) + suffix, "GET", subCol, Kind.LIST, IdStyle.NUMBER));
                own.add(op("add" + Cap + capital(subOne) + suffix, "POST", subCol, Kind.WRITE, IdStyle.NUMBER));
                own.add(op("get" + Cap + capital(subOne) + suffix, "GET", subItem, Kind.ITEM_READ, IdStyle.NUMBER));
                own.add(op("remove" + Cap + capital(subOne) + suffix, "DELETE", subItem, Kind.WRITE, IdStyle.NUMBER));
            }
            String action = ACTIONS[r % ACTIONS.length];
            own.add(op(action + Cap + suffix, "POST", item + "/actions/" + action, Kind.WRITE, style));
            if (r % 4 == 0) {
                own.add(op("export" + capital(noun) + suffix, "GET", col + "/export.{format}", Kind.EXPORT, style));
            }
            for (Op o : own) {
                if (ops.size() < count) {
                    ops.add(o);
                }
            }
        }
        return ops;
    }

    /**
     * The realistic shape's API: {@code count} operations on {@code count / 4} resources, four each
     * ({@code GET} the collection, {@code GET PUT DELETE} an item by its number), operation
     * {@code 4r + k} being resource {@code r}'s k-th. Resources past the noun list repeat under
     * {@code /v2}, {@code /v3}, ...
     */
    static List<Op> resources(int count) {
        List<Op> ops = new ArrayList<>(count);
        for (int r = 0; ops.size() < count; r++) {
            String version = "v" + (1 + r / NOUNS.length);
            String noun = NOUNS[r % NOUNS.length];
            String one = singular(noun);
            String suffix = version.equals("v1") ? "" : capital(version);
            String col = "/" + version + "/" + noun;
            String item = col + "/{" + one + "Id}";
            List<Op> own = List.of(op("list" + capital(noun) + suffix, "GET", col, Kind.LIST, IdStyle.NUMBER),
                    op("get" + capital(one) + suffix, "GET", item, Kind.ITEM_READ, IdStyle.NUMBER),
                    op("replace" + capital(one) + suffix, "PUT", item, Kind.WRITE, IdStyle.NUMBER),
                    op("delete" + capital(one) + suffix, "DELETE", item, Kind.WRITE, IdStyle.NUMBER));
            for (Op o : own) {
                if (ops.size() < count) {
                    ops.add(o);
                }
            }
        }
        return ops;
    }

    /**
     * Builds an operation; the first template of its path takes {@code style}, later ones are
     * numbers, {@code {format}} is a file format.
     */
    private static Op op(String id, String method, String path, Kind kind, IdStyle style) {
        List<String> pieces = new ArrayList<>();
        List<IdStyle> slots = new ArrayList<>();
        StringBuilder literal = new StringBuilder(BASE_PATH);
        int i = 0;
        while (i < path.length()) {
            int open = path.indexOf('{', i);
            if (open < 0) {
                literal.append(path, i, path.length());
                break;
            }
            literal.append(path, i, open);
            int close = path.indexOf('}', open);
            String name = path.substring(open + 1, close);
            pieces.add(literal.toString());
            literal.setLength(0);
            slots.add(name.equals("format") ? null : slots.isEmpty() ? style : IdStyle.NUMBER);
            i = close + 1;
        }
        pieces.add(literal.toString());
        return new Op(id, method, path, pieces.toArray(String[]::new), slots.toArray(IdStyle[]::new), kind);
    }

    static String singular(String noun) {
        if (noun.endsWith("ies")) {
            return noun.substring(0, noun.length() - 3) + "y";
        }
        if (noun.endsWith("ches") || noun.endsWith("sses") || noun.endsWith("xes")) {
            return noun.substring(0, noun.length() - 2);
        }
        return noun.endsWith("s") ? noun.substring(0, noun.length() - 1) : noun;
    }

    static String capital(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** The OpenAPI 3.0 description of {@code ops}, as YAML. */
    static String openApi(String service, String version, List<Op> ops) {
        StringBuilder y = new StringBuilder(ops.size() * 400);
        y.append("# Generated by bench/traffic.sh (GenerateTraffic): ").append(ops.size()).append(" operations.\n");
        y.append("openapi: 3.0.3\n");
        y.append("info:\n  title: ").append(service).append("\n  version: \"").append(version).append("\"\n");
        y.append("servers:\n  - url: https://api.example.com").append(BASE_PATH).append("\n");
        y.append("  - url: https://api.staging.example.com").append(BASE_PATH).append("\n    description: staging\n");
        y.append("paths:\n");
        String current = null;
        for (Op o : ops.stream().sorted(java.util.Comparator.comparing(Op::path)).toList()) {
            if (!o.path().equals(current)) {
                current = o.path();
                y.append("  ").append(o.path()).append(":\n");
                List<String> names = templateNames(o.path());
                if (!names.isEmpty()) {
                    y.append("    parameters:\n");
                    for (String n : names) {
                        y.append("      - {name: ").append(n).append(", in: path, required: true, schema: {type: string}}\n");
                    }
                }
            }
            y.append("    ").append(o.method().toLowerCase(Locale.ROOT)).append(":\n");
            y.append("      operationId: ").append(o.operationId()).append('\n');
            if (o.kind() == Kind.LIST) {
                y.append("      parameters:\n");
                y.append("        - {name: page, in: query, schema: {type: integer, minimum: 1}}\n");
                y.append("        - {name: per_page, in: query, schema: {type: integer, maximum: 100}}\n");
            } else if (o.kind() == Kind.SEARCH) {
                y.append("      parameters:\n");
                y.append("        - {name: q, in: query, required: true, schema: {type: string}}\n");
                y.append("        - {name: limit, in: query, schema: {type: integer}}\n");
            }
            if (o.method().equals("POST") || o.method().equals("PUT") || o.method().equals("PATCH")) {
                y.append("      requestBody:\n        required: true\n        content:\n          application/json:\n");
                y.append("            schema: {$ref: '#/components/schemas/Resource'}\n");
            }
            String code = o.method().equals("POST") && o.kind() == Kind.WRITE && !o.path().contains("/actions/") ? "201"
                    : o.method().equals("DELETE") ? "204" : "200";
            y.append("      responses:\n        \"").append(code).append("\":\n          description: ok\n");
            if (!code.equals("204")) {
                y.append("          content:\n            application/json:\n");
                y.append("              schema: {$ref: '#/components/schemas/Resource'}\n");
            }
            y.append("        \"404\":\n          description: not found\n");
        }
        y.append("components:\n  schemas:\n    Resource:\n      type: object\n      required: [id]\n");
        y.append("      properties:\n        id: {type: string}\n        name: {type: string}\n");
        y.append("        createdAt: {type: string, format: date-time}\n");
        return y.toString();
    }

    private static List<String> templateNames(String path) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while ((i = path.indexOf('{', i)) >= 0) {
            int close = path.indexOf('}', i);
            names.add(path.substring(i + 1, close));
            i = close + 1;
        }
        return names;
    }
}
