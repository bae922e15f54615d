package org.breakwater.staging.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Not a test: the seeded data of bench/replay.sh, shared by the stand-in servers, the replay and
 * the comparison alone. Eight pkgdb-like operations answering ~5 kB JSON; what the candidate (2.0)
 * answers differently, per operation, is what a real release changes: a renamed value on the
 * packages that have a rawhide branch, an added field, a shorter list for some packagers, a
 * dropped endpoint (404), fields in another order (no difference), and answers that are
 * identical or differ only in a timestamp (configured noise). Calls: 60 callers, each using 1-3
 * operations, on ids drawn from a skewed popularity (a few packages are called far more often).
 */
public final class ReplayData {
    /** The operations: template, weight (share of calls), and how many distinct bodies each has. */
    static final String[] OPERATIONS = {
        "GET /api/package/{name}", "GET /api/package/{name}/history", "GET /api/collections/{branch}",
        "GET /api/packager/{user}/packages", "GET /api/critpath", "GET /api/package/{name}/acl/history",
        "GET /api/search", "GET /api/package/{name}/bugs"};
    static final int[] WEIGHTS = {30, 12, 8, 14, 6, 2, 18, 10};
    static final int VARIANTS = 64;
    static final String[] BRANCHES = {"rawhide", "f41", "f40", "f39", "epel9", "epel8"};
    private static final String[] WORDS = {"python", "perl", "rust", "golang", "nodejs", "ghc", "texlive", "mingw",
        "gnome", "kde", "qt5", "lib", "xorg", "R", "php", "ruby", "java", "fonts", "glibc", "kernel", "systemd", "bodhi",
        "koji", "mock", "rpm", "dnf", "httpd", "nginx", "openssl", "zlib"};
    private static final String[] STEMS = {"requests", "six", "yaml", "json", "xml", "tools", "utils", "core", "common",
        "client", "server", "devel", "docs", "async", "crypto", "image", "net", "parser", "cli", "test"};

    private ReplayData() {
    }

    /** Which operation a target calls (by its path), or -1. */
    static int operation(String target) {
        String path = target.indexOf('?') < 0 ? target : target.substring(0, target.indexOf('?'));
        if (path.startsWith("/api/package/")) {
            return path.endsWith("/history") ? (path.endsWith("/acl/history") ? 5 : 1) : path.endsWith("/bugs") ? 7 : 0;
        }
        if (path.startsWith("/api/collections/")) {
            return 2;
        }
        if (path.startsWith("/api/packager/")) {
            return 3;
        }
        return path.equals("/api/critpath") ? 4 : path.equals("/api/search") ? 6 : -1;
    }

    /** The variant (0..63) a target's body is built from: the same target, the same body on both servers. */
    static int variant(String target) {
        return Math.floorMod(target.hashCode() * 0x9E3779B1, VARIANTS);
    }

    /** The status and body of operation {@code op}, variant {@code v}, as the baseline or the candidate answers. */
    static byte[] body(int op, int v, boolean candidate) {
        return switch (op) {
            case 0 -> pkg(v, candidate);
            case 1, 5 -> history(v);
            case 2 -> collection(v, candidate);
            case 3 -> packager(v, candidate);
            case 4 -> critpath(v, candidate);
            case 6 -> search(v, candidate);
            default -> bugs(v);
        };
    }

    /** 404 for the endpoint 2.0 dropped. */
    static int status(int op, boolean candidate) {
        return op == 5 && candidate ? 404 : 200;
    }

    static String type(int op, boolean candidate) {
        return status(op, candidate) == 404 ? "application/problem+json" : "application/json";
    }

    static String name(int i) {
        return WORDS[i % WORDS.length] + "-" + STEMS[(i / WORDS.length) % STEMS.length] + (i >= 600 ? "" + i / 600 : "");
    }

    private static byte[] utf8(StringBuilder b) {
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder packageObject(StringBuilder b, int v) {
        return b.append("{\"name\":\"").append(name(v * 7)).append("\",\"summary\":\"").append(STEMS[v % STEMS.length])
                .append(" bindings and command line tools for ").append(WORDS[v % WORDS.length])
                .append("\",\"status\":\"Approved\",\"review_url\":\"https://bugzilla.redhat.com/").append(400_000 + v * 37)
                .append("\",\"upstream_url\":\"https://pypi.org/project/").append(name(v * 7))
                .append("\",\"creation_date\":").append(1_300_000_000L + v * 86_400L * 13).append('}');
    }

    /** A package and its ACLs per branch; the rawhide branch is "devel" in 1.9 and "master" in 2.0. */
    private static byte[] pkg(int v, boolean candidate) {
        StringBuilder b = new StringBuilder("{\"output\":\"ok\",\"package\":");
        packageObject(b, v).append(",\"acls\":[");
        boolean rawhide = v % 5 != 0; // retired from rawhide: no devel branch to rename
        int n = 0;
        for (int br = rawhide ? 0 : 1; br < BRANCHES.length; br++) {
            String branch = br == 0 ? (candidate ? "master" : "devel") : BRANCHES[br];
            for (int u = 0; u < 5; u++) {
                b.append(n++ == 0 ? "" : ",").append("{\"collection\":{\"branchname\":\"").append(branch)
                        .append("\",\"koji_name\":\"").append(BRANCHES[br]).append("\",\"status\":\"Active\"},\"fas_name\":\"")
                        .append(user(v + u)).append("\",\"acl\":\"").append(u == 0 ? "commit" : "watchcommits")
                        .append("\",\"status\":\"Approved\",\"critpath\":").append(v % 11 == 0).append('}');
            }
        }
        return utf8(b.append("]}"));
    }

    private static String user(int i) {
        return STEMS[i % STEMS.length] + WORDS[(i * 3) % WORDS.length].toLowerCase() + (i % 9);
    }

    private static byte[] history(int v) {
        StringBuilder b = new StringBuilder("{\"output\":\"ok\",\"page\":1,\"page_total\":").append(1 + v % 4).append(",\"log\":[");
        for (int i = 0; i < 38; i++) {
            b.append(i == 0 ? "" : ",").append("{\"id\":").append(9_000_000 + v * 100 + i).append(",\"date\":")
                    .append(1_700_000_000L + (v * 38L + i) * 3_600).append(",\"user\":\"").append(user(v + i))
                    .append("\",\"description\":\"").append(user(v + i)).append(" changed the ").append(i % 2 == 0 ? "commit" : "watchbugzilla")
                    .append(" ACL on ").append(name(v * 7)).append(" (").append(BRANCHES[i % BRANCHES.length]).append(")\"}");
        }
        return utf8(b.append("]}"));
    }

    /** A branch and its packages; 2.0 adds {@code eol_date}. */
    private static byte[] collection(int v, boolean candidate) {
        String br = BRANCHES[v % BRANCHES.length];
        StringBuilder b = new StringBuilder("{\"output\":\"ok\",\"collection\":{\"branchname\":\"").append(br)
                .append("\",\"name\":\"Fedora\",\"status\":\"Active\",\"dist_tag\":\".fc").append(39 + v % 3).append('"');
        if (candidate) {
            b.append(",\"eol_date\":\"2026-05-").append(10 + v % 18).append('"');
        }
        b.append("},\"packages\":[");
        for (int i = 0; i < 320; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(name(v * 320 + i)).append('"');
        }
        return utf8(b.append("]}"));
    }

    /** A packager's packages; 2.0 leaves out retired ones, so some lists are shorter. */
    private static byte[] packager(int v, boolean candidate) {
        StringBuilder b = new StringBuilder("{\"output\":\"ok\",\"packager\":\"").append(user(v)).append("\",\"packages\":[");
        int n = candidate && v % 8 == 0 ? 48 : 52;
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("{\"name\":\"").append(name(v * 52 + i)).append("\",\"acls\":[\"commit\",\"watchbugzilla\"],\"point_of_contact\":")
                    .append(i % 3 == 0).append(",\"branches\":").append(3 + i % 3).append('}');
        }
        return utf8(b.append("]}"));
    }

    /** The critical path list: identical but for when it was generated (noise). */
    private static byte[] critpath(int v, boolean candidate) {
        StringBuilder b = new StringBuilder("{\"generated\":").append(candidate ? 1_764_900_007 : 1_764_900_000)
                .append(",\"branch\":\"").append(BRANCHES[v % BRANCHES.length]).append("\",\"pkgs\":[");
        for (int i = 0; i < 370; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(name(v + i * 3)).append('"');
        }
        return utf8(b.append("]}"));
    }

    /** Search results; 2.0 writes each package's fields in another order (not a difference). */
    private static byte[] search(int v, boolean candidate) {
        StringBuilder b = new StringBuilder("{\"output\":\"ok\",\"total\":").append(100 + v).append(",\"packages\":[");
        for (int i = 0; i < 33; i++) {
            String name = "\"name\":\"" + name(v * 33 + i) + "\"";
            String summary = "\"summary\":\"" + STEMS[(v + i) % STEMS.length] + " support for " + WORDS[i % WORDS.length] + " applications\"";
            String status = "\"status\":\"Approved\",\"monitor\":" + (i % 4 == 0) + ",\"koschei\":" + (i % 5 == 0);
            b.append(i == 0 ? "" : ",").append('{').append(candidate ? status + "," + name + "," + summary
                    : name + "," + summary + "," + status).append(",\"creation_date\":").append(1_300_000_000L + i * 86_400L).append('}');
        }
        return utf8(b.append("]}"));
    }

    private static byte[] bugs(int v) {
        StringBuilder b = new StringBuilder("{\"output\":\"ok\",\"bugs\":[");
        for (int i = 0; i < 40; i++) {
            b.append(i == 0 ? "" : ",").append("{\"id\":").append(2_000_000 + v * 40 + i).append(",\"status\":\"")
                    .append(i % 3 == 0 ? "NEW" : "ASSIGNED").append("\",\"summary\":\"").append(name(v * 7))
                    .append(" fails to build from source in ").append(BRANCHES[i % BRANCHES.length]).append("\",\"severity\":\"")
                    .append(i % 4 == 0 ? "high" : "medium").append("\",\"score\":").append(i % 2 == 0 ? "1.0" : "1").append('}');
        }
        return utf8(b.append("]}"));
    }

    /** {@code n} sampled calls: 60 callers (40 known consumers), each with its own 1-3 operations and skewed ids. */
    static List<ReplayCall> calls(int n, long seed) {
        Random r = new Random(seed);
        int callers = 60;
        int[][] ops = new int[callers][];
        for (int c = 0; c < callers; c++) {
            ops[c] = new int[1 + r.nextInt(3)];
            for (int k = 0; k < ops[c].length; k++) {
                ops[c][k] = weighted(r);
            }
        }
        List<ReplayCall> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int c = (int) Math.min(callers - 1, Math.abs(r.nextGaussian()) * callers / 2.5);
            int op = ops[c][r.nextInt(ops[c].length)];
            String caller = c < 40 ? "consumer-" + c : "10.1." + c + ".7 python-requests/2.31";
            calls.add(new ReplayCall("pkgdb", OPERATIONS[op], caller, c < 40, "GET", target(op, r), 1));
        }
        return calls;
    }

    private static int weighted(Random r) {
        int x = r.nextInt(100);
        for (int op = 0; op < WEIGHTS.length; op++) {
            x -= WEIGHTS[op];
            if (x < 0) {
                return op;
            }
        }
        return 0;
    }

    /** A concrete target: package ids skewed (id = 30,000 × u³: the popular few are called often). */
    private static String target(int op, Random r) {
        double u = r.nextDouble();
        int id = (int) (30_000 * u * u * u);
        String pkg = name(id);
        return switch (op) {
            case 0 -> "/api/package/" + pkg + (r.nextInt(10) < 3 ? "?branch=" + BRANCHES[r.nextInt(BRANCHES.length)] : "");
            case 1 -> "/api/package/" + pkg + "/history?page=" + (1 + r.nextInt(3));
            case 2 -> "/api/collections/" + BRANCHES[r.nextInt(BRANCHES.length)];
            case 3 -> "/api/packager/" + user(id % 500) + "/packages";
            case 4 -> "/api/critpath?branch=" + BRANCHES[r.nextInt(BRANCHES.length)];
            case 5 -> "/api/package/" + pkg + "/acl/history";
            case 6 -> "/api/search?q=" + pkg.substring(0, Math.min(pkg.length(), 3 + r.nextInt(6))) + "&page=1";
            default -> "/api/package/" + pkg + "/bugs?status=open";
        };
    }
}
