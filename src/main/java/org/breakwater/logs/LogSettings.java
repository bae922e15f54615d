package org.breakwater.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve}'s {@code --log-level} and {@code --log-format} change in the configuration
 * in force (src/main/resources/logback.xml, or the file {@code -Dlogback.configurationFile} or
 * {@code $BREAKWATER_LOG_CONFIG} names): the level of Breakwater's own loggers, and the encoder
 * of every appender on the root logger that writes a stream (text or JSON lines).
 */
public final class LogSettings {
    /** Breakwater's own loggers, under this name. */
    public static final String BREAKWATER = "org.breakwater";
    /** The environment variable naming a Logback configuration file. */
    public static final String CONFIG_VARIABLE = "BREAKWATER_LOG_CONFIG";
    private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");
    private static final List<String> FORMATS = List.of("text", "json");

    private LogSettings() {
    }

    /**
     * Before anything logs: a file named by {@code $BREAKWATER_LOG_CONFIG} is the configuration,
     * unless {@code -Dlogback.configurationFile} names one already.
     */
    public static void fromEnvironment(Optional<String> file) {
        if (System.getProperty("logback.statusListenerClass") == null) { // Logback's own complaints: stderr, not stdout
            System.setProperty("logback.statusListenerClass", StatusOnStderr.class.getName());
        }
        if (file.isPresent() && !file.get().isBlank() && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", file.get());
        }
    }

    /**
     * Checks the options before anything starts.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static void check(Optional<String> level, Optional<String> format) {
        if (level.isPresent() && !LEVELS.contains(level.get().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("--log-level is one of " + String.join(", ", LEVELS) + ", not '"
                    + level.get() + "'");
        }
        if (format.isPresent() && !FORMATS.contains(format.get().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("--log-format is text or json, not '" + format.get() + "'");
        }
    }

    /** Applies checked options; an option not given leaves the configuration's choice. */
    public static void apply(Optional<String> level, Optional<String> format) {
        check(level, format);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J backend: its own configuration decides
        }
        level.ifPresent(l -> context.getLogger(BREAKWATER).setLevel(Level.toLevel(l, Level.INFO)));
        if (format.isPresent()) {
            boolean json = format.get().equalsIgnoreCase("json");
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof OutputStreamAppender<ILoggingEvent> stream) {
                    stream.setEncoder(encoder(context, json));
                }
            }
        }
    }

    /** A started encoder of Breakwater's: JSON lines or text lines. */
    public static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean json) {
        Encoder<ILoggingEvent> encoder = json ? new JsonLinesEncoder() : new TextEncoder();
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }
}
