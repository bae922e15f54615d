package org.breakwater.bench.traffic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Who calls the generated API in the benchmark's log: the catalog's consumers (each recognised
 * by one identify rule: a user agent, an address block or the log's user field) and unknown
 * callers (internal scripts, browsers of the shop's web app, the mobile app's old builds), plus
 * the callers of paths that are no operation (browsers fetching static files, health checks,
 * scanners, CORS preflights). Everything comes from a seeded {@link Random}.
 *
 * <p>Each client is one address with one user agent and a fixed set of operations it calls,
 * the first ones most often, so that the number of distinct (caller, operation) pairs stays in
 * the thousands however long the log is, as in a real service's logs.
 */
final class TrafficClients {
    /** A consumer of the catalog and the rule that recognises it. */
    record Consumer(String name, String team, String ruleKind, String ruleValue, List<String> uses) {
    }

    /** One client address. {@code ops} are indices into the operations, {@code opTable} picks among them. */
    record Client(String consumer, byte[] address, byte[] user, byte[] userAgent, byte[][] referers, byte[] protocol,
                  int[] opTable, double weight) {
    }

    static final String[] TEAMS = {"commerce", "payments", "logistics", "mobile", "data", "support", "web"};

    private static final String[] CONSUMER_NAMES = {"checkout-service", "billing-sync", "invoice-mailer",
        "warehouse-robot", "shipping-tracker", "fraud-scorer", "loyalty-engine", "search-indexer", "recommendation-feed",
        "support-desk", "report-builder", "data-export", "marketing-mailer", "price-updater", "stock-reconciler",
        "returns-portal", "partner-gateway", "audit-collector", "mobile-app", "tax-calculator", "erp-bridge",
        "notification-hub", "ci-smoke-tests", "backoffice"};
    private static final String[] SCRIPT_AGENTS = {"python-requests/2.31.0", "python-requests/2.28.2", "curl/7.88.1",
        "curl/8.5.0", "Go-http-client/1.1", "Go-http-client/2.0", "okhttp/4.12.0", "axios/1.6.7", "Java/17.0.9",
        "Apache-HttpClient/4.5.14 (Java/11.0.21)", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
        "Ruby", "PostmanRuntime/7.36.1", "Wget/1.21.3"};
    private static final String[] BROWSERS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 Edg/119.0.2151.97",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
        "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"};
    private static final String[] OLD_MOBILE = {
        "Dalvik/2.1.0 (Linux; U; Android 12; SM-G991B Build/SP1A.210812.016) AcmeShop/3.9.1",
        "AcmeShop/3.8.0 (iPhone; iOS 15.7; Scale/3.00)"};
    private static final String[] SCANNERS = {"Mozilla/5.0 zgrab/0.x", "masscan/1.3 (https://github.com/robertdavidgraham/masscan)",
        "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)", "-",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)", "python-requests/2.25.1"};
    private static final String[] REFERER_PAGES = {"", "orders", "cart", "account", "products", "search?q=lamp",
        "checkout", "account/returns", "help"};

    final List<Consumer> consumers = new ArrayList<>();
    /** Callers of operations. */
    final List<Client> apiClients = new ArrayList<>();
    /** Browsers (for static files and preflights), health checks, scanners. */
    final List<Client> browsers = new ArrayList<>();
    final List<Client> probes = new ArrayList<>();
    final List<Client> scanners = new ArrayList<>();

    private final Random random;
    private final List<TrafficApi.Op> ops;

    TrafficClients(long seed, List<TrafficApi.Op> ops) {
        this.random = new Random(seed);
        this.ops = ops;
        consumersAndTheirClients();
        unknownClients();
    }

    private void consumersAndTheirClients() {
        double harmonic = 0;
        for (int i = 0; i < CONSUMER_NAMES.length; i++) {
            harmonic += 1.0 / (i + 3);
        }
        for (int i = 0; i < CONSUMER_NAMES.length; i++) {
            String name = CONSUMER_NAMES[i];
            String team = TEAMS[i % TEAMS.length];
            String version = (1 + random.nextInt(5)) + "." + random.nextInt(20) + "." + random.nextInt(10);
            int addresses = 2 + random.nextInt(9);
            double weight = 60.0 / (i + 3) / harmonic; // 60% of the calls, Zipf-like: a few consumers make most
            int[] own = randomOps(8 + random.nextInt(53));
            List<String> uses = new ArrayList<>();
            for (int k = 0; k < Math.min(4, own.length); k++) {
                TrafficApi.Op o = ops.get(own[k]);
                uses.add(k % 2 == 0 ? o.operationId() : o.methodAndPath());
            }
            String kind;
            String value;
            String agent;
            String user = "-";
            String subnet = "10." + (10 + i) + "." + random.nextInt(8);
            switch (i % 6) {
                case 4 -> { // recognised by its addresses only: a generic HTTP library
                    kind = "address";
                    value = subnet + ".0/24";
                    agent = SCRIPT_AGENTS[random.nextInt(SCRIPT_AGENTS.length)];
                }
                case 5 -> { // authenticated with HTTP basic auth
                    kind = "user";
                    value = name.replace("-", "") + "-bot";
                    agent = SCRIPT_AGENTS[random.nextInt(SCRIPT_AGENTS.length)];
                    user = value;
                }
                case 3 -> { // its own product token inside a longer agent: an unanchored search
                    String token = TrafficApi.capital(name.replace("-", ""));
                    kind = "userAgent";
                    value = token + "/\\d+";
                    agent = "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UD1A.230803.041) " + token + "/" + version
                            + " okhttp/4.12.0";
                }
                default -> {
                    kind = "userAgent";
                    value = "^" + name + "/";
                    agent = name + "/" + version + " (+https://wiki.example.com/" + name + ") "
                            + SCRIPT_AGENTS[random.nextInt(4)];
                }
            }
            consumers.add(new Consumer(name, team, kind, value, uses));
            for (int a = 0; a < addresses; a++) {
                String address = subnet + "." + (2 + random.nextInt(250));
                apiClients.add(new Client(name, ascii(address), ascii(user), ascii(agent), null, ascii("HTTP/1.1"),
                        opTable(own), weight / addresses));
            }
        }
    }

    private void unknownClients() {
        // internal scripts and services nobody declared: 15% of the calls
        for (int i = 0; i < 120; i++) {
            String address = "10." + (100 + random.nextInt(100)) + "." + random.nextInt(256) + "." + (2 + random.nextInt(250));
            apiClients.add(new Client(null, ascii(address), ascii("-"),
                    ascii(SCRIPT_AGENTS[random.nextInt(SCRIPT_AGENTS.length)]), null, ascii("HTTP/1.1"),
                    opTable(randomOps(3 + random.nextInt(18))), 15.0 / 120 * (0.2 + 1.6 * random.nextDouble())));
        }
        // the shop's web app, in browsers: 17% of the calls; they also fetch static files
        for (int i = 0; i < 360; i++) {
            String address = i % 12 == 0
                    ? "2001:db8:" + Integer.toHexString(random.nextInt(65536)) + "::" + Integer.toHexString(1 + random.nextInt(65535))
                    : (20 + random.nextInt(180)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            byte[][] referers = new byte[3][];
            for (int k = 0; k < referers.length; k++) {
                referers[k] = ascii("https://shop.example.com/" + REFERER_PAGES[random.nextInt(REFERER_PAGES.length)]);
            }
            Client c = new Client(null, ascii(address), ascii("-"), ascii(BROWSERS[random.nextInt(BROWSERS.length)]),
                    referers, ascii("HTTP/2.0"), opTable(readOps(10 + random.nextInt(31))), 17.0 / 360 * (0.2 + 1.6 * random.nextDouble()));
            apiClients.add(c);
            browsers.add(c);
        }
        // old builds of the mobile app that no rule recognises: 3% of the calls
        for (int i = 0; i < 60; i++) {
            String address = (20 + random.nextInt(180)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            apiClients.add(new Client(null, ascii(address), ascii("-"), ascii(OLD_MOBILE[random.nextInt(OLD_MOBILE.length)]),
                    null, ascii("HTTP/1.1"), opTable(readOps(5 + random.nextInt(20))), 3.0 / 60));
        }
        for (int i = 0; i < 6; i++) {
            probes.add(new Client(null, ascii("10.0.0." + (10 + i)), ascii("-"),
                    ascii(i < 4 ? "kube-probe/1.28" : "ELB-HealthChecker/2.0"), null, ascii("HTTP/1.1"), null, 1));
        }
        for (int i = 0; i < 80; i++) {
            String address = (20 + random.nextInt(200)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            scanners.add(new Client(null, ascii(address), ascii("-"), ascii(SCANNERS[random.nextInt(SCANNERS.length)]),
                    null, ascii("HTTP/1.1"), null, 1));
        }
    }

    /** {@code n} distinct operations, in random order (the first are called most). */
    private int[] randomOps(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            all.add(i);
        }
        java.util.Collections.shuffle(all, random);
        return all.subList(0, Math.min(n, all.size())).stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code n} distinct operations, GETs four times out of five: what a web page or an app calls. */
    private int[] readOps(int n) {
        int[] out = new int[n];
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        int k = 0;
        while (k < n) {
            int i = random.nextInt(ops.size());
            boolean read = ops.get(i).method().equals("GET");
            if ((read || random.nextInt(5) == 0) && seen.add(i)) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** 256 slots over {@code own}, the k-th operation weighted 1/(k+1). */
    private static int[] opTable(int[] own) {
        return zipfTable(own, 256);
    }

    /** {@code size} slots over {@code items}, the k-th weighted 1/(k+1). */
    static int[] zipfTable(int[] items, int size) {
        double total = 0;
        for (int k = 0; k < items.length; k++) {
            total += 1.0 / (k + 1);
        }
        int[] table = new int[size];
        int slot = 0;
        double acc = 0;
        for (int k = 0; k < items.length; k++) {
            acc += 1.0 / (k + 1) / total;
            int upTo = k == items.length - 1 ? table.length : (int) Math.round(acc * table.length);
            while (slot < upTo) {
                table[slot++] = items[k];
            }
        }
        return table;
    }

    /** A table of {@code size} slots over the clients, in proportion to their weights. */
    static int[] weightTable(List<Client> clients, int size) {
        double total = clients.stream().mapToDouble(Client::weight).sum();
        int[] table = new int[size];
        int slot = 0;
        double acc = 0;
        for (int i = 0; i < clients.size(); i++) {
            acc += clients.get(i).weight() / total;
            int upTo = i == clients.size() - 1 ? size : (int) Math.round(acc * size);
            while (slot < upTo) {
                table[slot++] = i;
            }
        }
        return table;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
