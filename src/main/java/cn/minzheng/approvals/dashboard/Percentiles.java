package cn.minzheng.approvals.dashboard;

import java.util.Arrays;
import java.util.List;

/**
 * Median and p90 as PostgreSQL's percentile_cont computes them (linear interpolation between the two
 * nearest ranks), in Java so the same figures come out on H2 and Oracle.
 */
public final class Percentiles {

  private Percentiles() {
  }

  /** The {@code fraction} (0..1) percentile of the values, or null for none. */
  public static Long of(List<Long> values, double fraction) {
    if (values.isEmpty()) {
      return null;
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    double position = fraction * (sorted.length - 1);
    int lower = (int) Math.floor(position);
    int upper = (int) Math.ceil(position);
    return Math.round(sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower));
  }
}
