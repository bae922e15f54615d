package org.breakwater.apidiff.spec;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What reading Swagger 2.0 and OpenAPI 3.x have in common: walking the paths, merging
 * path-level parameters into operations, security requirements, deprecation marks. The
 * subclasses read what differs: parameters, bodies, responses, servers, security schemes.
 */
abstract class DescriptionReader {
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    final SpecFiles files;
    final SpecFiles.Document doc;
    final ObjectNode root;
    final SchemaReader schemas;
    final SpecVersion version;

    DescriptionReader(SpecFiles files, SpecVersion version) {
        this.files = files;
        this.doc = files.main();
        this.root = (ObjectNode) doc.root();
        this.version = version;
        this.schemas = new SchemaReader(files, version);
    }

    ApiSpec read() throws SpecException {
        ObjectNode info = requireObject(root, "info", "");
        Map<String, Operation> operations = new LinkedHashMap<>();
        Optional<Node> paths = root.get("paths");
        if (paths.isPresent()) {
            if (!(paths.get() instanceof ObjectNode p)) {
                throw problem(paths.get(), "'paths' must be an object, found " + paths.get().kindName());
            }
            for (Map.Entry<String, Node> e : p.fields().entrySet()) {
                if (e.getKey().startsWith("x-")) {
                    continue;
                }
                if (!e.getKey().startsWith("/")) {
                    throw problem(e.getValue(), "path '" + e.getKey() + "' must start with '/'");
                }
                readPath(e.getKey(), Pointer.append("/paths", e.getKey()), e.getValue(), operations);
            }
        }
        Map<String, Operation> webhooks = webhooks();
        List<SecurityRequirement> security = requirements(root.get("security").orElse(null)).orElse(List.of());
        List<Server> servers = servers();
        Map<String, SecurityScheme> schemes = securitySchemes();
        schemas.drain();
        return new ApiSpec(version, doc.name(), info.text("title").orElse(""), info.text("version").orElse(""),
                servers, operations, schemas.table(), schemes, security, webhooks, schemas.extensible());
    }

    /**
     * OpenAPI 3.1's {@code webhooks}: each a path item keyed by the webhook's name, read like
     * a path (the name stands where the path would), so {@code POST newPet} keys it.
     */
    private Map<String, Operation> webhooks() throws SpecException {
        Map<String, Operation> out = new LinkedHashMap<>();
        Optional<Node> hooks = version == SpecVersion.OPENAPI_3_1 ? root.get("webhooks") : Optional.empty();
        if (hooks.isEmpty()) {
            return out;
        }
        if (!(hooks.get() instanceof ObjectNode h)) {
            throw problem(hooks.get(), "'webhooks' must be an object, found " + hooks.get().kindName());
        }
        for (Map.Entry<String, Node> e : h.fields().entrySet()) {
            if (!e.getKey().startsWith("x-")) {
                readPath(e.getKey(), Pointer.append("/webhooks", e.getKey()), e.getValue(), out);
            }
        }
        return out;
    }

    abstract List<Server> servers() throws SpecException;

    abstract Map<String, SecurityScheme> securitySchemes() throws SpecException;

    /** Reads one operation's parameters, body and responses, given its merged raw parameters. */
    abstract Operation operation(String method, String path, String pointer, ObjectNode op,
                                 List<SpecFiles.Target> parameters) throws SpecException;

    /** Reads an operation's responses, each through {@code reader}, keyed by upper-case status. */
    Map<String, Response> responses(String pointer, ObjectNode op, ResponseReader reader) throws SpecException {
        Map<String, Response> responses = new LinkedHashMap<>();
        Optional<ObjectNode> rs = op.object("responses");
        if (rs.isEmpty()) {
            return responses;
        }
        String base = Pointer.append(pointer, "responses");
        for (Map.Entry<String, Node> e : rs.get().fields().entrySet()) {
            if (e.getKey().startsWith("x-")) {
                continue;
            }
            SpecFiles.Target t = files.follow(doc, Pointer.append(base, e.getKey()), e.getValue());
            if (!(t.node() instanceof ObjectNode r)) {
                throw new SpecException(Problem.at(t.doc().name(), t.node(), "a response must be an object"));
            }
            String status = e.getKey().toUpperCase(Locale.ROOT);
            responses.put(status, reader.read(t, r, status));
        }
        return responses;
    }

    /** Reads one response object, found at {@code at}. */
    interface ResponseReader {
        Response read(SpecFiles.Target at, ObjectNode response, String status) throws SpecException;
    }

    private void readPath(String path, String pointer, Node value, Map<String, Operation> out) throws SpecException {
        for (Operation operation : pathItem(doc, path, pointer, value)) {
            Operation clash = out.putIfAbsent(operation.key(), operation);
            if (clash != null) {
                throw new SpecException(new Problem(operation.source().file(), operation.source().line(),
                        operation.source().column(), "operation " + operation.label()
                        + " is the same as " + clash.label() + " (paths differ only in parameter names)"));
            }
        }
    }

    /**
     * The operations of one path item (a path's, a webhook's or a callback's), each with the
     * servers it is served from: its own, else the path item's.
     */
    List<Operation> pathItem(SpecFiles.Document d, String path, String pointer, Node value) throws SpecException {
        SpecFiles.Target item = files.follow(d, pointer, value);
        if (!(item.node() instanceof ObjectNode itemNode)) {
            throw new SpecException(Problem.at(d.name(), value, "path item '" + path + "' must be an object"));
        }
        List<Operation> out = new ArrayList<>();
        List<Server> itemServers = ownServers(item.doc(), item.pointer(), itemNode);
        List<SpecFiles.Target> shared = rawParameters(item.doc(), item.pointer(), itemNode);
        for (String method : METHODS) {
            Optional<Node> opNode = itemNode.get(method);
            if (opNode.isEmpty()) {
                continue;
            }
            if (!(opNode.get() instanceof ObjectNode op)) {
                throw new SpecException(Problem.at(item.doc().name(), opNode.get(), "operation '" + method + " " + path + "' must be an object"));
            }
            String opPointer = Pointer.append(item.pointer(), method);
            List<SpecFiles.Target> own = rawParameters(item.doc(), opPointer, op);
            Operation operation = operation(method, path, opPointer, op, merge(shared, own));
            List<Server> servers = ownServers(item.doc(), opPointer, op);
            out.add(operation.withServers(servers.isEmpty() ? itemServers : servers));
        }
        return out;
    }

    /** The servers an operation or path item names itself; none in Swagger 2.0. */
    List<Server> ownServers(SpecFiles.Document d, String pointer, ObjectNode holder) throws SpecException {
        return List.of();
    }

    private List<SpecFiles.Target> rawParameters(SpecFiles.Document d, String pointer, ObjectNode holder) throws SpecException {
        Optional<Node> ps = holder.get("parameters");
        if (ps.isEmpty()) {
            return List.of();
        }
        if (!(ps.get() instanceof ArrayNode a)) {
            throw new SpecException(Problem.at(d.name(), ps.get(), "'parameters' must be an array"));
        }
        List<SpecFiles.Target> out = new ArrayList<>();
        String base = Pointer.append(pointer, "parameters");
        for (int i = 0; i < a.items().size(); i++) {
            SpecFiles.Target t = files.follow(d, base + "/" + i, a.items().get(i));
            if (!(t.node() instanceof ObjectNode p) || p.text("name").isEmpty() || p.text("in").isEmpty()) {
                throw new SpecException(Problem.at(t.doc().name(), t.node(), "a parameter needs 'name' and 'in'"));
            }
            out.add(t);
        }
        return out;
    }

    /** Operation parameters override path-level ones with the same name and location. */
    private static List<SpecFiles.Target> merge(List<SpecFiles.Target> shared, List<SpecFiles.Target> own) {
        if (shared.isEmpty()) {
            return own;
        }
        Map<String, SpecFiles.Target> byKey = new LinkedHashMap<>();
        for (SpecFiles.Target t : shared) {
            byKey.put(parameterKey((ObjectNode) t.node()), t);
        }
        for (SpecFiles.Target t : own) {
            byKey.put(parameterKey((ObjectNode) t.node()), t);
        }
        return new ArrayList<>(byKey.values());
    }

    private static String parameterKey(ObjectNode p) {
        String in = p.text("in").orElse("");
        String name = p.text("name").orElse("");
        return in + ":" + (in.equals("header") ? name.toLowerCase(Locale.ROOT) : name);
    }

    Optional<List<SecurityRequirement>> requirements(Node node) throws SpecException {
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof ArrayNode a)) {
            throw problem(node, "'security' must be an array");
        }
        List<SecurityRequirement> out = new ArrayList<>();
        for (Node alt : a.items()) {
            if (!(alt instanceof ObjectNode o)) {
                throw problem(alt, "a security requirement must be an object");
            }
            Map<String, Set<String>> schemes = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : o.fields().entrySet()) {
                Set<String> scopes = new LinkedHashSet<>();
                if (e.getValue() instanceof ArrayNode sa) {
                    sa.items().forEach(s -> scopes.add(s instanceof ScalarNode sc ? sc.text() : Json.write(s)));
                }
                schemes.put(e.getKey(), scopes);
            }
            out.add(new SecurityRequirement(schemes));
        }
        return Optional.of(out);
    }

    static Optional<LocalDate> sunset(ObjectNode op) {
        return op.text("x-sunset").flatMap(s -> {
            try {
                return Optional.of(LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    static String mediaKey(String name) {
        int semi = name.indexOf(';');
        return (semi < 0 ? name : name.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The path part of a server URL, variables replaced by their defaults; "/" when empty. */
    static String basePath(String url) {
        String u = url;
        int scheme = u.indexOf("://");
        if (scheme >= 0) {
            int slash = u.indexOf('/', scheme + 3);
            u = slash < 0 ? "/" : u.substring(slash);
        }
        int q = u.indexOf('?');
        if (q >= 0) {
            u = u.substring(0, q);
        }
        if (u.length() > 1 && u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.isEmpty() ? "/" : u;
    }

    ObjectNode requireObject(ObjectNode holder, String key, String pointer) throws SpecException {
        Node n = holder.fields().get(key);
        if (n == null) {
            throw problem(holder, "'" + key + "' is missing" + (pointer.isEmpty() ? "" : " at " + pointer));
        }
        if (!(n instanceof ObjectNode o)) {
            throw problem(n, "'" + key + "' must be an object, found " + n.kindName());
        }
        return o;
    }

    SpecException problem(Node at, String message) {
        return new SpecException(Problem.at(doc.name(), at, message));
    }
}
