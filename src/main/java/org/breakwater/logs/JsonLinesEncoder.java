package org.breakwater.logs;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * JSON lines: Logback's own {@link JsonEncoder}, one object per event and line, over a copy of
 * the event whose text is masked first ({@link Secrets}): the message with its stack trace (in
 * {@code formattedMessage}), the key-value pairs ({@code kvpList}) and the MDC.
 */
public class JsonLinesEncoder extends JsonEncoder {
    public JsonLinesEncoder() {
        setWithFormattedMessage(true);
        setWithMessage(false);
        setWithArguments(false);
        setWithThrowable(false); // it is in the message, masked
        setWithContext(false);
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return super.encode(masked(event));
    }

    private static ILoggingEvent masked(ILoggingEvent e) {
        LoggingEvent copy = new LoggingEvent();
        copy.setLoggerName(e.getLoggerName());
        copy.setLevel(e.getLevel());
        copy.setThreadName(e.getThreadName());
        copy.setInstant(e.getInstant());
        copy.setSequenceNumber(e.getSequenceNumber());
        copy.setLoggerContextRemoteView(e.getLoggerContextVO());
        String text = e.getFormattedMessage();
        if (e.getThrowableProxy() != null) {
            text = text + "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy());
        }
        copy.setMessage(Secrets.mask(text));
        Map<String, String> mdc = new LinkedHashMap<>();
        e.getMDCPropertyMap().forEach((k, v) -> mdc.put(k, Secrets.mask(v)));
        copy.setMDCPropertyMap(mdc);
        List<KeyValuePair> pairs = e.getKeyValuePairs();
        if (pairs != null) {
            copy.setKeyValuePairs(pairs.stream().map(p -> new KeyValuePair(p.key,
                    Secrets.mask(String.valueOf(p.value)))).toList());
        }
        return copy;
    }
}
