package org.breakwater.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every line a logger (and those under it) writes while open, as Breakwater's encoders write it:
 * text and JSON lines, secrets masked. Lowers the logger to {@code level} while open and puts the
 * level back on close. The console of the test run keeps its WARN threshold, so it stays quiet.
 */
public final class LogCapture extends UnsynchronizedAppenderBase<ILoggingEvent> implements AutoCloseable {
    private final Logger logger;
    private final Level before;
    private final List<Encoder<ILoggingEvent>> encoders;
    private final List<String> text = new ArrayList<>();
    private final List<String> json = new ArrayList<>();
    private final List<String> full = new ArrayList<>();
    private List<Object> restore = List.of();

    private LogCapture(Logger logger, Level level, List<Encoder<ILoggingEvent>> encoders) {
        this.logger = logger;
        this.before = logger.getLevel();
        this.encoders = encoders;
        logger.setLevel(level);
    }

    /** Captures what {@code name} and the loggers under it write at {@code level} and above. */
    public static LogCapture of(String name, Level level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        TextEncoder messages = new TextEncoder();
        messages.setPattern("%msg%n%ex");
        messages.setContext(context);
        messages.start();
        LogCapture c = new LogCapture(context.getLogger(name), level,
                List.of(messages, LogSettings.encoder(context, true), LogSettings.encoder(context, false)));
        c.setContext(context);
        c.start();
        c.logger.addAppender(c);
        return c;
    }

    /** Captures every logger of the run, Breakwater's included, at DEBUG and above. */
    public static LogCapture everything() {
        LogCapture c = of(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.DEBUG);
        Logger breakwater = c.logger.getLoggerContext().getLogger(LogSettings.BREAKWATER);
        c.restore = List.of(breakwater, breakwater.getLevel());
        breakwater.setLevel(null); // as the root
        return c;
    }

    @Override
    protected void append(ILoggingEvent event) {
        // encoded outside any lock, as Logback's own appenders do: formatting a library's message may take its locks
        String t = new String(encoders.get(0).encode(event), StandardCharsets.UTF_8).stripTrailing();
        String j = new String(encoders.get(1).encode(event), StandardCharsets.UTF_8).stripTrailing();
        String f = new String(encoders.get(2).encode(event), StandardCharsets.UTF_8).stripTrailing();
        synchronized (this) {
            text.add(t);
            json.add(j);
            full.add(f);
        }
    }

    /** The messages so far, one line each as the text encoder writes them (masked, escaped). */
    public synchronized List<String> messages() {
        return List.copyOf(text);
    }

    /** The JSON lines so far. */
    public synchronized List<String> jsonLines() {
        return List.copyOf(json);
    }

    /** Every line so far as the default configuration writes it (text), then as JSON lines. */
    public synchronized List<String> lines() {
        List<String> all = new ArrayList<>(full);
        all.addAll(json);
        return all;
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setLevel(before);
        if (!restore.isEmpty()) {
            ((Logger) restore.get(0)).setLevel((Level) restore.get(1));
        }
        stop();
    }
}
