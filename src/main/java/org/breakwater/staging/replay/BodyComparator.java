package org.breakwater.staging.replay;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.breakwater.staging.replay.Difference.Kind;

/**
 * Compares two answers to the same call, the way a consumer would notice: the status, the media
 * type, and for JSON bodies the structure — a field added or removed, a value whose type or
 * value changed, an array whose length changed — each at its JSON path. Bodies that are equal
 * byte for byte cost no parsing. At most {@link #LIMIT} differences per pair are kept (a body
 * changed throughout says so soon enough). Stateless and thread-safe.
 */
public final class BodyComparator {
    public static final int LIMIT = 50;

    public List<Difference> compare(Answer was, Answer is) {
        List<Difference> out = new ArrayList<>();
        if (was.failure().isPresent() || is.failure().isPresent()) {
            if (was.failure().isEmpty() || is.failure().isEmpty() || !was.failure().equals(is.failure())) {
                out.add(new Difference(Kind.NO_ANSWER, "$", was.failure().orElse(String.valueOf(was.status())),
                        is.failure().orElse(String.valueOf(is.status()))));
            }
            return out;
        }
        if (was.status() != is.status()) {
            out.add(new Difference(Kind.STATUS, "$", String.valueOf(was.status()), String.valueOf(is.status())));
        }
        if (!was.contentType().equals(is.contentType())) {
            out.add(new Difference(Kind.CONTENT_TYPE, "$", was.contentType(), is.contentType()));
        }
        if (out.isEmpty() && !Arrays.equals(was.body(), is.body())) {
            body(was, is, out);
        }
        return out;
    }

    private void body(Answer was, Answer is, List<Difference> out) {
        if (!was.json() || was.cut() || is.cut()) {
            out.add(new Difference(Kind.BODY_CHANGED, "$", size(was), size(is)));
            return;
        }
        try {
            new Lockstep(out).compare(was.body(), is.body());
        } catch (IOException e) {
            out.clear();
            out.add(new Difference(Kind.BODY_UNREADABLE, "$", readable(was.body()), readable(is.body())));
        }
    }

    private static String readable(byte[] body) {
        try {
            JsonTree.read(body);
            return "JSON";
        } catch (JsonTree.Unreadable e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static String size(Answer a) {
        return a.body().length + " bytes" + (a.cut() ? " (cut)" : "");
    }
}
