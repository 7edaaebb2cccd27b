package cn.minzheng.approvals.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The dashboard's percentiles match PostgreSQL's percentile_cont (values checked against it by hand). */
class PercentilesTest {

  @Test
  void shouldInterpolateBetweenTheNearestRanksAsPercentileCont() {
    // SELECT percentile_cont(0.5), percentile_cont(0.9) WITHIN GROUP (ORDER BY v) FROM (VALUES (1),(2),(3),(4),(10)) t(v)
    // → 3, 7.6
    List<Long> values = List.of(10L, 1L, 4L, 2L, 3L);
    assertThat(Percentiles.of(values, 0.5)).isEqualTo(3L);
    assertThat(Percentiles.of(values, 0.9)).isEqualTo(8L); // 7.6 rounded to whole milliseconds
    assertThat(Percentiles.of(List.of(1000L, 2000L), 0.5)).isEqualTo(1500L);
    assertThat(Percentiles.of(List.of(42L), 0.9)).isEqualTo(42L);
    assertThat(Percentiles.of(List.of(), 0.5)).isNull();
  }

  @Test
  void shouldGiveRatesWithFourDecimalsAndNoneWithoutAWhole() {
    assertThat(Dashboard.rate(1, 3)).isEqualByComparingTo("0.3333");
    assertThat(Dashboard.rate(2, 2)).isEqualByComparingTo("1");
    assertThat(Dashboard.rate(0, 0)).isNull();
  }
}
