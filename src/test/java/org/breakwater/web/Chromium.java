package org.breakwater.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.TreeReader;

/**
 * A real headless Chromium (Debian's) driven over the DevTools protocol, with nothing but the
 * JDK: the browser is started with a debugging port, one page is driven through a WebSocket,
 * and each step runs a line of JavaScript in the page — read the DOM, fill a field, click.
 * Enough for click-through tests; it waits for page loads by watching for a new document.
 */
final class Chromium implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Pattern PAGE_SOCKET = Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+/page/[^\"]+)\"");
    private static final Duration STEP = Duration.ofSeconds(60);

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<ObjectNode>> pending = new ConcurrentHashMap<>();

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    static Chromium start(Path profile) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        Process p = new ProcessBuilder(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--remote-allow-origins=*", "--remote-debugging-port=0", "--window-size=1280,900",
                "--user-data-dir=" + profile, "about:blank")).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String browserSocket = null;
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        long until = System.nanoTime() + STEP.toNanos();
        for (String line; browserSocket == null && System.nanoTime() < until && (line = err.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                browserSocket = m.group(1);
            }
        }
        if (browserSocket == null) {
            p.destroyForcibly();
            throw new IOException("chromium did not open its debugging port");
        }
        Thread drain = new Thread(() -> {
            try {
                err.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                // the browser ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        URI browser = URI.create(browserSocket);
        HttpClient http = HttpClient.newHttpClient();
        String list = "";
        Matcher page = PAGE_SOCKET.matcher(list);
        for (int i = 0; i < 100 && !page.find(); i++) {
            Thread.sleep(100);
            list = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            page = PAGE_SOCKET.matcher(list);
        }
        page = PAGE_SOCKET.matcher(list);
        if (!page.find()) {
            p.destroyForcibly();
            throw new IOException("chromium opened no page: " + list);
        }
        Listener listener = new Listener();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(page.group(1)), listener).join();
        Chromium c = new Chromium(p, ws);
        listener.owner = c;
        return c;
    }

    /** Collects a message's frames and hands each answer to the command waiting for it. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();
        volatile Chromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                owner.answer(text);
            }
            ws.request(1);
            return null;
        }
    }

    private void answer(String text) {
        try {
            Node n = new TreeReader(ReadLimits.defaults()).parse(text, "cdp.json");
            if (n instanceof ObjectNode o && o.get("id").isPresent()) {
                CompletableFuture<ObjectNode> f = pending.remove(Integer.parseInt(o.text("id").orElse("-1")));
                if (f != null) {
                    f.complete(o);
                }
            }
        } catch (Exception e) {
            // an event we do not follow, or a message we cannot read: ignored
        }
    }

    /** Sends a command and waits for its answer. */
    private ObjectNode send(String method, String params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<ObjectNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).join();
        ObjectNode o = answer.get(STEP.toSeconds(), TimeUnit.SECONDS);
        if (o.get("error").isPresent()) {
            throw new IllegalStateException(method + " failed: " + o.object("error").flatMap(e -> e.text("message")).orElse("?"));
        }
        return o;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Runs {@code expression} in the page and returns its value as text ("" for undefined). */
    String eval(String expression) throws Exception {
        ObjectNode o = send("Runtime.evaluate", "{\"expression\":" + quote("String((() => " + expression + ")())")
                + ",\"returnByValue\":true,\"awaitPromise\":true}");
        ObjectNode result = o.object("result").flatMap(r -> r.object("result")).orElseThrow();
        Optional<ObjectNode> thrown = o.object("result").flatMap(r -> r.object("exceptionDetails"));
        if (thrown.isPresent()) {
            throw new IllegalStateException("the page threw on " + expression + ": " + thrown.get().object("exception")
                    .flatMap(e -> e.text("description")).orElse("?"));
        }
        return result.text("value").orElse("");
    }

    /** Opens {@code url} and waits until it has loaded. */
    void open(String url) throws Exception {
        String before = mark();
        send("Page.navigate", "{\"url\":" + quote(url) + "}");
        waitForNewDocument(before);
    }

    /** Clicks the element {@code selector} names, and waits for the page it leads to. */
    void clickAndWait(String selector) throws Exception {
        String before = mark();
        String found = eval("{ const e = document.querySelector(" + quote(selector) + "); if (!e) return 'missing';"
                + " e.click(); return 'clicked'; }");
        if (!found.equals("clicked")) {
            throw new IllegalStateException("nothing on " + url() + " matches " + selector);
        }
        waitForNewDocument(before);
    }

    /** Clicks the element {@code selector} names, on the same page (a summary that unfolds, say). */
    void click(String selector) throws Exception {
        String found = eval("{ const e = document.querySelector(" + quote(selector) + "); if (!e) return 'missing';"
                + " e.click(); return 'clicked'; }");
        if (!found.equals("clicked")) {
            throw new IllegalStateException("nothing on " + url() + " matches " + selector);
        }
    }

    /** Draws pages {@code width} × {@code height} CSS pixels wide from now on (as a window of that size would). */
    void viewport(int width, int height) throws Exception {
        send("Emulation.setDeviceMetricsOverride", "{\"width\":" + width + ",\"height\":" + height
                + ",\"deviceScaleFactor\":1,\"mobile\":false}");
    }

    /** Clicks the first link whose text contains {@code text}, and waits for the page it leads to. */
    void clickLinkAndWait(String text) throws Exception {
        String before = mark();
        String found = eval("{ const a = [...document.querySelectorAll('a')].find(x => x.textContent.includes("
                + quote(text) + ")); if (!a) return 'missing'; a.click(); return 'clicked'; }");
        if (!found.equals("clicked")) {
            throw new IllegalStateException("no link on " + url() + " says " + text);
        }
        waitForNewDocument(before);
    }

    /** Types into the field {@code selector} names (an input, a textarea or a select). */
    void fill(String selector, String value) throws Exception {
        String done = eval("{ const e = document.querySelector(" + quote(selector) + "); if (!e) return 'missing';"
                + " e.value = " + quote(value) + "; e.dispatchEvent(new Event('input', {bubbles: true}));"
                + " e.dispatchEvent(new Event('change', {bubbles: true})); return e.value === " + quote(value)
                + " ? 'ok' : 'refused'; }");
        if (!done.equals("ok")) {
            throw new IllegalStateException(selector + " on " + url() + ": " + done);
        }
    }

    String text(String selector) throws Exception {
        return eval("{ const e = document.querySelector(" + quote(selector) + "); return e ? e.innerText : ''; }");
    }

    String url() throws Exception {
        return eval("location.href");
    }

    /** A PNG of the page as it is drawn. */
    byte[] screenshot() throws Exception {
        ObjectNode o = send("Page.captureScreenshot", "{\"format\":\"png\",\"captureBeyondViewport\":true}");
        return Base64.getDecoder().decode(o.object("result").flatMap(r -> r.text("data")).orElseThrow());
    }

    /** Marks the current document, so a new one can be told from it. */
    private String mark() throws Exception {
        String token = "m" + ids.incrementAndGet();
        eval("(window.__breakwaterMark = " + quote(token) + ")");
        return token;
    }

    private void waitForNewDocument(String mark) throws Exception {
        long until = System.nanoTime() + STEP.toNanos();
        while (System.nanoTime() < until) {
            String state;
            try {
                state = eval("(window.__breakwaterMark === " + quote(mark) + " ? 'old' : document.readyState)");
            } catch (IllegalStateException e) {
                // asked while the old document goes and the new one comes: ask again
                if (!String.valueOf(e.getMessage()).contains("navigated or closed")
                        && !String.valueOf(e.getMessage()).contains("context")) {
                    throw e;
                }
                state = "navigating";
            }
            if (state.equals("complete")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no new page loaded within " + STEP.toSeconds() + " s (at " + url() + ")");
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the browser goes anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
