package org.breakwater.apidiff.rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whose clients the levels are judged for. The {@code default} profile assumes clients that
 * tolerate what API guidelines tell them to (Google's AIP-180, Zalando's rules): a new value
 * in a response enum or a new oneOf/anyOf variant is a warning. Generated clients with
 * closed enums and closed unions fail on them instead; {@code strict-clients} judges for
 * those, and makes such changes breaking unless the new description marks the schema open
 * ({@code x-extensible-enum}, or {@code x-extensible: true}).
 */
public enum Profile {
    DEFAULT("default"),
    STRICT_CLIENTS("strict-clients");

    /** The changes a closed client cannot read when a response carries them. */
    private static final List<SchemaChange> CLOSED_WORLD = List.of(SchemaChange.ENUM_VALUE_ADDED,
            SchemaChange.ENUM_REMOVED, SchemaChange.ONE_OF_MEMBER_ADDED, SchemaChange.ANY_OF_MEMBER_ADDED,
            SchemaChange.DISCRIMINATOR_MAPPING_ADDED);

    /** The rules {@code strict-clients} makes breaking, by id, at that level. */
    private static final Map<String, Rule> STRICT = strictRules();

    private final String id;

    Profile(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Profile> parse(String s) {
        for (Profile p : values()) {
            if (p.id.equals(s.toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The schema changes {@code strict-clients} makes breaking where a response carries them. */
    public static List<SchemaChange> closedWorldChanges() {
        return CLOSED_WORLD;
    }

    /** "default or strict-clients": for messages. */
    public static String choices() {
        return DEFAULT.id + " or " + STRICT_CLIENTS.id;
    }

    /**
     * The rule a finding is reported under in this profile: {@code rule} itself, or the same
     * rule made breaking when this profile judges for closed clients and the schema concerned
     * is not marked extensible.
     */
    public Rule judge(Rule rule, boolean extensible) {
        if (this != STRICT_CLIENTS || extensible) {
            return rule;
        }
        return STRICT.getOrDefault(rule.id(), rule);
    }

    /** The level of {@code rule} in this profile, for a schema not marked extensible. */
    public Level level(Rule rule) {
        return judge(rule, false).level();
    }

    private static Map<String, Rule> strictRules() {
        Map<String, Rule> m = new LinkedHashMap<>();
        for (Scope scope : Scope.values()) {
            if (scope.direction() != Direction.RESPONSE) {
                continue;
            }
            for (SchemaChange c : CLOSED_WORLD) {
                Rule r = Rules.schema(scope, c);
                m.put(r.id(), new Rule(r.id(), Level.BREAKING, r.direction(), r.explanation(), r.example()));
            }
        }
        return Map.copyOf(m);
    }
}
