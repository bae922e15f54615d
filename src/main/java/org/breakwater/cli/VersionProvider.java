package org.breakwater.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version and the git commit the build came from: {@code breakwater 0.1.0 (commit 1a2b3c4)},
 * {@code (commit 1a2b3c4, dirty)} when the tree had uncommitted changes, {@code (commit unknown)}
 * when it was built without .git. The commit comes from {@value #BUILD_PROPERTIES}, which the
 * git-commit-id Maven plugin writes at build time (pom.xml).
 */
final class VersionProvider implements IVersionProvider {
    static final String BUILD_PROPERTIES = "/org/breakwater/build.properties";

    @Override
    public String[] getVersion() {
        return new String[] {describe(Main.class.getPackage().getImplementationVersion(), buildProperties())};
    }

    /** The properties the build wrote; empty when there are none (a build without .git). */
    static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static String describe(String manifestVersion, Properties build) {
        String version = manifestVersion != null ? manifestVersion
                : build.getProperty("git.build.version", "development");
        String commit = build.getProperty("git.commit.id.abbrev", "");
        if (commit.isBlank()) {
            return "breakwater " + version + " (commit unknown)";
        }
        boolean dirty = Boolean.parseBoolean(build.getProperty("git.dirty", "false"));
        return "breakwater " + version + " (commit " + commit + (dirty ? ", dirty)" : ")");
    }
}
