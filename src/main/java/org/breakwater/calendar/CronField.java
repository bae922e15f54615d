package org.breakwater.calendar;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** One of the five fields of a cron expression, with its range and the names it accepts. */
enum CronField {
    MINUTE("minute", 0, 59, List.of(), 0),
    HOUR("hour", 0, 23, List.of(), 0),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of(), 0),
    MONTH("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1),
    /** 0 and 7 are both Sunday. */
    DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"), 0);

    private final String label;
    private final int min;
    private final int max;
    private final List<String> names;
    private final int firstName;

    CronField(String label, int min, int max, List<String> names, int firstName) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
        this.firstName = firstName;
    }

    String label() {
        return label;
    }

    /**
     * The values {@code text} selects: a list of {@code *}, {@code n}, {@code a-b}, each with
     * an optional {@code /step} ({@code n/step} runs from n to the end of the range).
     *
     * @throws IllegalArgumentException with a message that says what is wrong with the part
     */
    BitSet parse(String text) {
        BitSet values = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            parsePart(part, values);
        }
        if (this == DAY_OF_WEEK && values.get(7)) {
            values.clear(7);
            values.set(0);
        }
        return values;
    }

    private void parsePart(String part, BitSet values) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("an empty list item");
        }
        String[] stepped = part.split("/", -1);
        if (stepped.length > 2) {
            throw new IllegalArgumentException("'" + part + "' has more than one '/'");
        }
        int step = 1;
        if (stepped.length == 2) {
            step = number(stepped[1], "step");
            if (step < 1) {
                throw new IllegalArgumentException("the step in '" + part + "' must be at least 1");
            }
        }
        String range = stepped[0];
        int low;
        int high;
        if (range.equals("*")) {
            low = min;
            high = this == DAY_OF_WEEK ? 6 : max;
        } else if (range.indexOf('-') > 0) {
            String[] ends = range.split("-", -1);
            if (ends.length != 2) {
                throw new IllegalArgumentException("'" + range + "' is not a range a-b");
            }
            low = value(ends[0]);
            high = value(ends[1]);
            if (low > high) {
                throw new IllegalArgumentException("the range '" + range + "' runs backwards");
            }
        } else {
            low = value(range);
            high = stepped.length == 2 ? max : low;
        }
        for (int v = low; v <= high; v += step) {
            values.set(v);
        }
    }

    private int value(String text) {
        if (!names.isEmpty()) {
            int index = names.indexOf(text.toUpperCase(Locale.ROOT));
            if (index >= 0) {
                return index + firstName;
            }
        }
        int v = number(text, "value");
        if (v < min || v > max) {
            throw new IllegalArgumentException(v + " is outside " + min + "-" + max);
        }
        return v;
    }

    private int number(String text, String what) {
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String expected = names.isEmpty() ? "a number" : "a number or a name ("
                    + names.get(0) + ".." + names.get(names.size() - 1) + ")";
            if (this == DAY_OF_WEEK && what.equals("value")) {
                expected = "a number 0-7 or a day name (MON..SUN)";
            }
            throw new IllegalArgumentException("'" + text + "' is not " + (what.equals("step") ? "a number" : expected));
        }
        return Integer.parseInt(text);
    }
}
