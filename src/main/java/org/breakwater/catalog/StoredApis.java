package org.breakwater.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.Problem;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.SpecReader;

/**
 * Turns stored API descriptions back into {@link ApiSpec}s (through a temporary folder, as
 * the reader resolves references between files), remembering each by its hash.
 */
public final class StoredApis {
    private final DeploymentRepository deployments;
    private final SpecReader reader;
    private final Map<String, ApiSpec> cache = new ConcurrentHashMap<>();
    private final Map<String, String> damaged = new ConcurrentHashMap<>();

    public StoredApis(DeploymentRepository deployments, ReadLimits limits) {
        this.deployments = deployments;
        this.reader = new SpecReader(limits);
    }

    /** The description stored under {@code hash}, read; empty when there is none or it no longer reads. */
    public Optional<ApiSpec> spec(String hash) {
        ApiSpec known = cache.get(hash);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ApiDescription> description = deployments.description(hash);
        if (description.isEmpty()) {
            return Optional.empty();
        }
        try {
            ApiSpec spec = read(description.get());
            cache.put(hash, spec);
            return Optional.of(spec);
        } catch (SpecException e) {
            if (damaged.size() > 1_000) {
                damaged.clear();
            }
            damaged.put(hash, e.problem().toString());
            return Optional.empty();
        }
    }

    /**
     * Why the description stored under {@code hash} cannot be read (a damaged record, e.g. one an
     * older version stored with a file name leaving its folder), or empty when it reads or is absent.
     */
    public Optional<String> damage(String hash) {
        return spec(hash).isPresent() ? Optional.empty() : Optional.ofNullable(damaged.get(hash));
    }

    public ApiSpec read(ApiDescription description) throws SpecException {
        Optional<String> bad = description.problem();
        if (bad.isPresent()) {
            throw new SpecException(Problem.inFile(description.mainFile(), bad.get()));
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("breakwater-api-");
            for (Map.Entry<String, String> f : description.files().entrySet()) {
                Path target = dir.resolve(f.getKey()).normalize();
                if (!target.startsWith(dir)) {
                    throw new SpecException(Problem.inFile(f.getKey(), "the stored file name leaves its folder"));
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue());
            }
            return reader.read(dir.resolve(description.mainFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
