package org.breakwater.bench.junit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a Surefire-style JUnit XML report of about SIZE bytes for bench/junit.sh: a
 * {@code <testsuites>} of test classes as Surefire writes them (a properties block per suite, then
 * the cases), about 25 cases a class with real-looking package, class and method names; 3% of the
 * cases fail with a 20-40 frame stack trace, 1% error, 2% are skipped, 1% pass after a
 * {@code flakyFailure}, and one case in five has a {@code system-out} block of log lines. Seeded:
 * the same seed and size give the same bytes.
 *
 * <p>Usage: {@code GenerateJunit OUT_FILE [--size BYTES] [--seed N]}; prints the cases written.
 */
public final class GenerateJunit {
    private static final String[] DOMAINS = {"cart", "checkout", "payments", "catalog", "search", "orders",
        "invoices", "shipping", "accounts", "auth", "notifications", "inventory", "pricing", "reviews", "returns"};
    private static final String[] LAYERS = {"service", "store", "web", "client", "domain", "events", "jobs"};
    private static final String[] NOUNS = {"Cart", "Order", "Invoice", "Payment", "Refund", "Voucher", "Customer",
        "Address", "Shipment", "Price", "Stock", "Review", "Session", "Token", "Report", "Export", "Discount"};
    private static final String[] KINDS = {"ServiceTest", "RepositoryTest", "RoutesTest", "ClientTest", "Test",
        "ValidatorTest", "MapperTest", "JobTest", "IT", "ContractTest"};
    private static final String[] VERBS = {"adds", "removes", "rejects", "accepts", "computes", "rounds", "keeps",
        "retries", "expires", "refunds", "exports", "imports", "validates", "merges", "splits", "notifies"};
    private static final String[] OBJECTS = {"anEmptyCart", "aNegativeAmount", "theLastItem", "aDuplicateOrder",
        "theTaxOnTotals", "anExpiredVoucher", "aPartialRefund", "aMissingAddress", "concurrentUpdates",
        "aTimeoutFromPayments", "unicodeNames", "aLargeExport", "theSecondPage", "staleStock", "aZeroPrice"};

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: GenerateJunit OUT_FILE [--size BYTES] [--seed N]");
            System.exit(2);
        }
        long size = 50_000_000L;
        long seed = 20261204L;
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (args[i].equals("--size")) size = Long.parseLong(args[i + 1]);
            else if (args[i].equals("--seed")) seed = Long.parseLong(args[i + 1]);
        }
        Path out = Path.of(args[0]);
        long cases;
        try (CountingWriter w = new CountingWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            cases = new GenerateJunit(new Random(seed), w).write(size);
        }
        System.out.println("cases=" + cases);
        System.out.println("bytes=" + Files.size(out));
    }

    private final Random random;
    private final CountingWriter w;
    private long cases;

    private GenerateJunit(Random random, CountingWriter w) {
        this.random = random;
        this.w = w;
    }

    private long write(long size) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        int suite = 0;
        while (w.count < size - 200) {
            suite(suite++, size);
        }
        w.write("</testsuites>\n");
        return cases;
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }

    private void suite(int index, long size) throws IOException {
        String pkg = "com.acme." + pick(DOMAINS) + "." + pick(LAYERS);
        String cls = pkg + "." + pick(NOUNS) + pick(KINDS) + (index % 7 == 0 ? "" : Integer.toString(index));
        int n = 5 + random.nextInt(41);
        w.write("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"3.0\" name=\"" + cls
                + "\" time=\"" + seconds(n * 40) + "\" tests=\"" + n + "\" errors=\"0\" skipped=\"0\" failures=\"0\">\n");
        w.write("  <properties>\n");
        for (String[] p : new String[][] {{"java.version", "17.0.13"}, {"os.name", "Linux"},
            {"user.dir", "/home/ci/build/" + pkg.split("\\.")[2]}, {"file.encoding", "UTF-8"},
            {"surefire.test.class.path", "/home/ci/build/target/test-classes:/home/ci/.m2/repository/org/junit/"
                + "jupiter/junit-jupiter-api/5.11.3/junit-jupiter-api-5.11.3.jar"}}) {
            w.write("    <property name=\"" + p[0] + "\" value=\"" + p[1] + "\"/>\n");
        }
        w.write("  </properties>\n");
        for (int i = 0; i < n && w.count < size - 200; i++) testcase(cls);
        w.write("</testsuite>\n");
    }

    private void testcase(String cls) throws IOException {
        cases++;
        String object = pick(OBJECTS);
        String name = pick(VERBS) + Character.toUpperCase(object.charAt(0)) + object.substring(1)
                + (random.nextInt(4) == 0 ? "[" + (1 + random.nextInt(9)) + "]" : "");
        int roll = random.nextInt(100);
        w.write("  <testcase name=\"" + name + "\" classname=\"" + cls + "\" time=\"" + seconds(random.nextInt(400)) + "\"");
        if (roll >= 7 && random.nextInt(5) != 0) {
            w.write("/>\n");
            return;
        }
        w.write(">\n");
        if (roll < 3) problem("failure", "org.opentest4j.AssertionFailedError",
                "expected: &lt;" + random.nextInt(1000) + "&gt; but was: &lt;" + random.nextInt(1000) + "&gt;", cls, name);
        else if (roll < 4) problem("error", "java.net.SocketTimeoutException", "Read timed out", cls, name);
        else if (roll < 6) w.write("    <skipped message=\"needs the " + pick(DOMAINS) + " stub\"/>\n");
        else if (roll < 7) {
            w.write("    <flakyFailure message=\"timing\" type=\"java.lang.AssertionError\">\n      <stackTrace><![CDATA[");
            stack(cls, name, "java.lang.AssertionError: timing");
            w.write("]]></stackTrace>\n    </flakyFailure>\n");
        }
        if (random.nextInt(5) == 0 || roll < 7) systemOut(cls);
        w.write("  </testcase>\n");
    }

    private void problem(String element, String type, String message, String cls, String name) throws IOException {
        w.write("    <" + element + " message=\"" + message + "\" type=\"" + type + "\"><![CDATA[");
        stack(cls, name, type + ": " + message.replace("&lt;", "<").replace("&gt;", ">"));
        w.write("]]></" + element + ">\n");
    }

    private void stack(String cls, String name, String head) throws IOException {
        w.write(head + "\n");
        int frames = 20 + random.nextInt(21);
        w.write("\tat " + cls + "." + name.replaceAll("\\[.*", "") + "(" + cls.substring(cls.lastIndexOf('.') + 1)
                + ".java:" + (20 + random.nextInt(300)) + ")\n");
        for (int f = 1; f < frames; f++) {
            String owner = f % 3 == 0 ? "org.junit.platform.engine.support.hierarchical.NodeTestTask"
                    : f % 3 == 1 ? "java.base/jdk.internal.reflect.DirectMethodHandleAccessor" : "com.acme."
                    + pick(DOMAINS) + "." + pick(LAYERS) + "." + pick(NOUNS) + "Service";
            w.write("\tat " + owner + "." + pick(VERBS) + "(" + owner.substring(owner.lastIndexOf('.') + 1)
                    + ".java:" + (10 + random.nextInt(900)) + ")\n");
        }
    }

    private void systemOut(String cls) throws IOException {
        w.write("    <system-out><![CDATA[");
        int lines = 3 + random.nextInt(20);
        for (int l = 0; l < lines; l++) {
            w.write(String.format(Locale.ROOT, "09:%02d:%02d.%03d [main] %s %s - %s %s id=%d took %d ms%n",
                    random.nextInt(60), random.nextInt(60), random.nextInt(1000), l % 5 == 0 ? "WARN " : "INFO ", cls,
                    pick(VERBS), pick(NOUNS).toLowerCase(Locale.ROOT), random.nextInt(100_000), random.nextInt(500)));
        }
        w.write("]]></system-out>\n");
    }

    private static String seconds(int millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Counts the characters written (the report is ASCII, so characters are bytes). */
    private static final class CountingWriter extends Writer {
        private final BufferedWriter out;
        long count;

        CountingWriter(BufferedWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            count += length;
        }

        @Override
        public void write(String s) throws IOException {
            out.write(s);
            count += s.length();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
