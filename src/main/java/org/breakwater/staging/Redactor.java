package org.breakwater.staging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Takes secrets' values out of text that could be shown (captured output, test messages, run
 * messages): each occurrence becomes {@code [secret NAME]}. Where text was cut (the bounded
 * output keeps a head and a tail), a secret's beginning at the end of a piece and its end at the
 * start of one are taken out too, so no cut shows part of a secret.
 */
public final class Redactor {
    public static final Redactor NONE = new Redactor(Map.of());

    private final List<Map.Entry<String, String>> secrets;

    /** {@code secrets}: name to value; empty values are ignored. */
    public Redactor(Map<String, String> secrets) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        secrets.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                list.add(Map.entry(k, v));
            }
        });
        list.sort(Comparator.comparing((Map.Entry<String, String> e) -> e.getValue().length()).reversed());
        this.secrets = List.copyOf(list);
    }

    public String redact(String text) {
        String out = text;
        for (Map.Entry<String, String> s : secrets) {
            out = out.replace(s.getValue(), "[secret " + s.getKey() + "]");
        }
        return out;
    }

    /** As {@link #redact}, and a secret's beginning left at the end of {@code piece} is taken out too. */
    public String redactBeforeCut(String piece) {
        String out = redact(piece);
        for (Map.Entry<String, String> s : secrets) {
            String v = s.getValue();
            for (int k = Math.min(v.length() - 1, out.length()); k > 0; k--) {
                if (out.endsWith(v.substring(0, k))) {
                    out = out.substring(0, out.length() - k) + "[part of secret " + s.getKey() + "]";
                    break;
                }
            }
        }
        return out;
    }

    /** As {@link #redact}, and a secret's end left at the start of {@code piece} is taken out too. */
    public String redactAfterCut(String piece) {
        String out = redact(piece);
        for (Map.Entry<String, String> s : secrets) {
            String v = s.getValue();
            for (int k = Math.min(v.length() - 1, out.length()); k > 0; k--) {
                if (out.startsWith(v.substring(v.length() - k))) {
                    out = "[part of secret " + s.getKey() + "]" + out.substring(k);
                    break;
                }
            }
        }
        return out;
    }
}
