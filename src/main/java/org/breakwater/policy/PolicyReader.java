package org.breakwater.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.Problem;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.ScalarNode;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.TreeReader;
import org.breakwater.catalog.Tier;

/**
 * Reads a {@code policy.yaml} (docs/policy.md describes every key) into a {@link Policy}.
 * Every problem of the file is collected, each at its {@code file:line:column}, and thrown
 * together as one {@link PolicyException}; a policy is returned only when there is none.
 */
public final class PolicyReader {
    /** The bundled default policy, on the classpath. */
    static final String DEFAULT_RESOURCE = "policy/default-policy.yaml";
    /** A policy is a page of YAML; anything near this size is not one. */
    static final int MAX_BYTES = 1024 * 1024;

    private static final List<String> TOP = List.of("version", "ratified", "minutes", "appliesTo", "announcements",
            "meeting", "staging", "consumers", "roster", "freeze", "schedule", "detection");
    private static final List<String> TIERS = List.of("essential", "borderline", "leaf");
    private static final List<String> APPLICABILITY = List.of("always", "breaks-or-major", "meeting-decides", "never");

    private PolicyReader() {
    }

    /** Reads a policy file; messages name it as {@code file} was given. */
    public static Policy read(Path file) throws PolicyException {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw fail(name, "is a directory, not a policy file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw fail(name, "is " + Files.size(file) + " bytes; a policy file is at most " + MAX_BYTES);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fail(name, "no such file");
        } catch (IOException e) {
            throw fail(name, "cannot be read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw fail(name, "is not UTF-8 text");
        }
        return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, name, bytes);
    }

    /** Reads a policy from text; {@code name} is how messages name it (a .json name means JSON). */
    public static Policy parse(String text, String name) throws PolicyException {
        return parse(text, name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The bundled default: the policy of the seed thread. A broken bundled file is a bug. */
    public static Policy defaults() {
        try (InputStream in = PolicyReader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("the bundled " + DEFAULT_RESOURCE + " cannot be read", e);
        } catch (PolicyException e) {
            throw new IllegalStateException("the bundled " + DEFAULT_RESOURCE + " is broken: " + e.getMessage(), e);
        }
    }

    private static PolicyException fail(String name, String message) {
        return new PolicyException(List.of(Problem.inFile(name, message)));
    }

    private static Policy parse(String text, String name, byte[] bytes) throws PolicyException {
        if (bytes.length > MAX_BYTES) {
            throw fail(name, "is " + bytes.length + " bytes; a policy file is at most " + MAX_BYTES);
        }
        Node root;
        try {
            root = new TreeReader(ReadLimits.defaults().withMaxBytes(MAX_BYTES)).parse(text, name);
        } catch (SpecException e) {
            throw new PolicyException(List.of(e.problem()));
        }
        PolicyText source = new PolicyText(name, text);
        PolicySyntax syntax = new PolicySyntax(source);
        PolicyFields top = PolicyFields.root(source, root, TOP);
        int version = top.number("version", 1);
        Optional<LocalDate> ratified = top.string("ratified", "a date (YYYY-MM-DD)")
                .flatMap(s -> syntax.date(s, "ratified"));
        Optional<String> minutes = top.optionalString("minutes", "a web address")
                .flatMap(s -> syntax.webAddress(s, "minutes"));
        Map<Tier, Applicability> appliesTo = appliesTo(top.section("appliesTo", TIERS));
        Policy.Announcements announcements = PolicySections.announcements(top, syntax);
        Policy.MeetingRule meeting = PolicySections.meeting(top, syntax);
        PolicyFields staging = top.section("staging", List.of("greenDays", "runsCandidate", "soak", "replay",
                "replaySchedule"));
        boolean replay = staging.optionalFlag("replay", false);
        Policy.StagingRule stagingRule = new Policy.StagingRule(staging.number("greenDays", 0),
                staging.flag("runsCandidate"), duration(staging, syntax, "soak"), replay,
                ReplaySchedule.read(staging, replay));
        PolicyFields consumers = top.section("consumers", List.of("allAcknowledged", "essentialVerified"));
        Policy.ConsumerRule consumerRule = new Policy.ConsumerRule(consumers.flag("allAcknowledged"),
                consumers.flag("essentialVerified"));
        PolicyFields roster = top.section("roster", List.of("firefighters", "outsideTeamContacts"));
        Policy.RosterRule rosterRule = new Policy.RosterRule(roster.number("firefighters", 0),
                roster.flag("outsideTeamContacts"));
        PolicyFields freeze = top.section("freeze", List.of("blocksFrozenServices", "freezeBreakApprovals"));
        Policy.FreezeRule freezeRule = new Policy.FreezeRule(freeze.flag("blocksFrozenServices"),
                freeze.number("freezeBreakApprovals", 0));
        Policy.ScheduleRule schedule = PolicySections.schedule(top, syntax);
        Policy.DetectionRule detection = PolicySections.detection(top, syntax);
        List<Problem> problems = source.problems();
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        return new Policy(version, ratified.orElseThrow(), minutes, appliesTo, announcements, meeting, stagingRule,
                consumerRule, rosterRule, freezeRule, schedule, detection, hash(bytes));
    }

    private static Map<Tier, Applicability> appliesTo(PolicyFields f) {
        Map<Tier, Applicability> out = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            f.string(tier.id(), "one of " + String.join(", ", APPLICABILITY)).ifPresent(s -> {
                Optional<Applicability> a = Applicability.parse(s.text().strip());
                if (a.isPresent()) {
                    out.put(tier, a.get());
                } else {
                    f.text().at(s, f.name(tier.id()) + ": '" + PolicyText.printable(s.text()) + "' is not one of "
                            + String.join(", ", APPLICABILITY));
                }
            });
        }
        return out;
    }

    /** A required duration; zero when missing or wrong (the reader throws before it is used). */
    static Duration duration(PolicyFields f, PolicySyntax syntax, String key) {
        return optionalDuration(f, syntax, key).orElse(Duration.ZERO);
    }

    static Optional<Duration> optionalDuration(PolicyFields f, PolicySyntax syntax, String key) {
        Optional<Node> value = f.required(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof ScalarNode s)) {
            f.wrongType(key, value.get(), "a duration (" + PolicySyntax.DURATION_FORM + ")");
            return Optional.empty();
        }
        return syntax.duration(s, f.name(key));
    }

    /** {@code sha256:} and the hex digest of {@code bytes}. */
    static String hash(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
