package org.breakwater.catalog.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.SpecReader;
import org.breakwater.catalog.ApiDescription;

/** Reads an API description from disk as the store keeps it: checked, with every file its $refs reach. */
public final class ApiFiles {
    /** The description read, and its files. */
    public record Read(ApiSpec spec, ApiDescription description) {
    }

    private ApiFiles() {
    }

    public static Read read(Path file, ReadLimits limits) throws SpecException, IOException {
        SpecReader.Loaded loaded = new SpecReader(limits).load(file);
        Map<String, String> contents = new TreeMap<>();
        for (Map.Entry<String, Path> f : loaded.files().entrySet()) {
            contents.put(f.getKey(), Files.readString(f.getValue(), StandardCharsets.UTF_8));
        }
        return new Read(loaded.spec(), ApiDescription.of(loaded.mainFile(), contents));
    }
}
