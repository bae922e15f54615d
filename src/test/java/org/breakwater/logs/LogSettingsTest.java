package org.breakwater.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.breakwater.cli.Main;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** serve's --log-level and --log-format: checked before anything starts, applied to the configuration in force. */
class LogSettingsTest {
    @Test
    void json_format_and_a_level_apply_to_the_root_appenders_and_breakwaters_loggers() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Logger breakwater = context.getLogger(LogSettings.BREAKWATER);
        Level before = breakwater.getLevel();
        OutputStreamAppender<ILoggingEvent> out = new OutputStreamAppender<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        out.setContext(context);
        out.setEncoder(LogSettings.encoder(context, false));
        out.setOutputStream(bytes);
        out.start();
        root.addAppender(out);
        try {
            LogSettings.apply(Optional.of("info"), Optional.of("json"));
            assertThat(breakwater.getLevel()).isEqualTo(Level.INFO);
            assertThat(out.getEncoder()).isInstanceOf(JsonLinesEncoder.class);
            LoggerFactory.getLogger("org.breakwater.test").info("a line\nwith password=hunter2hunter2");
            String line = bytes.toString(StandardCharsets.UTF_8);
            assertThat(line).startsWith("{").endsWith("}\n").contains("a line\\nwith password=****")
                    .doesNotContain("hunter2");
            assertThat(line.strip()).doesNotContain("\n");
        } finally {
            LogSettings.apply(Optional.empty(), Optional.of("text"));
            root.detachAppender(out);
            breakwater.setLevel(before);
        }
    }

    @Test
    void an_unknown_level_or_format_is_refused_with_what_is_allowed() {
        assertThatThrownBy(() -> LogSettings.check(Optional.of("loud"), Optional.empty()))
                .hasMessage("--log-level is one of trace, debug, info, warn, error, off, not 'loud'");
        assertThatThrownBy(() -> LogSettings.check(Optional.empty(), Optional.of("xml")))
                .hasMessage("--log-format is text or json, not 'xml'");
    }

    @Test
    void serve_with_an_unknown_format_exits_2_before_serving() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"serve", "--port", "0", "--log-format", "xml"}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("breakwater serve: --log-format is text or json, not 'xml'"
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }
}
