package cn.minzheng.approvals.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.SqlSessionFactory;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.approvals.common.Page;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.BenchDatabaseInitializer;
import cn.minzheng.approvals.support.BenchReport;
import cn.minzheng.approvals.support.TestDatabase;

/**
 * Benchmark, not a test: the first inbox page of a street clerk (wjs-clerk) at {@value InboxBenchData#TASKS}
 * open tasks and (by default) a million finished cases, {@code bench.runs} times, our one-query inbox ({@link TaskInbox}) against Camunda's TaskQuery
 * as InboxService used it. Writes {@code target/bench/inbox.json} and {@code inbox.txt}; asserts results,
 * never times. Tagged {@code bench}: only {@code mvn -Pbench verify} runs it, on its own database.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
@ContextConfiguration(initializers = BenchDatabaseInitializer.class)
class TaskInboxBenchmarkTest {

  static final int RUNS = Integer.getInteger("bench.runs", 1000);
  static final int WARM_UP = Math.max(RUNS / 5, 10);
  static final int PAGE_SIZE = 20;

  @Autowired TaskInbox inbox;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repository;
  @Autowired UserDirectory users;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired SqlSessionFactory sqlSessions;
  @Autowired ObjectMapper json;

  record Result(String name, String user, String description, int runs, double p50, double p95, double p99,
                double max, double mean, int rows, long total) {
  }

  @Test
  void firstInboxPageOfAStreetClerk() throws Exception {
    // given: the data set, fresh statistics, the clerk as the API would see them
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(DibaoProcess.KEY)
        .latestVersion().singleResult().getId();
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    long start = System.nanoTime();
    boolean made = InboxBenchData.ensure(dataSource, definition, now);
    boolean madeHistory = InboxBenchData.ensureHistory(dataSource, definition, now);
    double fillSeconds = (System.nanoTime() - start) / 1e9;
    // as autovacuum leaves them: statistics and visibility map
    for (String table : List.of("ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_RU_EXECUTION", "mz_application",
        "ACT_HI_PROCINST", "ACT_HI_TASKINST")) {
      jdbc.execute("VACUUM ANALYZE " + table);
    }
    CurrentUser clerk = users.load("wjs-clerk").orElseThrow();
    CurrentUser approver = users.load("qu-approver").orElseThrow();
    Map<String, Long> counts = counts();
    // made now: its "load average before" is the load right before the timed runs
    BenchReport report = BenchReport.named("inbox", "Inbox benchmark: first page (scope all, page 0, size " + PAGE_SIZE
        + ") at " + counts.get("openTasks") + " open tasks and " + counts.get("finishedInstances") + " finished instances");

    // when: each way warmed up, then timed
    Result query = measure("TaskInbox.page", clerk, "one statement: the page with its total (TaskInboxMapper.page)",
        () -> inbox.page(clerk, "all", null, null, null, null, 0, PAGE_SIZE));
    Result camunda = measure("TaskQuery", clerk, "Camunda TaskQuery or(assignee, candidateGroupIn), by due date: "
        + "count() + listPage(0, 20), without InboxService's per-task history look-ups", () -> oldWay(clerk));
    // for information: a larger inbox, the whole district's approvals
    Result district = measure("TaskInbox.page", approver, "the same for a district approver (larger inbox)",
        () -> inbox.page(approver, "all", null, null, null, null, 0, PAGE_SIZE));

    // then: both ways find the same tasks (the data set keeps every task within its street)
    assertThat(query.rows()).isEqualTo(PAGE_SIZE);
    assertThat(query.total()).isEqualTo(camunda.total()).isPositive();
    assertThat(district.total()).isEqualTo(oldWay(approver).total());
    write(report, made || madeHistory, fillSeconds, counts, List.of(query, camunda, district), plans(clerk));
  }

  private Page<Task> oldWay(CurrentUser user) {
    TaskQuery q = taskService.createTaskQuery().active()
        .or().taskAssignee(user.id()).taskCandidateGroupIn(user.groups()).endOr();
    long total = q.count();
    List<Task> tasks = q.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, PAGE_SIZE);
    return new Page<>(tasks, total, 0, PAGE_SIZE);
  }


  private Result measure(String name, CurrentUser user, String description, Supplier<Page<?>> run) {
    Page<?> last = null;
    for (int i = 0; i < WARM_UP; i++) {
      last = run.get();
    }
    long[] nanos = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      last = run.get();
      nanos[i] = System.nanoTime() - t0;
    }
    BenchReport.Stats stats = BenchReport.Stats.ofNanos(nanos);
    return new Result(name, user.id() + " " + user.groups(), description, RUNS, stats.p50(), stats.p95(), stats.p99(),
        stats.max(), stats.mean(), last.items().size(), last.total());
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("openTasks", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class));
    counts.put("candidateLinks", jdbc.queryForObject(
        "SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate'", Long.class));
    counts.put("assignedTasks", jdbc.queryForObject(
        "SELECT COUNT(*) FROM ACT_RU_TASK WHERE ASSIGNEE_ IS NOT NULL", Long.class));
    counts.put("applications", jdbc.queryForObject("SELECT COUNT(*) FROM mz_application", Long.class));
    counts.put("historicInstances", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class));
    counts.put("finishedInstances", jdbc.queryForObject(
        "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL", Long.class));
    counts.put("historicTasks", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_TASKINST", Long.class));
    counts.put("tasksOfTheStreet", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK t JOIN mz_application a"
        + " ON a.process_instance_id = t.PROC_INST_ID_ WHERE a.street_code = '420112001000'", Long.class));
    return counts;
  }

  /** EXPLAIN ANALYZE of both statements with the clerk's parameters, for the record. */
  private Map<String, List<String>> plans(CurrentUser clerk) {
    TaskInboxQuery query = new TaskInboxQuery(clerk.id(), clerk.groups(), true, true, clerk.regionLevel(),
        clerk.regionCode(), null, null, null, null, null, 0, PAGE_SIZE);
    Map<String, List<String>> plans = new LinkedHashMap<>();
    for (String statement : List.of("page", "count")) {
      var configuration = sqlSessions.getConfiguration();
      BoundSql bound = configuration.getMappedStatement(TaskInboxMapper.class.getName() + "." + statement)
          .getBoundSql(query);
      MetaObject parameters = configuration.newMetaObject(query);
      Object[] args = bound.getParameterMappings().stream()
          .map(m -> bound.hasAdditionalParameter(m.getProperty())
              ? bound.getAdditionalParameter(m.getProperty()) : parameters.getValue(m.getProperty()))
          .toArray();
      plans.put(statement, jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + bound.getSql(), String.class, args));
    }
    return plans;
  }

  private void write(BenchReport report, boolean made, double fillSeconds, Map<String, Long> counts,
                     List<Result> results, Map<String, List<String>> plans) throws IOException {
    Result clerk = results.get(0);
    Result district = results.get(2);
    report.atMost("inbox first page p95, " + clerk.user().substring(0, clerk.user().indexOf(' ')), clerk.p95(), 20, "ms",
        "p50 " + clerk.p50() + " ms, inbox of " + clerk.total() + " tasks");
    report.atMost("inbox first page p95, " + district.user().substring(0, district.user().indexOf(' ')), district.p95(),
        20, "ms", "p50 " + district.p50() + " ms, the whole district's inbox: " + district.total() + " tasks");
    report.put("database", TestDatabase.benchUrl());
    report.put("postgresql", jdbc.queryForObject("SHOW server_version", String.class));
    report.put("dataSet", Map.of("version", InboxBenchData.VERSION + " + " + InboxBenchData.HISTORY_VERSION,
        "made", made, "fillSeconds", BenchReport.round(fillSeconds), "rows", counts));
    report.put("warmUp", WARM_UP);
    report.put("results", results);
    report.put("plans", plans);
    report.line("Data set " + InboxBenchData.VERSION + " + " + InboxBenchData.HISTORY_VERSION
        + (made ? " made in " + BenchReport.round(fillSeconds) + " s" : " reused") + ": " + counts);
    report.line(RUNS + " runs after " + WARM_UP + " warm-up runs, milliseconds:");
    report.line("");
    report.line(String.format("%-16s %-12s %8s %8s %8s %8s %8s %5s %6s", "", "user", "p50", "p95", "p99", "max",
        "mean", "rows", "total"));
    for (Result r : results) {
      report.line(String.format("%-16s %-12s %8.2f %8.2f %8.2f %8.2f %8.2f %5d %6d", r.name(),
          r.user().substring(0, r.user().indexOf(' ')), r.p50(), r.p95(), r.p99(), r.max(), r.mean(), r.rows(), r.total()));
    }
    report.line("");
    for (Result r : results) {
      report.line(r.name() + ", " + r.user() + ": " + r.description());
    }
    plans.forEach((statement, lines) -> {
      report.line("");
      report.line("EXPLAIN (ANALYZE, BUFFERS) TaskInboxMapper." + statement + ":");
      lines.forEach(line -> report.line("  " + line));
    });
    report.write(json);
  }
}
