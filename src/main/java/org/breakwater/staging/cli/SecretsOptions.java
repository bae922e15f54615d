package org.breakwater.staging.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.breakwater.staging.SecretBox;
import org.breakwater.staging.secrets.SecretsKey;
import picocli.CommandLine.Option;

/** Where the suites' secrets key is: a file, else $BREAKWATER_SECRETS_KEY_FILE, else $BREAKWATER_SECRETS_KEY. */
public final class SecretsOptions {
    @Option(names = "--secrets-key-file", paramLabel = "FILE",
            description = {"the file holding the suites' secrets key (32 bytes, base64; default:",
                "$BREAKWATER_SECRETS_KEY_FILE, else the key in $BREAKWATER_SECRETS_KEY)"})
    Path keyFile;

    public SecretBox box() {
        return SecretsKey.box(Optional.ofNullable(keyFile), System.getenv());
    }
}
