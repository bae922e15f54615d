package org.breakwater.calendar.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The content lines of an iCalendar text (RFC 5545 section 3.1): folded lines joined again,
 * each split into name, parameters and value.
 */
final class IcsLines {
    /** One logical line; {@code line} is the physical line it starts on (1-based). */
    record ContentLine(String name, Map<String, String> params, String value, int line) {
        ContentLine {
            params = Map.copyOf(params);
        }

        Optional<String> param(String key) {
            return Optional.ofNullable(params.get(key));
        }
    }

    private IcsLines() {
    }

    static List<ContentLine> read(String text, String file) throws CalendarException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] physical = body.split("\r\n|\n|\r", -1);
        List<ContentLine> lines = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < physical.length; i++) {
            String p = physical[i];
            if (!p.isEmpty() && (p.charAt(0) == ' ' || p.charAt(0) == '\t') && current != null) {
                current.append(p, 1, p.length());
                continue;
            }
            if (current != null) {
                lines.add(parse(current.toString(), start, file));
            }
            current = p.isBlank() ? null : new StringBuilder(p);
            start = i + 1;
        }
        if (current != null) {
            lines.add(parse(current.toString(), start, file));
        }
        return lines;
    }

    private static ContentLine parse(String line, int number, String file) throws CalendarException {
        int i = 0;
        int n = line.length();
        while (i < n && isNameChar(line.charAt(i))) {
            i++;
        }
        if (i == 0 || i == n || (line.charAt(i) != ':' && line.charAt(i) != ';')) {
            throw new CalendarException(file, number, "'" + shorten(line) + "' is not an iCalendar content line"
                    + " (NAME:value or NAME;PARAM=value:value)");
        }
        String name = line.substring(0, i).toUpperCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        while (line.charAt(i) == ';') {
            int eq = line.indexOf('=', i + 1);
            if (eq < 0) {
                throw new CalendarException(file, number, "a parameter of " + name + " has no '=' value");
            }
            String key = line.substring(i + 1, eq).toUpperCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            boolean quoted = false;
            while (j < n && (quoted || (line.charAt(j) != ';' && line.charAt(j) != ':'))) {
                char c = line.charAt(j);
                if (c == '"') {
                    quoted = !quoted;
                } else {
                    value.append(c);
                }
                j++;
            }
            if (j == n) {
                throw new CalendarException(file, number, name + " has no ':' before its value");
            }
            params.put(key, value.toString());
            i = j;
        }
        return new ContentLine(name, params, line.substring(i + 1), number);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }

    private static String shorten(String line) {
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }
}
