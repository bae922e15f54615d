package org.breakwater.apidiff.report;

import java.util.List;

/** How many findings of each level. */
public record Summary(int breaking, int warning, int info) {
    public static final Summary NONE = new Summary(0, 0, 0);

    public static Summary of(List<Finding> findings) {
        int b = 0;
        int w = 0;
        int i = 0;
        for (Finding f : findings) {
            switch (f.level()) {
                case BREAKING -> b++;
                case WARNING -> w++;
                case INFO -> i++;
            }
        }
        return new Summary(b, w, i);
    }

    public Summary plus(Summary other) {
        return new Summary(breaking + other.breaking, warning + other.warning, info + other.info);
    }

    public int total() {
        return breaking + warning + info;
    }
}
