package cn.minzheng.approvals.common;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;

/** ISO-8601 durations as the engine's timers read them: a date part (P7D, P1M) and/or a time part (PT10M). */
public final class IsoDurations {

  private IsoDurations() {
  }

  public static LocalDateTime addTo(LocalDateTime start, String iso) {
    int t = iso.indexOf('T');
    if (t < 0) {
      return start.plus(Period.parse(iso));
    }
    String datePart = iso.substring(0, t);
    LocalDateTime result = "P".equals(datePart) ? start : start.plus(Period.parse(datePart));
    return result.plus(Duration.parse("P" + iso.substring(t)));
  }
}
