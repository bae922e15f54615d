package org.breakwater.logs;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;

/**
 * JSON lines: Logback's own {@link JsonEncoder} (one object per event and line, key-value pairs
 * in {@code kvpList}), with secrets masked ({@link Secrets}) in the whole line.
 */
public class JsonLinesEncoder extends JsonEncoder {
    public JsonLinesEncoder() {
        setWithFormattedMessage(true);
        setWithArguments(false);
        setWithMessage(false);
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        String line = new String(super.encode(event), StandardCharsets.UTF_8);
        return Secrets.mask(line).getBytes(StandardCharsets.UTF_8);
    }
}
