package org.breakwater.logs;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must never reach a log: passwords and tokens named in a URL's query or a setting
 * ({@code password=}, {@code token=}, {@code client_secret=} ...), the password in a URL's
 * {@code user:password@}, {@code Authorization} and {@code Cookie} header values, Bearer and
 * Basic credentials, Breakwater's own API and feed tokens wherever they stand, and JSON members
 * named like a secret. Each value becomes {@value #MASK}; the rest of the text is left alone
 * (a header's value is masked to the end of its line). It works on raw text: mask before
 * escaping or encoding as JSON.
 */
public final class Secrets {
    /** What a secret is replaced with. */
    public static final String MASK = "****";

    private static final String NAMES = "(?:password|passwd|pwd|pass|secret|client_secret|token|feed_?token"
            + "|access_token|refresh_token|id_token|api_?key|code|[a-z_]*session|[a-z_]*csrf|auth)";
    private static final List<Pattern> RULES = List.of(
            // scheme://user:password@host
            Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^/@\\s:\"]*:)[^@/\\s]+(@)"),
            // Authorization: ..., Cookie: ..., Set-Cookie: ... up to the end of the value
            Pattern.compile("(?i)((?:proxy-)?authorization\\s*[:=]\\s*|(?:set-)?cookie\\s*[:=]\\s*)[^\\r\\n]+()"),
            // Bearer xxx, Basic xxx
            Pattern.compile("(?i)(\\b(?:bearer|basic)\\s+)[A-Za-z0-9._~+/=-]+()"),
            // name=value in a query, a URL, a setting or a cookie
            Pattern.compile("(?i)((?:^|[^a-z0-9_])" + NAMES + "\\s*=\\s*\"?)[^&;,\\s\"'\\\\)]+()"),
            // "name": "value" in JSON
            Pattern.compile("(?i)(\"" + NAMES + "\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*()"),
            // Breakwater's API (bw_) and feed (bwf_) tokens, wherever they stand
            Pattern.compile("(\\bbwf?_)[A-Za-z0-9_-]{16,}()"));

    private Secrets() {
    }

    /** {@code text} with every secret it shows masked. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Pattern rule : RULES) {
            Matcher m = rule.matcher(out);
            if (m.find()) {
                out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK + r.group(2)));
            }
        }
        return out;
    }
}
