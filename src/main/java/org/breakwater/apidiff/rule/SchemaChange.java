package org.breakwater.apidiff.rule;

import static org.breakwater.apidiff.rule.Level.BREAKING;
import static org.breakwater.apidiff.rule.Level.INFO;
import static org.breakwater.apidiff.rule.Level.WARNING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.breakwater.apidiff.spec.Constraint;

/**
 * A change to a schema, judged once for each direction: the same edit that is harmless in a
 * response (fewer values) breaks a request, and the other way round. Combined with a
 * {@link Scope} it makes a {@link Rule}: {@code response-property-enum-value-added}.
 *
 * @param onlyProperties true for changes that concern an object's members (added, removed,
 *                       required), which exist only in the property scopes
 */
public record SchemaChange(String suffix, Level request, Level response, boolean onlyProperties,
                           String explanation, String example) {

    private static final List<SchemaChange> ALL = new ArrayList<>();

    public static final SchemaChange TYPE_CHANGED = add("type-changed", BREAKING, BREAKING,
            "the type changed to one that accepts different values", "type: string → type: integer");
    public static final SchemaChange TYPE_WIDENED = add("type-widened", INFO, BREAKING,
            "the type now accepts more values: fine for requests, but responses may carry values clients cannot read",
            "type: integer → type: number");
    public static final SchemaChange TYPE_NARROWED = add("type-narrowed", BREAKING, INFO,
            "the type accepts fewer values: requests clients send today may be refused",
            "type: [string, integer] → type: string");
    public static final SchemaChange BECAME_NULLABLE = add("became-nullable", INFO, BREAKING,
            "null is now allowed: clients reading it may not expect null", "nullable: false → true");
    public static final SchemaChange BECAME_NOT_NULLABLE = add("became-not-nullable", BREAKING, INFO,
            "null is no longer allowed: clients that send null will be refused", "nullable: true → false");
    public static final SchemaChange FORMAT_CHANGED = add("format-changed", BREAKING, BREAKING,
            "the format changed: values valid before may be invalid or mean something else",
            "format: date → format: date-time");
    public static final SchemaChange FORMAT_ADDED = add("format-added", WARNING, INFO,
            "a format now restricts the value: values that do not match it may be refused",
            "type: string → type: string, format: uuid");
    public static final SchemaChange FORMAT_REMOVED = add("format-removed", INFO, WARNING,
            "the format no longer restricts the value: clients parsing it strictly may fail",
            "format: uuid → (none)");
    public static final SchemaChange ENUM_VALUE_ADDED = add("enum-value-added", INFO, WARNING,
            "new allowed values: clients that switch on the value may meet one they do not know",
            "enum: [devel] → enum: [devel, master]");
    public static final SchemaChange ENUM_VALUE_REMOVED = add("enum-value-removed", BREAKING, INFO,
            "allowed values removed: clients still sending them will be refused", "enum: [devel, master] → enum: [master]");
    public static final SchemaChange ENUM_VALUES_REPLACED = add("enum-values-replaced", BREAKING, BREAKING,
            "values were removed and others added at once (a rename): clients matching on an old value silently"
                    + " stop matching, and meet a value they do not know", "enum: [devel, f20] → enum: [master, f20]");
    public static final SchemaChange ENUM_ADDED = add("enum-added", BREAKING, INFO,
            "the value is now limited to a list: other values clients send will be refused",
            "type: string → enum: [a, b]");
    public static final SchemaChange ENUM_REMOVED = add("enum-removed", INFO, WARNING,
            "the value is no longer limited to a list: clients may meet values they do not know",
            "enum: [a, b] → type: string");
    public static final SchemaChange EXTENSIBLE_ENUM_VALUE_ADDED = add("extensible-enum-value-added", INFO, INFO,
            "a value was added to x-extensible-enum, a list clients are told will grow: readers must already"
                    + " tolerate values they do not know", "x-extensible-enum: [devel] → [devel, master]");
    public static final SchemaChange EXTENSIBLE_ENUM_VALUE_REMOVED = add("extensible-enum-value-removed", BREAKING, INFO,
            "a value was removed from x-extensible-enum: servers may refuse values not in the list, so clients still"
                    + " sending it will be refused; readers simply stop seeing it",
            "x-extensible-enum: [devel, master] → [master]");
    public static final SchemaChange DEFAULT_CHANGED = add("default-changed", BREAKING, INFO,
            "the default changed: clients that leave the value out silently get another behaviour",
            "default: 20 → default: 100");
    public static final SchemaChange DEFAULT_ADDED = add("default-added", INFO, INFO,
            "a default is now documented", "(none) → default: 20");
    public static final SchemaChange DEFAULT_REMOVED = add("default-removed", WARNING, INFO,
            "the default is no longer documented: what the server assumes when the value is left out may change",
            "default: 20 → (none)");
    public static final SchemaChange PATTERN_ADDED = add("pattern-added", BREAKING, INFO,
            "a pattern now restricts the value: values that do not match will be refused",
            "(none) → pattern: ^[a-z]+$");
    public static final SchemaChange PATTERN_REMOVED = add("pattern-removed", INFO, WARNING,
            "the pattern no longer restricts the value", "pattern: ^[a-z]+$ → (none)");
    public static final SchemaChange PATTERN_CHANGED = add("pattern-changed", WARNING, WARNING,
            "the pattern changed: whether it accepts every value the old one did cannot be decided here",
            "pattern: ^[a-z]+$ → pattern: ^[a-z0-9]+$");
    public static final SchemaChange PATTERN_REPLACED = add("pattern-replaced", BREAKING, BREAKING,
            "the pattern changed to one no old value matches (both anchored, with different literal prefixes):"
                    + " every value clients send today is refused, and every value they read is one they do not expect",
            "pattern: ^BU[0-9a-f]{32}$ → pattern: ^RN[0-9a-f]{32}$");
    public static final SchemaChange UNIQUE_ITEMS_ADDED = add("unique-items-added", BREAKING, INFO,
            "array items must now be unique: arrays with repeats will be refused", "uniqueItems: false → true");
    public static final SchemaChange UNIQUE_ITEMS_REMOVED = add("unique-items-removed", INFO, WARNING,
            "array items may now repeat", "uniqueItems: true → false");
    public static final SchemaChange ADDITIONAL_PROPERTIES_FORBIDDEN = add("additional-properties-forbidden", BREAKING, INFO,
            "members not listed are now refused", "additionalProperties: true → false");
    public static final SchemaChange ADDITIONAL_PROPERTIES_ALLOWED = add("additional-properties-allowed", INFO, WARNING,
            "members not listed may now appear", "additionalProperties: false → true");
    public static final SchemaChange BECAME_READ_ONLY = add("became-read-only", BREAKING, INFO,
            "the value became read-only: what clients send is now ignored or refused", "readOnly: false → true");
    public static final SchemaChange READ_ONLY_REMOVED = add("read-only-removed", INFO, INFO,
            "the value is no longer read-only", "readOnly: true → false");
    public static final SchemaChange BECAME_WRITE_ONLY = add("became-write-only", INFO, BREAKING,
            "the value became write-only: responses no longer carry it", "writeOnly: false → true");
    public static final SchemaChange WRITE_ONLY_REMOVED = add("write-only-removed", INFO, INFO,
            "the value is no longer write-only", "writeOnly: true → false");
    public static final SchemaChange DEPRECATED = add("deprecated", INFO, INFO,
            "the value is now deprecated: plan to stop using it", "deprecated: false → true");
    public static final SchemaChange DISCRIMINATOR_ADDED = add("discriminator-added", WARNING, WARNING,
            "a discriminator now selects the variant", "(none) → discriminator: {propertyName: kind}");
    public static final SchemaChange DISCRIMINATOR_REMOVED = add("discriminator-removed", WARNING, WARNING,
            "the discriminator is gone: clients that pick the variant by it must change",
            "discriminator: {propertyName: kind} → (none)");
    public static final SchemaChange DISCRIMINATOR_PROPERTY_CHANGED = add("discriminator-property-changed", BREAKING, BREAKING,
            "the variant is named by another property", "propertyName: kind → propertyName: type");
    public static final SchemaChange DISCRIMINATOR_MAPPING_ADDED = add("discriminator-mapping-added", INFO, WARNING,
            "a new variant value: clients may meet a variant they do not know", "mapping: {a} → mapping: {a, b}");
    public static final SchemaChange DISCRIMINATOR_MAPPING_REMOVED = add("discriminator-mapping-removed", BREAKING, INFO,
            "a variant value is gone: clients sending it will be refused", "mapping: {a, b} → mapping: {a}");
    public static final SchemaChange DISCRIMINATOR_MAPPING_CHANGED = add("discriminator-mapping-changed", BREAKING, BREAKING,
            "a variant value now selects another schema", "mapping: {a: A} → mapping: {a: B}");
    public static final SchemaChange DISCRIMINATOR_MAPPING_TARGET_RENAMED = add("discriminator-mapping-target-renamed",
            WARNING, WARNING, "a variant value now selects a schema of another name but the same structure: the wire is the"
                    + " same, but generated clients rename the variant's class",
            "mapping: {dog: Dog} → mapping: {dog: MyDog}");
    public static final SchemaChange ONE_OF_MEMBER_ADDED = add("one-of-member-added", INFO, WARNING,
            "a new alternative: responses may carry a shape clients do not know", "oneOf: [A] → oneOf: [A, B]");
    public static final SchemaChange ONE_OF_MEMBER_REMOVED = add("one-of-member-removed", BREAKING, INFO,
            "an alternative is gone: clients sending that shape will be refused", "oneOf: [A, B] → oneOf: [A]");
    public static final SchemaChange ANY_OF_MEMBER_ADDED = add("any-of-member-added", INFO, WARNING,
            "a new alternative: responses may carry a shape clients do not know", "anyOf: [A] → anyOf: [A, B]");
    public static final SchemaChange ANY_OF_MEMBER_REMOVED = add("any-of-member-removed", BREAKING, INFO,
            "an alternative is gone: clients sending that shape will be refused", "anyOf: [A, B] → anyOf: [A]");
    public static final SchemaChange ALL_OF_MEMBER_ADDED = add("all-of-member-added", WARNING, INFO,
            "another schema must now hold as well: it may add constraints", "allOf: [A] → allOf: [A, B]");
    public static final SchemaChange ALL_OF_MEMBER_REMOVED = add("all-of-member-removed", INFO, WARNING,
            "a schema no longer has to hold: responses may lack what it promised", "allOf: [A, B] → allOf: [A]");

    public static final SchemaChange ADDED = addProperty("added", INFO, INFO,
            "a new optional member: clients need not change", "(none) → properties: {tags}");
    public static final SchemaChange REQUIRED_ADDED = addProperty("required-added", BREAKING, INFO,
            "a new required member: requests without it will be refused", "(none) → properties: {branch}, required: [branch]");
    public static final SchemaChange REMOVED = addProperty("removed", BREAKING, BREAKING,
            "a member is gone: clients that read it get nothing, clients that send it are ignored or refused",
            "properties: {branch} → (none)");
    public static final SchemaChange BECAME_REQUIRED = addProperty("became-required", BREAKING, INFO,
            "a member became required: requests without it will be refused", "required: [] → required: [branch]");
    public static final SchemaChange BECAME_OPTIONAL = addProperty("became-optional", INFO, BREAKING,
            "a member became optional: responses may lack it", "required: [branch] → required: []");

    /** How a bound moved. */
    public enum Move { ADDED, REMOVED, TIGHTENED, LOOSENED }

    private static final Map<Constraint, Map<Move, SchemaChange>> BOUNDS = new EnumMap<>(Constraint.class);

    static {
        for (Constraint c : Constraint.values()) {
            Map<Move, SchemaChange> m = new EnumMap<>(Move.class);
            String k = c.keyword();
            boolean upper = c.bound() == Constraint.Bound.UPPER;
            boolean divisor = c.bound() == Constraint.Bound.DIVISOR;
            m.put(Move.ADDED, add(c.id() + "-added", BREAKING, INFO,
                    k + " now limits the value: values beyond it will be refused", "(none) → " + k + ": 10"));
            m.put(Move.REMOVED, add(c.id() + "-removed", INFO, WARNING,
                    k + " no longer limits the value: responses may carry values beyond the old limit",
                    k + ": 10 → (none)"));
            m.put(Move.TIGHTENED, add(c.id() + (divisor ? "-tightened" : upper ? "-decreased" : "-increased"), BREAKING, INFO,
                    k + " is stricter: values clients send today may be refused",
                    divisor ? k + ": 2 → 4" : upper ? k + ": 100 → 50" : k + ": 1 → 5"));
            m.put(Move.LOOSENED, add(c.id() + (divisor ? "-loosened" : upper ? "-increased" : "-decreased"), INFO, WARNING,
                    k + " is looser: responses may carry values beyond the old limit",
                    divisor ? k + ": 4 → 2" : upper ? k + ": 50 → 100" : k + ": 5 → 1"));
            BOUNDS.put(c, m);
        }
    }

    /** multipleOf changed to a divisor neither stricter nor looser than the old one. */
    public static final SchemaChange MULTIPLE_OF_CHANGED = add("multiple-of-changed", BREAKING, WARNING,
            "multipleOf changed to an unrelated divisor: values valid before may be refused", "multipleOf: 2 → 3");

    private static SchemaChange add(String suffix, Level request, Level response, String explanation, String example) {
        return registered(ALL, suffix, request, response, false, explanation, example);
    }

    private static SchemaChange addProperty(String suffix, Level request, Level response, String explanation, String example) {
        return registered(ALL, suffix, request, response, true, explanation, example);
    }

    /** A new change, kept in {@code registry} in the order written: the order the rules are listed in. */
    static SchemaChange registered(List<SchemaChange> registry, String suffix, Level request, Level response,
                                   boolean onlyProperties, String explanation, String example) {
        SchemaChange c = new SchemaChange(suffix, request, response, onlyProperties, explanation, example);
        registry.add(c);
        return c;
    }

    public static SchemaChange bound(Constraint c, Move move) {
        return BOUNDS.get(c).get(move);
    }

    /** Every change: these, then the JSON Schema 2020-12 keywords' ({@link KeywordChanges}). */
    public static List<SchemaChange> all() {
        List<SchemaChange> all = new ArrayList<>(ALL);
        all.addAll(KeywordChanges.all());
        return Collections.unmodifiableList(all);
    }

    public Level level(Direction d) {
        return d == Direction.REQUEST ? request : response;
    }

    /** True when this change exists in {@code scope}. */
    public boolean appliesTo(Scope scope) {
        return !onlyProperties || scope.isProperty();
    }
}
