package org.breakwater.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a temporary folder a command made (the demo's), with everything in it; quietly, as it ends anyway. */
final class TemporaryFolder {
    private TemporaryFolder() {
    }

    static void remove(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // left behind: nothing more to do while exiting
                }
            });
        } catch (IOException e) {
            // the folder went away meanwhile, or cannot be read: nothing more to do
        }
    }
}
