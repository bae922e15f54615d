package org.breakwater.auth.oidc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.ScalarNode;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.TreeReader;

/** Reading the provider's JSON documents and the members OpenID Connect gives several shapes. */
final class JsonFields {
    /** No discovery document, key set, token response or token part comes near this. */
    private static final int MAX_CHARS = 1 << 20;
    /** Far beyond any real token's times, well within {@link Instant}'s range. */
    private static final BigDecimal LATEST_SECOND = BigDecimal.valueOf(1_000_000_000_000_000L);
    private static final TreeReader READER = new TreeReader(ReadLimits.defaults().withMaxBytes(MAX_CHARS));

    private JsonFields() {
    }

    /** {@code text} as a JSON object; {@code what} names it in the message if it is not one. */
    static ObjectNode object(String text, String what) throws OidcException {
        if (text.length() <= MAX_CHARS && text.stripLeading().startsWith("{")) {
            try {
                if (READER.parse(text, "provider.json") instanceof ObjectNode o) {
                    return o;
                }
            } catch (SpecException e) {
                // reported below, without the parser's detail: the user can do nothing with it
            }
        }
        throw new OidcException(what + " is not a JSON object");
    }

    /** A member that is one string or an array of strings (as {@code aud} and groups may be); empty if absent. */
    static List<String> strings(ObjectNode object, String key) {
        Optional<Node> value = object.get(key);
        if (value.isPresent() && value.get() instanceof ArrayNode array) {
            List<String> items = new ArrayList<>();
            for (Node item : array.items()) {
                if (item instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING) {
                    items.add(s.text());
                }
            }
            return List.copyOf(items);
        }
        return string(object, key).map(List::of).orElse(List.of());
    }

    /** A member that is a string. */
    static Optional<String> string(ObjectNode object, String key) {
        return object.get(key).filter(v -> v instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING)
                .map(v -> ((ScalarNode) v).text());
    }

    /** A member that is a time in seconds since 1970 (a JWT NumericDate) within a sane range. */
    static Optional<Instant> instant(ObjectNode object, String key) {
        return object.get(key).filter(v -> v instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NUMBER)
                .flatMap(v -> ((ScalarNode) v).decimal())
                .filter(d -> d.abs().compareTo(LATEST_SECOND) < 0)
                .map(d -> Instant.ofEpochSecond(d.longValue()));
    }
}
