package org.breakwater.catalog.files;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Backstage entity reference: {@code kind:namespace/name}, {@code kind:name},
 * {@code namespace/name} or {@code name}. Breakwater names are global, so only the name is
 * kept in catalog entries; the kind tells what the reference points at.
 *
 * @param kind      the kind in lower case, when written
 * @param namespace the namespace, {@value #DEFAULT_NAMESPACE} when not written
 * @param name      the entity's name
 */
record EntityRef(Optional<String> kind, String namespace, String name) {
    static final String DEFAULT_NAMESPACE = "default";

    private static final String PART = "[A-Za-z0-9][A-Za-z0-9._-]*";
    private static final Pattern REF = Pattern.compile(
            "(?:([A-Za-z][A-Za-z0-9]*):)?(?:(" + PART + ")/)?(" + PART + ")");

    /** The reference {@code text} makes, or empty when it is not one. */
    static Optional<EntityRef> parse(String text) {
        Matcher m = REF.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<String> kind = Optional.ofNullable(m.group(1)).map(k -> k.toLowerCase(Locale.ROOT));
        String namespace = m.group(2) == null ? DEFAULT_NAMESPACE : m.group(2);
        return Optional.of(new EntityRef(kind, namespace, m.group(3)));
    }

    /** The kind written, else the one the field implies. */
    String kindOr(String implied) {
        return kind.orElse(implied);
    }

    /** True when the reference names an entity of {@code kind} (lower case), or implies it by naming none. */
    boolean is(String kind, boolean impliedWhenAbsent) {
        return this.kind.map(kind::equals).orElse(impliedWhenAbsent);
    }
}
