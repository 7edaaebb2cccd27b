package cn.minzheng.approvals.process;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code approvals.retention.*}: how many years Camunda keeps the history of a finished case, per process
 * (its key: {@code dibao}, {@code tekun}, ..., the shared stages {@code stage_acceptance} ...), else
 * {@code default-years}. Applied to every deployed definition at start-up and to each new one as it is
 * deployed. The audit ledger is not history: nothing ever deletes from it.
 */
@Validated
@ConfigurationProperties("approvals.retention")
public class RetentionProperties {

  /** Years of history for a process without its own entry. */
  @Min(1)
  @Max(100)
  private int defaultYears = 10;

  /** Years per process key, e.g. {@code years.shzz: 30}. */
  private Map<String, Integer> years = new HashMap<>();

  /**
   * Camunda's history cleanup runs only from this time (HH:mm, the JVM's time zone) to
   * {@link #cleanupWindowEnd}: outside office hours. Passed to the engine as
   * historyCleanupBatchWindowStartTime / EndTime (application.yml, camunda.bpm.generic-properties).
   */
  @jakarta.validation.constraints.Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d")
  private String cleanupWindowStart = "22:00";

  @jakarta.validation.constraints.Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d")
  private String cleanupWindowEnd = "06:00";

  public String getCleanupWindowStart() { return cleanupWindowStart; }
  public void setCleanupWindowStart(String cleanupWindowStart) { this.cleanupWindowStart = cleanupWindowStart; }
  public String getCleanupWindowEnd() { return cleanupWindowEnd; }
  public void setCleanupWindowEnd(String cleanupWindowEnd) { this.cleanupWindowEnd = cleanupWindowEnd; }
  public int getDefaultYears() { return defaultYears; }
  public void setDefaultYears(int defaultYears) { this.defaultYears = defaultYears; }
  public Map<String, Integer> getYears() { return years; }
  public void setYears(Map<String, Integer> years) { this.years = years; }

  public int yearsOf(String processKey) {
    Integer own = years.get(processKey);
    return own == null || own < 1 ? defaultYears : own;
  }

  /** Camunda counts the time-to-live in days: whole years, leap days included, rounded up. */
  public int daysOf(String processKey) {
    return (int) Math.ceil(yearsOf(processKey) * 365.25);
  }
}
