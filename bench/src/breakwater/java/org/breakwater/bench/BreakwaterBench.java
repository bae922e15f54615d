package org.breakwater.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Report;
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
 * In-process comparison time of Breakwater. One invocation = one full {@code ApiDiff.compare} of
 * a pair (read and parse both files, diff them); no rendering. Compiled only when bench/pom.xml
 * is given {@code -Dbw.jar=...}; run only from bench/run.sh, on a classpath without
 * openapi-diff's libraries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BreakwaterBench {
  @Param("") public String oldSpec;
  @Param("") public String newSpec;
  /** Where to write the finding count of the last comparison (JSON); empty: nowhere. */
  @Param("") public String countsFile;

  private Path oldPath;
  private Path newPath;
  private ApiDiff diff;
  private Report last;

  @Setup
  public void setUp() {
    oldPath = Path.of(oldSpec);
    newPath = Path.of(newSpec);
    diff = new ApiDiff(DiffOptions.defaults());
  }

  @Benchmark
  public Report compare() throws Exception {
    last = diff.compare(oldPath, newPath);
    return last;
  }

  @TearDown
  public void writeCounts() throws IOException {
    if (countsFile.isEmpty() || last == null) {
      return;
    }
    String json = String.format("{\"tool\":\"breakwater\",\"findings\":%d}%n", last.findings().size());
    Files.writeString(Path.of(countsFile), json, StandardCharsets.UTF_8);
  }
}
