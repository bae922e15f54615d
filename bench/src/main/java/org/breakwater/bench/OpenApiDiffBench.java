package org.breakwater.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * In-process comparison time of openapi-diff. One invocation = one full comparison of a pair
 * (parse both documents, diff them); no rendering. Run only from bench/run.sh, on a classpath
 * without Breakwater, with {@code -p oldSpec=... -p newSpec=... -p countsFile=...}.
 *
 * <ul>
 *   <li>{@code fromLocations}: {@code OpenApiCompare.fromLocations(oldPath, newPath)}, which reads
 *       the files itself (the counterpart of Breakwater's {@code compare(Path, Path)}).
 *   <li>{@code fromContents}: {@code OpenApiCompare.fromContents(oldJson, newJson)} with both
 *       documents already in memory as strings (file reading excluded).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OpenApiDiffBench {
  @Param("") public String oldSpec;
  @Param("") public String newSpec;
  /** Where to write the finding counts of the last comparison (JSON); empty: nowhere. */
  @Param("") public String countsFile;

  private String oldContents;
  private String newContents;
  private ChangedOpenApi last;

  @Setup
  public void setUp() throws IOException {
    oldContents = Files.readString(Path.of(oldSpec), StandardCharsets.UTF_8);
    newContents = Files.readString(Path.of(newSpec), StandardCharsets.UTF_8);
  }

  @Benchmark
  public ChangedOpenApi fromLocations() {
    last = OpenApiCompare.fromLocations(oldSpec, newSpec);
    return last;
  }

  @Benchmark
  public ChangedOpenApi fromContents() {
    last = OpenApiCompare.fromContents(oldContents, newContents);
    return last;
  }

  @TearDown
  public void writeCounts() throws IOException {
    if (countsFile.isEmpty() || last == null) {
      return;
    }
    String json =
        String.format(
            "{\"tool\":\"openapi-diff\",\"newEndpoints\":%d,\"missingEndpoints\":%d,"
                + "\"deprecatedEndpoints\":%d,\"changedOperations\":%d,\"changedSchemas\":%d,"
                + "\"incompatible\":%b}%n",
            last.getNewEndpoints().size(),
            last.getMissingEndpoints().size(),
            last.getDeprecatedEndpoints().size(),
            last.getChangedOperations().size(),
            last.getChangedSchemas().size(),
            last.isIncompatible());
    Files.writeString(Path.of(countsFile), json, StandardCharsets.UTF_8);
  }
}
