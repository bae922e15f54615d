package org.breakwater.meeting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small grammar of decisions in {@code #agreed} lines (docs/meetings.md, "How to write minutes
 * Breakwater understands"):
 * <ul>
 * <li>{@code SERVICE is essential} / {@code SERVICE is not essential} / {@code SERVICE is exempt}, or
 * {@code policy applies to SERVICE} / {@code policy does not apply to SERVICE}, at the start of the line;</li>
 * <li>a deployment date: the line says deploy (deploys, deployed, deployment) and one YYYY-MM-DD date;</li>
 * <li>a freeze break: the line says freeze break (or freeze-break) and approve (approves, approved).</li>
 * </ul>
 */
final class DecisionGrammar {
    private static final String SUBJECT = "(?<s>[A-Za-z0-9][\\w.-]*)";
    private static final Pattern ESSENTIAL = Pattern.compile(
            "^(?:the\\s+)?" + SUBJECT + "\\s+is\\s+(?<not>not\\s+)?essential\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXEMPT = Pattern.compile(
            "^(?:the\\s+)?" + SUBJECT + "\\s+is\\s+exempt\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern POLICY = Pattern.compile(
            "^(?:the\\s+)?policy\\s+(?<v>applies|does\\s+not\\s+apply|doesn't\\s+apply)\\s+to\\s+" + SUBJECT,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DEPLOY = Pattern.compile("\\bdeploy(?:s|ed|ing|ment)?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FREEZE_BREAK = Pattern.compile("\\bfreeze[- ]break\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern APPROVE = Pattern.compile("\\bapprov(?:e|es|ed|al)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("(?<![\\w-])(\\d{4}-\\d{2}-\\d{2})(?![\\w-])");

    /** What an agreed line says. */
    sealed interface Parsed permits Classify, Dated, FreezeBreak, Unclear {
    }

    record Classify(String subject, boolean applies) implements Parsed {
    }

    record Dated(LocalDate date) implements Parsed {
    }

    record FreezeBreak() implements Parsed {
    }

    /** It reads like a decision but cannot be one as written. */
    record Unclear(String reason) implements Parsed {
    }

    private DecisionGrammar() {
    }

    static Optional<Parsed> parse(String text) {
        String t = text.strip();
        Matcher m = ESSENTIAL.matcher(t);
        if (m.find()) {
            return Optional.of(new Classify(m.group("s"), m.group("not") == null));
        }
        m = EXEMPT.matcher(t);
        if (m.find()) {
            return Optional.of(new Classify(m.group("s"), false));
        }
        m = POLICY.matcher(t);
        if (m.find()) {
            return Optional.of(new Classify(m.group("s"), m.group("v").equalsIgnoreCase("applies")));
        }
        if (FREEZE_BREAK.matcher(t).find() && APPROVE.matcher(t).find()) {
            return Optional.of(new FreezeBreak());
        }
        return DEPLOY.matcher(t).find() ? date(t) : Optional.empty();
    }

    private static Optional<Parsed> date(String text) {
        List<String> dates = new ArrayList<>();
        Matcher d = DATE.matcher(text);
        while (d.find()) {
            if (!dates.contains(d.group(1))) {
                dates.add(d.group(1));
            }
        }
        if (dates.isEmpty()) {
            return Optional.empty();
        }
        if (dates.size() > 1) {
            return Optional.of(new Unclear("names more than one date (" + String.join(", ", dates)
                    + "): agree on one deployment date per line"));
        }
        try {
            return Optional.of(new Dated(LocalDate.parse(dates.get(0))));
        } catch (DateTimeParseException e) {
            return Optional.of(new Unclear(dates.get(0) + " is not a day of the calendar"));
        }
    }
}
