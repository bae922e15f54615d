package org.breakwater.logs;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;

/**
 * Text lines: the pattern's output with secrets masked ({@link Secrets}) and every control
 * character escaped ({@link LogLines}), so each event, stack trace and all, is one line.
 */
public class TextEncoder extends PatternLayoutEncoder {
    /** The pattern when the configuration names none. */
    public static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level %logger{30} [%thread] %msg%n%ex";

    @Override
    public void start() {
        if (getPattern() == null) {
            setPattern(PATTERN);
        }
        if (getCharset() == null) {
            setCharset(StandardCharsets.UTF_8);
        }
        super.start();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        String text = getLayout().doLayout(event).stripTrailing();
        return (LogLines.clean(Secrets.mask(text)) + "\n").getBytes(getCharset());
    }
}
