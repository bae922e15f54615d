package org.breakwater.announce.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.breakwater.announce.Courier;
import org.breakwater.announce.DeliveryException;
import org.breakwater.announce.OutboxEntry;

/**
 * The dry run: each mail is written to a folder as a {@code .eml} file (readable by any mail
 * program), named after its Message-ID, instead of being sent. Written to a temporary file and
 * moved into place, so a file is never half there.
 */
public final class FolderCourier implements Courier {
    private final Path folder;
    private final String from;
    private final Session session = Session.getInstance(new Properties());

    public FolderCourier(Path folder, String from) {
        this.folder = folder;
        this.from = from;
    }

    /** The file an entry goes to. */
    public Path file(OutboxEntry entry) {
        return folder.resolve(entry.messageId().replaceAll("[^A-Za-z0-9.@_-]", "") + ".eml");
    }

    @Override
    public void deliver(OutboxEntry entry) throws DeliveryException {
        try {
            Files.createDirectories(folder);
            Path target = file(entry);
            Path temp = Files.createTempFile(folder, ".writing-", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                Mails.compose(session, entry, from).writeTo(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw new DeliveryException("cannot write the mail into " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "the folder " + folder + " (dry run: nothing is sent)";
    }
}
