package org.breakwater.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An API description as stored: its files (one, or several joined by {@code $ref}s) by path
 * relative to the main file's folder, addressed by the SHA-256 of their names and contents,
 * so the same description is stored once however many releases share it.
 */
public record ApiDescription(String hash, String mainFile, SortedMap<String, String> files) {
    public ApiDescription {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        if (!files.containsKey(mainFile)) {
            throw new IllegalArgumentException("the main file " + mainFile + " is not among the files");
        }
    }

    public static ApiDescription of(String mainFile, Map<String, String> files) {
        return new ApiDescription(hash(mainFile, files), mainFile, new TreeMap<>(files));
    }

    /** SHA-256 over the main file's name and each file's name and content, in name order. */
    public static String hash(String mainFile, Map<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(mainFile.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                byte[] content = e.getValue().getBytes(StandardCharsets.UTF_8);
                sha.update(Long.toString(content.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(content);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    /** The first 12 hex digits, for tables. */
    public static String shortHash(String hash) {
        String hex = hash.startsWith("sha256:") ? hash.substring(7) : hash;
        return hex.substring(0, Math.min(12, hex.length()));
    }

    public long size() {
        return files.values().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
    }
}
