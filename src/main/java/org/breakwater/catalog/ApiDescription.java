package org.breakwater.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An API description as stored: its files (one, or several joined by {@code $ref}s) by path
 * relative to the main file's folder, addressed by the SHA-256 of their names and contents,
 * so the same description is stored once however many releases share it.
 */
public record ApiDescription(String hash, String mainFile, SortedMap<String, String> files) {
    /** A URL's scheme ({@code https:}, {@code file:}) or a Windows drive ({@code C:}). */
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    /** The longest file name (with its folders) a description may store. */
    public static final int MAX_NAME = 255;

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

    /**
     * Why a stored file name is refused, or empty when it is fine: the rules of multi-file
     * {@code $ref}s (apidiff/spec/SpecFiles) - a path relative to the description's folder that
     * stays inside it; no URL, no absolute path, no backslash, no control characters.
     */
    public static Optional<String> fileNameProblem(String name) {
        String shown = name.length() > 60 ? name.substring(0, 60) + "…" : name;
        shown = "the API description's file name '" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
        if (name.isBlank() || name.length() > MAX_NAME) {
            return Optional.of(shown + " must have 1 to " + MAX_NAME + " characters");
        }
        if (name.chars().anyMatch(c -> c < ' ' || c == 0x7F) || name.indexOf('\\') >= 0) {
            return Optional.of(shown + " contains control characters or a backslash");
        }
        if (SCHEME.matcher(name).matches() || name.startsWith("/")) {
            return Optional.of(shown + " is a URL or an absolute path; give a path relative to the description's folder");
        }
        int depth = 0;
        for (String part : name.split("/", -1)) {
            depth += part.equals("..") ? -1 : part.isEmpty() || part.equals(".") ? 0 : 1;
            if (depth < 0) {
                return Optional.of(shown + " leaves the description's folder");
            }
        }
        return depth == 0 ? Optional.of(shown + " names no file") : Optional.empty();
    }

    /** Why this description cannot be stored or read back: its first bad file name. */
    public Optional<String> problem() {
        return files.keySet().stream().map(ApiDescription::fileNameProblem).flatMap(Optional::stream).findFirst();
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
