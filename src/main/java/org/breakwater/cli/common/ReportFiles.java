package org.breakwater.cli.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes report files (diff reports, feeds) that CI keeps as artifacts: through a temporary file
 * in the same folder, so a reader never sees half a report, and with the permissions the umask
 * gives a new file. {@code Files.createTempFile} would make the temporary file, and so the report,
 * 0600 whatever the umask says; a file created by name with {@code CREATE_NEW} gets 0666 less the
 * umask, as {@code >} in a shell would.
 */
public final class ReportFiles {
    private static final int ATTEMPTS = 100;

    private ReportFiles() {
    }

    public static void writeAtomically(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = create(dir);
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new, empty file with a name no one else holds (as createTempFile, but with the umask's permissions). */
    private static Path create(Path dir) throws IOException {
        for (int i = 0; ; i++) {
            Path tmp = dir.resolve(".breakwater-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (i >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
