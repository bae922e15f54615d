package org.breakwater.bench.traffic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The lines of the realistic shape (the default of {@link GenerateTraffic}), as issue 19 measured
 * a production log from outside: every request by one of {@link #ADDRESSES} x {@link #AGENTS}
 * callers (2,460), none of which the catalog's rules recognise; operations on
 * {@link #RESOURCES} resources with ids drawn from 1..{@link #MAX_ID}; {@link #QUERY_PER_MILLE}
 * per mille of the calls with a query string; about 5% of the lines to paths that are no
 * operation (static files, scanners' probes, wrong API paths), by the same callers.
 *
 * <p>Callers are skewed as in real traffic (the k-th address and the k-th agent weighted
 * 1/(k+1)), and each address calls its own 20 to 100 resources, the first ones most; any
 * agent at that address calls any of them, so distinct caller x operation pairs run to the
 * hundreds of thousands.
 */
final class RealisticLog {
    static final int ADDRESSES = 60;
    static final int AGENTS = 41;
    static final int RESOURCES = 250;
    static final int MAX_ID = 99_999;
    static final int QUERY_PER_MILLE = 300;

    private static final String[] AGENT_BASES = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:%d.0) Gecko/20100101 Firefox/%d.0",
        "Mozilla/5.0 (X11; Linux x86_64; rv:%d.0) Gecko/20100101 Firefox/%d.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7; rv:%d.0) Gecko/20100101 Firefox/%d.0",
        "python-requests/2.%d.%d", "curl/8.%d.%d", "Go-http-client/1.%d (build %d)", "okhttp/4.%d.%d",
        "axios/1.%d.%d", "AcmeShop/5.%d.%d (iPhone; iOS 17; Scale/3.00)", "Java/17.0.%d (u%d)"};
    private static final String[] QUERIES = {"?fields=id,name,updatedAt", "?expand=owner", "?include=items&limit=50",
        "?sort=-createdAt", "?utm_source=newsletter&utm_medium=email", "?access_token=%s", "?lang=en&currency=EUR"};

    final List<TrafficClients.Client> callers = new ArrayList<>();
    long queryLines;
    private final GenerateTraffic out;
    private final SplittableRandom random;
    private final int[] callerTable;
    private final int[][] resourceTables = new int[ADDRESSES][];

    RealisticLog(GenerateTraffic out, long seed) {
        this.out = out;
        SplittableRandom setup = new SplittableRandom(seed + 7);
        this.random = new SplittableRandom(seed + 11);
        List<String> agents = agents();
        for (int a = 0; a < ADDRESSES; a++) {
            String address = address(a, setup);
            int own = 20 + setup.nextInt(81);
            int[] resources = setup.ints(0, RESOURCES).distinct().limit(own).toArray();
            resourceTables[a] = TrafficClients.zipfTable(resources, 1024);
            for (int u = 0; u < AGENTS; u++) {
                callers.add(new TrafficClients.Client(null, TrafficClients.ascii(address), TrafficClients.ascii("-"),
                        TrafficClients.ascii(agents.get(u)), null, TrafficClients.ascii(u % 3 == 0 ? "HTTP/2.0" : "HTTP/1.1"),
                        null, 1.0 / (a + 1) / (u + 1)));
            }
        }
        this.callerTable = TrafficClients.weightTable(callers, 1 << 20);
    }

    /** 41 user agents, distinct in their first 80 characters (where Breakwater cuts an unknown caller's name). */
    private static List<String> agents() {
        List<String> agents = new ArrayList<>();
        Set<String> cut = new HashSet<>();
        for (int i = 0; agents.size() < AGENTS; i++) {
            String base = AGENT_BASES[i % AGENT_BASES.length];
            int v = 100 + i;
            String agent = String.format(java.util.Locale.ROOT, base, base.contains("rv:") ? v : i, base.contains("rv:") ? v : i % 7);
            if (cut.add(agent.length() > 80 ? agent.substring(0, 80) : agent)) {
                agents.add(agent);
            }
        }
        return agents;
    }

    /** Public IPv4 addresses, every sixth an IPv6 one; none in the catalog's consumers' blocks (10.10-33.x). */
    private static String address(int a, SplittableRandom r) {
        if (a % 6 == 5) {
            return "2001:db8:" + Integer.toHexString(1 + r.nextInt(65535)) + "::" + Integer.toHexString(1 + r.nextInt(65535));
        }
        return (40 + a * 3) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    /** One line that is not malformed: {@code roll} in [5, 1,000,000) decides whether it calls an operation. */
    void line(int roll) {
        int index = callerTable[random.nextInt(callerTable.length)];
        TrafficClients.Client c = callers.get(index);
        if (roll >= 950_000) {
            unmatched(c, roll);
            return;
        }
        int resource = resourceTables[index / AGENTS][random.nextInt(1024)];
        int kind = random.nextInt(100);
        int op = 4 * resource + (kind < 20 ? 0 : kind < 80 ? 1 : kind < 95 ? 2 : 3);
        TrafficApi.Op o = out.operation(op);
        out.head(c, o.method());
        String[] pieces = o.pieces();
        out.put(pieces[0]);
        if (pieces.length > 1) {
            out.number(1 + random.nextInt(MAX_ID));
            out.put(pieces[1]);
        }
        if (random.nextInt(1000) < QUERY_PER_MILLE) {
            queryLines++;
            query(op % 4 == 0);
        }
        int r = random.nextInt(1000);
        int status = r < 30 ? 404 : r < 35 ? 401 : r < 40 ? 400 : r < 42 ? 500 : r < 60 && op % 4 < 2 ? 304
                : op % 4 == 3 ? 204 : 200;
        int bytes = status == 204 || status == 304 ? 0 : status >= 400 ? 80 + random.nextInt(120)
                : op % 4 == 0 ? 2_000 + random.nextInt(60_000) : 200 + random.nextInt(4_000);
        out.tail(c, status, bytes, null);
        out.countApiLine();
    }

    private void query(boolean list) {
        if (list && random.nextBoolean()) {
            out.put("?page=");
            out.number(1 + random.nextInt(40));
            out.put("&per_page=50");
            return;
        }
        String q = QUERIES[random.nextInt(QUERIES.length)];
        if (q.contains("%s")) {
            out.put(q.substring(0, q.indexOf("%s")));
            out.number(1 + random.nextInt(Integer.MAX_VALUE - 1));
        } else {
            out.put(q);
        }
    }

    private void unmatched(TrafficClients.Client c, int roll) {
        out.countUnmatchedLine();
        out.head(c, "GET");
        if (roll < 975_000) {
            out.put(GenerateTraffic.STATIC[random.nextInt(GenerateTraffic.STATIC.length)]);
            out.tail(c, random.nextInt(10) < 8 ? 200 : 304, 200 + random.nextInt(300_000), null);
        } else if (roll < 990_000) {
            out.put(GenerateTraffic.WRONG_API[random.nextInt(GenerateTraffic.WRONG_API.length)]);
            out.tail(c, 404, 60 + random.nextInt(40), null);
        } else {
            out.put(GenerateTraffic.SCAN_PATHS[random.nextInt(GenerateTraffic.SCAN_PATHS.length)]);
            out.tail(c, 404, 150 + random.nextInt(50), null);
        }
    }
}
