package org.breakwater.cli.common;

import java.nio.file.Path;
import java.util.Optional;
import org.breakwater.policy.Policy;
import org.breakwater.policy.PolicyException;
import org.breakwater.policy.PolicyReader;
import picocli.CommandLine.Option;

/** {@code --policy FILE} (or {@code BREAKWATER_POLICY}); the bundled default policy otherwise. */
public final class PolicyOption {
    @Option(names = "--policy", paramLabel = "FILE",
            description = "the deployment policy (default: $BREAKWATER_POLICY, else the bundled policy; docs/policy.md)")
    Path file;

    /** The policy, or the problem that stops it from being read. */
    public Policy load() throws PolicyException {
        Optional<Path> path = Optional.ofNullable(file)
                .or(() -> Optional.ofNullable(System.getenv("BREAKWATER_POLICY")).filter(s -> !s.isBlank()).map(Path::of));
        return path.isPresent() ? PolicyReader.read(path.get()) : PolicyReader.defaults();
    }
}
