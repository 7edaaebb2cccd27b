package cn.minzheng.approvals.metrics;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Our own operational figures for Prometheus: open cases by type and stage, overdue tasks. Counted by
 * one grouped query a minute rather than on every scrape.
 */
@Component
public class CaseMetrics {

  private final MetricsMapper metrics;
  private final TaskService tasks;
  private final MultiGauge openCases;
  private volatile long overdueTasks;

  public CaseMetrics(MetricsMapper metrics, TaskService tasks, MeterRegistry registry) {
    this.metrics = metrics;
    this.tasks = tasks;
    this.openCases = MultiGauge.builder("approvals.cases.open")
        .description("Open applications by type and stage").register(registry);
    Gauge.builder("approvals.tasks.overdue", this, m -> m.overdueTasks)
        .description("Active tasks past their statutory due date").register(registry);
  }

  @Scheduled(fixedDelayString = "${approvals.metrics-refresh:PT1M}", initialDelayString = "PT10S")
  public void refresh() {
    List<Map<String, Object>> rows = metrics.openCasesByStage();
    openCases.register(rows.stream().map(row -> MultiGauge.Row.of(
        Tags.of("type", String.valueOf(value(row, "app_type")), "stage", String.valueOf(value(row, "stage"))),
        ((Number) value(row, "cases")).doubleValue())).toList(), true);
    overdueTasks = tasks.createTaskQuery().active().dueBefore(ClockUtil.getCurrentTime()).count();
  }

  /** Column keys come back upper-case on H2 and Oracle, lower-case on PostgreSQL. */
  private static Object value(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value != null ? value : row.get(column.toUpperCase());
  }
}
