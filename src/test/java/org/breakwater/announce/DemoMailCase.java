package org.breakwater.announce;

import java.nio.file.Path;
import org.breakwater.App;
import org.breakwater.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a mail test class extends: before each test the demo and a real SMTP server ({@link DemoMail})
 * in a fresh temporary folder, its store opened on one movable clock (the plans' and the
 * announcements' clock, as in the server: a sent mail is dated by it); closed after each test.
 */
public abstract class DemoMailCase {
    protected static final String FROM = DemoMail.FROM;

    @TempDir
    protected Path dir;

    protected final MovableClock clock = new MovableClock();
    protected DemoMail mail;
    protected App app;

    @BeforeEach
    void startDemoMail() throws Exception {
        mail = DemoMail.start(dir, clock);
        app = mail.app();
    }

    @AfterEach
    void stopDemoMail() {
        mail.close();
    }
}
