package org.breakwater.bench;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Derives large OpenAPI pairs from a real pair (Twilio's api_v2010 2.0.0 and 2.6.7).
 *
 * <p>A pair of scale {@code N} holds {@code N} copies of the source document. Copy {@code k}
 * has every path prefixed with {@code /rKK}, every component schema renamed {@code rKK.NAME}
 * (with every {@code $ref} inside the copy rewritten to match) and every operationId prefixed
 * with {@code rKK_}. Both documents of the pair therefore stay valid OpenAPI 3.0, and the real
 * differences between the two Twilio releases appear once per copy. On top of that, each copy
 * of the new document gets a few seeded edits ({@link Random} with a fixed seed per copy), so
 * the copies do not all carry identical findings: an operation removed, a required query
 * parameter added, a property's type changed, an enum value removed, an optional request
 * field made required, an optional response property added.
 *
 * <p>Output is deterministic: same inputs and scale, same bytes.
 *
 * <pre>GeneratePairs OLD.json NEW.json OUT_DIR NAME:COPIES [NAME:COPIES ...]</pre>
 * writes {@code OUT_DIR/NAME.old.json} and {@code OUT_DIR/NAME.new.json} for each entry.
 */
public final class GeneratePairs {
  static final long SEED = 20100401L;
  private static final String SCHEMA_REF = "#/components/schemas/";
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final ObjectMapper mapper = new ObjectMapper();

  private GeneratePairs() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      System.err.println("usage: GeneratePairs OLD.json NEW.json OUT_DIR NAME:COPIES [NAME:COPIES ...]");
      System.exit(2);
    }
    GeneratePairs g = new GeneratePairs();
    ObjectNode oldDoc = (ObjectNode) g.mapper.readTree(Path.of(args[0]).toFile());
    ObjectNode newDoc = (ObjectNode) g.mapper.readTree(Path.of(args[1]).toFile());
    Path out = Path.of(args[2]);
    Files.createDirectories(out);
    for (int i = 3; i < args.length; i++) {
      String[] spec = args[i].split(":", 2);
      String name = spec[0];
      int copies = Integer.parseInt(spec[1]);
      Path o = out.resolve(name + ".old.json");
      Path n = out.resolve(name + ".new.json");
      g.write(g.replicate(oldDoc, copies, false), o);
      g.write(g.replicate(newDoc, copies, true), n);
      System.out.printf(
          Locale.ROOT,
          "%s: %d copies, old %.2f MB, new %.2f MB%n",
          name,
          copies,
          Files.size(o) / 1e6,
          Files.size(n) / 1e6);
    }
  }

  ObjectNode replicate(ObjectNode src, int copies, boolean mutate) {
    JsonNodeFactory f = mapper.getNodeFactory();
    ObjectNode doc = f.objectNode();
    ObjectNode paths = f.objectNode();
    ObjectNode schemas = f.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = src.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      switch (e.getKey()) {
        case "paths" -> doc.set("paths", paths);
        case "components" -> {
          ObjectNode comps = f.objectNode();
          for (Iterator<Map.Entry<String, JsonNode>> ci = e.getValue().fields(); ci.hasNext(); ) {
            Map.Entry<String, JsonNode> c = ci.next();
            comps.set(c.getKey(), c.getKey().equals("schemas") ? schemas : c.getValue().deepCopy());
          }
          doc.set("components", comps);
        }
        case "info" -> {
          ObjectNode info = e.getValue().deepCopy();
          info.put("title", info.path("title").asText() + " (x" + copies + ", generated)");
          doc.set("info", info);
        }
        default -> doc.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    for (int k = 0; k < copies; k++) {
      String tag = String.format(Locale.ROOT, "r%02d", k);
      ObjectNode copyPaths = f.objectNode();
      ObjectNode copySchemas = f.objectNode();
      src.path("paths").fields().forEachRemaining(e -> copyPaths.set("/" + tag + e.getKey(), rename(e.getValue().deepCopy(), tag)));
      src.path("components").path("schemas").fields().forEachRemaining(e -> copySchemas.set(tag + "." + e.getKey(), rename(e.getValue().deepCopy(), tag)));
      if (mutate) {
        new Mutator(new Random(SEED + k), copyPaths, copySchemas, tag).apply();
      }
      paths.setAll(copyPaths);
      schemas.setAll(copySchemas);
    }
    return doc;
  }

  /** Rewrites schema $refs and operationIds in one copied subtree. */
  private static JsonNode rename(JsonNode node, String tag) {
    if (node instanceof ObjectNode obj) {
      for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (e.getKey().equals("$ref") && v.isTextual() && v.asText().startsWith(SCHEMA_REF)) {
          e.setValue(new TextNode(SCHEMA_REF + tag + "." + v.asText().substring(SCHEMA_REF.length())));
        } else if (e.getKey().equals("operationId") && v.isTextual()) {
          e.setValue(new TextNode(tag + "_" + v.asText()));
        } else {
          rename(v, tag);
        }
      }
    } else if (node instanceof ArrayNode arr) {
      arr.forEach(child -> rename(child, tag));
    }
    return node;
  }

  private void write(ObjectNode doc, Path target) throws IOException {
    // Same layout as the Twilio source files: two-space indent, "key": value.
    DefaultPrettyPrinter pp =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    pp.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    try (OutputStream os = Files.newOutputStream(target)) {
      mapper.writer(pp).writeValue(os, doc);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Seeded edits applied to one copy of the new document. */
  private static final class Mutator {
    private final Random rnd;
    private final ObjectNode paths;
    private final ObjectNode schemas;
    private final String tag;

    Mutator(Random rnd, ObjectNode paths, ObjectNode schemas, String tag) {
      this.rnd = rnd;
      this.paths = paths;
      this.schemas = schemas;
      this.tag = tag;
    }

    void apply() {
      removeOperation();
      addRequiredQueryParameter();
      addRequiredQueryParameter();
      changePropertyType();
      removeEnumValue();
      makeRequestFieldRequired();
      addOptionalProperty();
    }

    private <T> T pick(List<T> items) {
      return items.isEmpty() ? null : items.get(rnd.nextInt(items.size()));
    }

    private List<ObjectNode> operations() {
      List<ObjectNode> ops = new ArrayList<>();
      paths.forEach(item -> METHODS.forEach(m -> {
        if (item.get(m) instanceof ObjectNode op) {
          ops.add(op);
        }
      }));
      return ops;
    }

    /** Breaking: drop one operation from a path that keeps at least one other. */
    private void removeOperation() {
      List<ObjectNode> items = new ArrayList<>();
      paths.forEach(item -> {
        if (METHODS.stream().filter(item::has).count() > 1) {
          items.add((ObjectNode) item);
        }
      });
      ObjectNode item = pick(items);
      if (item != null) {
        List<String> present = METHODS.stream().filter(item::has).toList();
        item.remove(pick(present));
      }
    }

    /** Breaking: a new required query parameter. */
    private void addRequiredQueryParameter() {
      ObjectNode op = pick(operations());
      if (op == null) {
        return;
      }
      ArrayNode params = op.has("parameters") ? (ArrayNode) op.get("parameters") : op.putArray("parameters");
      ObjectNode p = params.addObject();
      p.put("name", "Bench" + tag.toUpperCase(Locale.ROOT) + "Filter" + rnd.nextInt(1000));
      p.put("in", "query");
      p.put("description", "Generated by the benchmark: a required filter that old clients do not send.");
      p.putObject("schema").put("type", "string");
      p.put("required", true);
    }

    private List<ObjectNode> schemaProperties(java.util.function.Predicate<JsonNode> filter) {
      List<ObjectNode> props = new ArrayList<>();
      schemas.forEach(s -> s.path("properties").forEach(p -> {
        if (p instanceof ObjectNode o && filter.test(o)) {
          props.add(o);
        }
      }));
      return props;
    }

    /** Breaking for clients that parse it: a string property becomes an integer. */
    private void changePropertyType() {
      ObjectNode prop = pick(schemaProperties(p -> "string".equals(p.path("type").asText()) && !p.has("enum")));
      if (prop != null) {
        prop.put("type", "integer");
        prop.remove("format");
        prop.remove("pattern");
        prop.remove("minLength");
        prop.remove("maxLength");
      }
    }

    /** Breaking: an enum loses one of its values (component schema or referenced enum). */
    private void removeEnumValue() {
      List<ArrayNode> enums = new ArrayList<>();
      schemas.forEach(s -> {
        if (s.get("enum") instanceof ArrayNode a && a.size() > 2) {
          enums.add(a);
        }
        s.path("properties").forEach(p -> {
          if (p.get("enum") instanceof ArrayNode a && a.size() > 2) {
            enums.add(a);
          }
        });
      });
      ArrayNode values = pick(enums);
      if (values != null) {
        values.remove(rnd.nextInt(values.size()));
      }
    }

    /** Breaking: an optional field of a request body becomes required. */
    private void makeRequestFieldRequired() {
      List<ObjectNode> bodies = new ArrayList<>();
      for (ObjectNode op : operations()) {
        op.path("requestBody").path("content").forEach(media -> {
          if (media.get("schema") instanceof ObjectNode s && s.get("properties") instanceof ObjectNode props) {
            List<String> required = new ArrayList<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            props.fieldNames().forEachRemaining(n -> {
              if (!required.contains(n)) {
                bodies.add(s);
              }
            });
          }
        });
      }
      ObjectNode schema = pick(bodies);
      if (schema == null) {
        return;
      }
      List<String> optional = new ArrayList<>();
      List<String> required = new ArrayList<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      schema.get("properties").fieldNames().forEachRemaining(n -> {
        if (!required.contains(n)) {
          optional.add(n);
        }
      });
      ArrayNode req = schema.has("required") ? (ArrayNode) schema.get("required") : schema.putArray("required");
      req.add(pick(optional));
    }

    /** Not breaking: an optional property added to a response schema. */
    private void addOptionalProperty() {
      List<ObjectNode> objects = new ArrayList<>();
      schemas.forEach(s -> {
        if (s.get("properties") instanceof ObjectNode props) {
          objects.add(props);
        }
      });
      ObjectNode props = pick(objects);
      if (props != null) {
        ObjectNode p = props.putObject("bench_" + tag + "_note");
        p.put("type", "string");
        p.put("nullable", true);
        p.put("description", "Generated by the benchmark: an optional property added in the new version.");
      }
    }
  }
}
