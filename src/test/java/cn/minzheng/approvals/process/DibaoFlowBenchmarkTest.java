package cn.minzheng.approvals.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.ApplicationStatus;
import cn.minzheng.approvals.inbox.CompleteRequest;
import cn.minzheng.approvals.inbox.InboxService;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.BenchDatabaseInitializer;
import cn.minzheng.approvals.support.BenchReport;
import cn.minzheng.approvals.support.StatementCounter;
import cn.minzheng.approvals.support.TestDatabase;

/**
 * Benchmark, not a test: complete 低保 cycles per second — submit, 受理, 调查, 街道初审, the 公示 timer,
 * 区审核确认 with its notices — through our service layer (ApplicationService, InboxService: the code behind
 * the API, without HTTP) against a bare Camunda engine running the same models with no-op delegates
 * ({@link PlainCamundaDibao}), both on the same PostgreSQL in the same run, in alternating rounds so that
 * drift of a shared machine hits both alike. Also SQL per cycle and the heap used. Writes
 * {@code target/bench/flow.json} and {@code flow.txt}; asserts results, never times.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({"postgres", "test"})
@ContextConfiguration(initializers = BenchDatabaseInitializer.FreshFlow.class)
@Import(DibaoFlowBenchmarkTest.CountStatements.class)
class DibaoFlowBenchmarkTest {

  static final int WARM_UP = Integer.getInteger("bench.flow.warm-up", 30);
  static final int ROUNDS = Integer.getInteger("bench.flow.rounds", 4);
  static final int CYCLES_PER_ROUND = Integer.getInteger("bench.flow.cycles", 50);
  /** The steps of a cycle, in their order. */
  static final List<String> STEPS = List.of("submit", SharedStages.TASK_ACCEPT, DibaoProcess.TASK_INVESTIGATE,
      DibaoProcess.TASK_STREET_REVIEW, "publicNoticeTimer", DibaoProcess.TASK_DISTRICT_APPROVE);
  /** Cases worked at once; 1 by default (cycles per second of one user after another). */
  static final int THREADS = Integer.getInteger("bench.flow.threads", 1);
  static final int TOP_STATEMENTS = 40;
  /** The report's name: .ci/bench runs the benchmark a second time in a small heap under another name. */
  static final String REPORT = System.getProperty("bench.flow.name", "flow");

  /** Our data source's SQL, counted on the benchmark thread (wrapped by {@link CountStatements}). */
  static final StatementCounter OURS_SQL = new StatementCounter();

  @TestConfiguration
  static class CountStatements {
    @Bean
    static BeanPostProcessor countOurStatements() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof DataSource dataSource && name.equals("dataSource") ? OURS_SQL.wrap(dataSource) : bean;
        }
      };
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired InboxService inbox;
  @Autowired UserDirectory users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  /** One way of working a case: how it is filed and how a task is completed; the rest is the same engine API. */
  private abstract static class Flow {
    final String name;
    final ProcessEngine engine;
    final StatementCounter sql;
    long nanos;
    int cycles;
    StatementCounter.Counts counted = new StatementCounter.Counts(0, 0, 0);

    Flow(String name, ProcessEngine engine, StatementCounter sql) {
      this.name = name;
      this.engine = engine;
      this.sql = sql;
    }

    /** Files a new case and returns its business key. */
    abstract String submit();

    abstract void complete(Task task, String user, String decision, Map<String, Object> data);

    /** One 低保 case from filing to the published approval: every user task, the 公示 timer, the notices. */
    void cycle() {
      long t = System.nanoTime();
      String key = submit();
      t = step("submit", t);
      work(key, SharedStages.TASK_ACCEPT, "wjs-clerk", Map.of());
      t = step(SharedStages.TASK_ACCEPT, t);
      work(key, DibaoProcess.TASK_INVESTIGATE, "wjs-clerk", Map.of("investigator1", "王五", "investigator2", "赵六",
          "visitDate", "2026-11-18", "verificationResult", "consistent", DibaoProcess.VAR_HOLD_DEMOCRATIC_REVIEW, false,
          "skipReason", "家庭情况清楚，无争议"));
      t = step(DibaoProcess.TASK_INVESTIGATE, t);
      work(key, DibaoProcess.TASK_STREET_REVIEW, "wjs-reviewer", Map.of("note", "同意"));
      t = step(DibaoProcess.TASK_STREET_REVIEW, t);
      firePublicNoticeTimer(key);
      t = step("publicNoticeTimer", t);
      work(key, DibaoProcess.TASK_DISTRICT_APPROVE, "qu-approver", Map.of("homeVisitDone", false));
      step(DibaoProcess.TASK_DISTRICT_APPROVE, t);
    }

    /** Time of each step of the cycle (all cycles, warm-up included: the shares are what counts). */
    private final Map<String, LongAdder> stepNanos = new ConcurrentHashMap<>();

    private long step(String name, long since) {
      long now = System.nanoTime();
      stepNanos.computeIfAbsent(name, k -> new LongAdder()).add(now - since);
      return now;
    }

    Map<String, Double> msPerStep(int allCycles) {
      Map<String, Double> ms = new LinkedHashMap<>();
      for (String name : STEPS) {
        ms.put(name, BenchReport.round(stepNanos.getOrDefault(name, new LongAdder()).sum() / 1e6 / allCycles));
      }
      return ms;
    }

    private void work(String key, String taskKey, String user, Map<String, Object> data) {
      Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(taskKey)
          .singleResult();
      complete(task, user, "approve", data);
    }

    /** What the job executor does when the 公示 period is over. */
    private void firePublicNoticeTimer(String key) {
      ProcessInstance stage = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key)
          .processDefinitionKey(SharedStages.PUBLIC_NOTICE).singleResult();
      Job timer = engine.getManagementService().createJobQuery().processInstanceId(stage.getId()).timers().singleResult();
      engine.getManagementService().executeJob(timer.getId());
    }

    /** n cycles on {@link #THREADS} threads (each its share), counted on those threads only. */
    void run(int n, boolean timed) throws Exception {
      StatementCounter.Counts before = sql.counts();
      long t0 = System.nanoTime();
      ExecutorService workers = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int share = n / THREADS + (t < n % THREADS ? 1 : 0);
          done.add(workers.submit(() -> {
            sql.start();
            try {
              for (int i = 0; i < share; i++) {
                cycle();
              }
            } finally {
              sql.stop();
            }
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        workers.shutdown();
      }
      long spent = System.nanoTime() - t0;
      StatementCounter.Counts after = sql.counts();
      if (timed) {
        nanos += spent;
        cycles += n;
        counted = counted.plus(after.minus(before));
      }
    }

    double perSecond() {
      return cycles / (nanos / 1e9);
    }

    /** The statements sent most often, per timed cycle. */
    Map<String, Double> frequentStatements() {
      Map<String, Double> perCycle = new LinkedHashMap<>();
      sql.mostFrequent(TOP_STATEMENTS).forEach((text, n) -> perCycle.put(text, BenchReport.round((double) n / cycles)));
      return perCycle;
    }

    Map<String, Object> figures() {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("cycles", cycles);
      f.put("seconds", BenchReport.round(nanos / 1e9));
      f.put("cyclesPerSecond", BenchReport.round(perSecond()));
      f.put("msPerCycle", BenchReport.round(nanos / 1e6 / cycles));
      f.put("sqlStatementsPerCycle", BenchReport.round((double) counted.statements() / cycles));
      f.put("sqlRoundTripsPerCycle", BenchReport.round((double) counted.roundTrips() / cycles));
      f.put("commitsPerCycle", BenchReport.round((double) counted.commits() / cycles));
      return f;
    }
  }

  @Test
  void completeDibaoCyclesOursAgainstPlainCamunda() throws Exception {
    // given: bare Camunda on its own fresh database of the same server, its SQL counted the same way
    String plainUrl = TestDatabase.benchUrl("plain");
    TestDatabase.recreate(plainUrl);
    StatementCounter plainSql = new StatementCounter();
    HikariDataSource plainPool = DataSourceBuilder.create().type(HikariDataSource.class).url(plainUrl)
        .username(TestDatabase.user()).password(TestDatabase.password()).build();
    // as ours (application.yml, profile postgres)
    plainPool.setConnectionInitSql("SET max_parallel_workers_per_gather = 0");
    HeapSampler heap = new HeapSampler();
    try (plainPool; PlainCamundaDibao plain = new PlainCamundaDibao(plainSql.wrap(plainPool), Path.of("."))) {
      // signed in once, as a session keeps them
      Map<String, CurrentUser> signedIn = new HashMap<>();
      for (String user : List.of("wjs-clerk", "wjs-reviewer", "qu-approver")) {
        signedIn.put(user, users.load(user).orElseThrow());
      }
      Flow ours = new Flow("ours", engine, OURS_SQL) {
        @Override
        String submit() {
          return String.valueOf(applications.submit(Applications.dibao(Applications.WJS_COMMUNITY),
              signedIn.get("wjs-clerk")).getId());
        }

        @Override
        void complete(Task task, String user, String decision, Map<String, Object> data) {
          inbox.complete(task.getId(), new CompleteRequest(decision, null, data), signedIn.get(user));
        }
      };
      AtomicLong plainKeys = new AtomicLong();
      Flow bare = new Flow("plain Camunda", plain.engine(), plainSql) {
        @Override
        String submit() {
          long id = plainKeys.incrementAndGet();
          String key = "plain-" + id;
          Map<String, Object> variables = new HashMap<>();
          variables.put(ProcessVariables.APPLICATION_ID, id);
          variables.put(ProcessVariables.STREET_CODE, "420112001000");
          variables.put(ProcessVariables.DISTRICT_CODE, "420112000000");
          variables.put(ProcessVariables.PUBLIC_NOTICE_PERIOD, "P7D");
          variables.put(ProcessVariables.APPEAL_WINDOW, "P60D");
          engine.getRuntimeService().startProcessInstanceByKey(DibaoProcess.KEY, key, variables);
          return key;
        }

        @Override
        void complete(Task task, String user, String decision, Map<String, Object> data) {
          // what an inbox on the bare engine does too: claim, then complete with the decision
          Map<String, Object> variables = new HashMap<>(data);
          variables.put(ProcessVariables.DECISION, decision);
          variables.put(ProcessVariables.DECIDED_BY, user);
          engine.getTaskService().claim(task.getId(), user);
          engine.getTaskService().complete(task.getId(), variables);
        }
      };

      // when: both warmed up, then timed in alternating rounds
      BenchReport report = BenchReport.named(REPORT, "低保 flow: complete cycles per second, ours against plain Camunda"
          + " (max heap " + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MiB)");
      heap.start();
      bare.run(WARM_UP, false);
      ours.run(WARM_UP, false);
      OURS_SQL.clearStatements();
      plainSql.clearStatements();
      for (int round = 0; round < ROUNDS; round++) {
        bare.run(CYCLES_PER_ROUND, true);
        ours.run(CYCLES_PER_ROUND, true);
      }
      heap.stop();

      // then: every cycle ended where it should, on both
      int all = WARM_UP + ROUNDS * CYCLES_PER_ROUND;
      assertThat(finishedCases(plain.engine())).isEqualTo(all);
      assertThat(finishedCases(engine)).isEqualTo(all);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mz_application WHERE app_type = 'dibao' AND status = ?",
          Integer.class, ApplicationStatus.APPROVED)).isEqualTo(all);
      // accepted, publicity, approved
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mz_notice", Integer.class)).isEqualTo(3 * all);
      assertThat(ours.counted.statements()).isPositive();
      assertThat(bare.counted.statements()).isPositive();
      write(report, ours, bare, heap);
    }
  }

  private static long finishedCases(ProcessEngine engine) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(DibaoProcess.KEY)
        .finished().count();
  }

  private void write(BenchReport report, Flow ours, Flow bare, HeapSampler heap) throws Exception {
    double ratio = ours.perSecond() / bare.perSecond();
    report.atLeast("flow: ours / plain Camunda, cycles per second", ratio, 0.8, "×",
        String.format("ours %.2f/s, plain %.2f/s", ours.perSecond(), bare.perSecond()));
    Map<String, Object> engines = new LinkedHashMap<>();
    engines.put("ours", ours.figures());
    engines.put("plainCamunda", bare.figures());
    report.put("engines", engines);
    report.put("ratio", BenchReport.round(ratio));
    report.put("warmUpCycles", WARM_UP);
    report.put("rounds", ROUNDS);
    report.put("cyclesPerRound", CYCLES_PER_ROUND);
    report.put("threads", THREADS);
    report.put("heap", heap.figures());
    report.put("postgresql", jdbc.queryForObject("SHOW server_version", String.class));
    report.line(String.format("%d warm-up cycles each, then %d alternating rounds of %d cycles; one thread, "
        + "job executor off (the 公示 timer fired by the benchmark on both).", WARM_UP, ROUNDS, CYCLES_PER_ROUND)
        .replace("one thread", THREADS == 1 ? "one thread" : THREADS + " threads"));
    report.line("");
    report.line(String.format("%-14s %8s %8s %10s %10s %10s %8s", "", "cycles", "per s", "ms/cycle", "SQL/cycle",
        "trips/cyc", "commits"));
    for (Flow flow : List.of(ours, bare)) {
      Map<String, Object> f = flow.figures();
      report.line(String.format("%-14s %8d %8.2f %10.2f %10.1f %10.1f %8.1f", flow.name, flow.cycles,
          flow.perSecond(), f.get("msPerCycle"), f.get("sqlStatementsPerCycle"), f.get("sqlRoundTripsPerCycle"),
          f.get("commitsPerCycle")));
    }
    report.line("");
    report.line(String.format("ratio ours / plain: %.2f", ratio));
    int all = WARM_UP + ROUNDS * CYCLES_PER_ROUND;
    Map<String, Double> oursSteps = ours.msPerStep(all);
    Map<String, Double> bareSteps = bare.msPerStep(all);
    report.put("msPerStep", Map.of("ours", oursSteps, "plainCamunda", bareSteps));
    report.line("");
    report.line("ms per step of a cycle (every cycle, warm-up included):");
    report.line(String.format("%-22s %8s %8s %8s", "", "ours", "plain", "extra"));
    oursSteps.forEach((name, ms) -> report.line(String.format("%-22s %8.2f %8.2f %+8.2f", name, ms,
        bareSteps.getOrDefault(name, 0.0), ms - bareSteps.getOrDefault(name, 0.0))));
    report.line("heap (MiB): " + heap.figures());
    Map<String, Double> more = moreThanPlain(ours, bare);
    report.put("statementsOursSendsMorePerCycle", more);
    report.line("");
    report.line("Statements ours sends more often than plain Camunda, per cycle:");
    more.forEach((text, n) -> report.line(String.format("%+6.1f  %s", n, text)));
    for (Flow flow : List.of(ours, bare)) {
      report.put("frequentStatements " + flow.name, flow.frequentStatements());
      report.line("");
      report.line("Statements sent most often per cycle, " + flow.name + ":");
      flow.frequentStatements().forEach((text, n) -> report.line(String.format("%6.1f  %s", n, text)));
    }
    report.write(json);
  }

  /** Where our extra SQL comes from: per statement text, ours minus plain per cycle, largest first. */
  private static Map<String, Double> moreThanPlain(Flow ours, Flow bare) {
    Map<String, Long> plain = bare.sql.mostFrequent(Integer.MAX_VALUE);
    Map<String, Double> more = new LinkedHashMap<>();
    ours.sql.mostFrequent(Integer.MAX_VALUE).forEach((text, n) -> {
      double diff = (double) n / ours.cycles - (double) plain.getOrDefault(text, 0L) / bare.cycles;
      if (diff >= 0.5) {
        more.put(text, BenchReport.round(diff));
      }
    });
    Map<String, Double> sorted = new LinkedHashMap<>();
    more.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(TOP_STATEMENTS)
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** Used heap sampled every 20 ms while the cycles run, and the live heap after a full collection at the end. */
  private static final class HeapSampler {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<Long> samples = new ArrayList<>();
    private long liveAfter;

    void start() {
      System.gc();
      samples.add(used());
      timer.scheduleAtFixedRate(() -> {
        synchronized (samples) {
          samples.add(used());
        }
      }, 0, 20, TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
      timer.shutdown();
      timer.awaitTermination(5, TimeUnit.SECONDS);
      System.gc();
      liveAfter = used();
    }

    private long used() {
      return memory.getHeapMemoryUsage().getUsed();
    }

    Map<String, Object> figures() {
      Map<String, Object> f = new LinkedHashMap<>();
      synchronized (samples) {
        f.put("liveBeforeMiB", samples.get(0) / 1024 / 1024);
        f.put("peakUsedMiB", samples.stream().mapToLong(Long::longValue).max().orElse(0) / 1024 / 1024);
      }
      f.put("liveAfterMiB", liveAfter / 1024 / 1024);
      f.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / 1024 / 1024);
      return f;
    }
  }
}
