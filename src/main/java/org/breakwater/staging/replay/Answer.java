package org.breakwater.staging.replay;

import java.util.Locale;
import java.util.Optional;

/**
 * One answer to a replayed call: its status, its media type (without parameters, lower case;
 * empty when none was given) and its body, cut at the replay's body limit ({@code cut} says so).
 * A call that got no answer at all (refused, timed out) is a {@link #failed} answer: status 0
 * and the reason in {@code failure}.
 */
public record Answer(int status, String contentType, byte[] body, boolean cut, Optional<String> failure) {
    public Answer {
        contentType = mediaType(contentType);
        body = body == null ? new byte[0] : body;
        failure = failure == null ? Optional.empty() : failure;
    }

    public Answer(int status, String contentType, byte[] body) {
        this(status, contentType, body, false, Optional.empty());
    }

    public static Answer failed(String reason) {
        return new Answer(0, "", new byte[0], false, Optional.of(reason));
    }

    /** Whether the body is JSON by its media type ({@code application/json}, {@code application/problem+json}). */
    public boolean json() {
        return contentType.equals("application/json") || contentType.endsWith("+json");
    }

    /** {@code text/html; charset=UTF-8} as {@code text/html}. */
    static String mediaType(String header) {
        if (header == null) {
            return "";
        }
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
