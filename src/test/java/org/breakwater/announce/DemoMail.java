package org.breakwater.announce;


import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.announce.mail.MailSettings;
import org.breakwater.announce.mail.SmtpCourier;
import org.breakwater.cli.CliRun;

/**
 * What the mail tests start from: the demo (`breakwater demo --no-serve`) in {@code DIR/demo}, its
 * store opened on the test's clock, and a real SMTP server (GreenMail) on a free port of 127.0.0.1
 * that a test may stop and start again on the same port. Close it in {@code @AfterEach}.
 */
public final class DemoMail implements AutoCloseable {
    public static final String FROM = "breakwater@fedoraproject.org";

    private final App app;
    private final int port;
    private GreenMail smtp;

    private DemoMail(App app, int port) {
        this.app = app;
        this.port = port;
        startSmtp();
    }

    /** Writes the demo into {@code dir}/demo and opens its store on {@code clock}; the SMTP server runs. */
    public static DemoMail start(Path dir, Clock clock) throws Exception {
        App app = App.open(new App.Settings(Optional.empty(), CliRun.demo(dir)), clock);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        return new DemoMail(app, port);
    }

    public App app() {
        return app;
    }

    public int port() {
        return port;
    }

    /** The mail channel's courier: SMTP to this server, as {@link #FROM}. */
    public Map<OutboxEntry.Channel, Courier> couriers() {
        return Map.of(OutboxEntry.Channel.MAIL, new SmtpCourier(new MailSettings("127.0.0.1", port, "none",
                Optional.empty(), Optional.empty(), FROM, Duration.ofSeconds(5))));
    }

    /** What the server has received since it was last started. */
    public MimeMessage[] received() {
        return smtp.getReceivedMessages();
    }

    public void stopSmtp() {
        smtp.stop();
    }

    /** A fresh server on the same port (it remembers nothing received before). */
    public void startSmtp() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @Override
    public void close() {
        smtp.stop();
        app.close();
    }
}
