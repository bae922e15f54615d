package org.breakwater.bench;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;

/**
 * A fixed CPU workload (eight SHA-256 digests of the same 16 MB per sample), timed: shows how noisy the machine
 * is while the benchmark runs. On a quiet machine the times are within a few percent of each
 * other; a wide spread means other processes were competing for the cores.
 *
 * <pre>NoiseProbe [REPEATS]</pre> prints one line: the times in milliseconds, sorted.
 */
public final class NoiseProbe {
  private NoiseProbe() {}

  public static void main(String[] args) throws Exception {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    byte[] data = new byte[16 << 20];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31 + (i >>> 7));
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < 3; i++) {
      sha.digest(data);
    }
    double[] ms = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long t = System.nanoTime();
      for (int k = 0; k < 8; k++) {
        sha.digest(data);
      }
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    StringBuilder s = new StringBuilder();
    for (double v : ms) {
      s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", v));
    }
    System.out.println(s);
  }
}
