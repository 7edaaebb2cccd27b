package cn.minzheng.approvals.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.session.SqlSessionFactory;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.BenchDatabaseInitializer;
import cn.minzheng.approvals.support.BenchReport;
import cn.minzheng.approvals.support.TestDatabase;

/**
 * Benchmark, not a test: the 年度复核 of a district with {@value #DEFAULT_HOUSEHOLDS} approved 低保 households
 * (-Dbench.review.households), started as the administrator starts it (AnnualReviews.start, the body of
 * POST /api/admin/annual-reviews) and worked off by the runner in chunks of the configured size (500,
 * -Dbench.review.chunk-size) on its own thread, as in production. Every ~5 s the run's progress (what the
 * page polls) is printed and kept. Writes {@code target/bench/annual-review.json} and {@code .txt}; asserts
 * results (one review case per household, each waiting at 核对, none failed), never times. Tagged
 * {@code bench}: only {@code mvn -Pbench verify} runs it, on its own database made afresh every run.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "approvals.annual-review.chunk-size=${bench.review.chunk-size:500}")
@ActiveProfiles({"postgres", "test"})
@ContextConfiguration(initializers = BenchDatabaseInitializer.FreshAnnualReview.class)
@Import(RunnerProfile.Timers.class)
class AnnualReviewBenchmarkTest {

  static final int DEFAULT_HOUSEHOLDS = 100_000;
  static final int HOUSEHOLDS = Integer.getInteger("bench.review.households", DEFAULT_HOUSEHOLDS);
  static final long SAMPLE_MILLIS = 5_000;
  static final double TARGET_MINUTES = 10;

  @Autowired AnnualReviews reviews;
  @Autowired AnnualReviewRunner runner;
  @Autowired AnnualReviewProperties properties;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired UserDirectory users;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired SqlSessionFactory sqlSessions;
  @Autowired ObjectMapper json;

  /** One look at the run's progress, as GET /api/admin/annual-reviews/{id} shows it. */
  record Sample(double elapsedS, int created, int failed, int total, String state, double perSecond,
                double perSecondSinceLast) {
  }

  @Test
  void reviewStartOfAWholeDistrict() throws Exception {
    // given: the district's households, the administrator
    int year = LocalDate.now().getYear();
    long fillStart = System.nanoTime();
    ReviewBenchData.fill(dataSource, HOUSEHOLDS, new Timestamp(ClockUtil.getCurrentTime().getTime()));
    double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
    CurrentUser admin = users.load("admin").orElseThrow();
    BenchReport report = BenchReport.named("annual-review",
        "Annual review (年度复核) start: " + HOUSEHOLDS + " 低保 households of district " + ReviewBenchData.DISTRICT);

    // when: started as the API starts it, worked off by the runner on its own thread
    double[] cpuBefore = RunnerProfile.cpuSeconds(jdbc);
    long t0 = System.nanoTime();
    AnnualReviews.Started started = reviews.start(
        new AnnualReviews.StartRequest(ReviewBenchData.DISTRICT, year, "benchmark"), admin);
    double startSeconds = (System.nanoTime() - t0) / 1e9;
    long runId = started.run().getId();
    Map<String, List<String>> plans = new LinkedHashMap<>();
    plans.put("at start (0 reviewed)", candidatesPlan(year));
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "annual-review-bench"));
    List<Sample> samples = new ArrayList<>();
    double runnerSeconds;
    long runnerStart = System.nanoTime();
    Future<?> run = thread.submit(() -> runner.runToEnd(runId));
    try {
      Sample last = sample(runId, t0, null);
      while (!isDone(run)) {
        last = sample(runId, t0, last);
        samples.add(last);
        System.out.printf("annual-review bench: %6.0f s  %,7d / %,d created, %d failed, %s, %.0f/s (last 5 s: %.0f/s)%n",
            last.elapsedS(), last.created(), last.total(), last.failed(), last.state(), last.perSecond(),
            last.perSecondSinceLast());
        if (!plans.containsKey("half way") && last.created() >= HOUSEHOLDS / 2) {
          plans.put("half way", candidatesPlan(year));
        }
      }
      run.get();
    } finally {
      runnerSeconds = (System.nanoTime() - runnerStart) / 1e9;
      thread.shutdownNow();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double[] cpuAfter = RunnerProfile.cpuSeconds(jdbc);
    ReviewRun done = reviews.progress(runId);
    samples.add(sample(runId, t0, samples.isEmpty() ? null : samples.get(samples.size() - 1)));
    plans.put("at the end (all reviewed)", candidatesPlan(year));

    // then: every household once, each with its review model waiting at 核对, none failed
    assertThat(started.created()).isTrue();
    assertThat(done.getState()).isEqualTo(ReviewRun.COMPLETED);
    assertThat(done.getTotal()).isEqualTo(HOUSEHOLDS);
    assertThat(done.getCreated()).isEqualTo(HOUSEHOLDS);
    assertThat(done.getFailed()).isZero();
    Map<String, Long> counts = counts(runId);
    assertThat(counts.get("reviewsCreated")).isEqualTo(HOUSEHOLDS);
    assertThat(counts.get("reviewsFailed")).isZero();
    assertThat(counts.get("householdsReviewed")).isEqualTo(HOUSEHOLDS);
    assertThat(counts.get("applicationsOnTheirReview")).isEqualTo(HOUSEHOLDS);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DibaoReviewProcess.KEY).active().count())
        .isEqualTo(HOUSEHOLDS);
    assertThat(tasks.createTaskQuery().processDefinitionKey(DibaoReviewProcess.KEY)
        .taskDefinitionKey(DibaoReviewProcess.TASK_CHECK).count()).isEqualTo(HOUSEHOLDS);

    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("runnerThreadSeconds", BenchReport.round(runnerSeconds));
    profile.put("layers", RunnerProfile.split(runnerSeconds, HOUSEHOLDS));
    profile.put("cpuSecondsJvm", BenchReport.round(cpuAfter[0] - cpuBefore[0]));
    profile.put("cpuSecondsDatabaseSessions", BenchReport.round(cpuAfter[1] - cpuBefore[1]));
    write(report, seconds, startSeconds, fillSeconds, counts, samples, plans, profile);
  }

  private static double runnerSecondsOf(Map<String, Object> profile) {
    return (Double) profile.get("runnerThreadSeconds");
  }

  private static boolean isDone(Future<?> run) throws InterruptedException, ExecutionException {
    try {
      run.get(SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }

  private Sample sample(long runId, long t0, Sample previous) {
    ReviewRun run = reviews.progress(runId);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    int handled = run.getCreated() + run.getFailed();
    double sinceLast = previous == null || elapsed <= previous.elapsedS() ? 0
        : (handled - previous.created() - previous.failed()) / (elapsed - previous.elapsedS());
    return new Sample(BenchReport.round(elapsed), run.getCreated(), run.getFailed(), run.getTotal(), run.getState(),
        BenchReport.round(elapsed > 0 ? handled / elapsed : 0), BenchReport.round(sinceLast));
  }

  private Map<String, Long> counts(long runId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("reviewsCreated", jdbc.queryForObject(
        "SELECT COUNT(*) FROM mz_annual_review WHERE run_id = ? AND state = 'created'", Long.class, runId));
    counts.put("reviewsFailed", jdbc.queryForObject(
        "SELECT COUNT(*) FROM mz_annual_review WHERE run_id = ? AND state = 'failed'", Long.class, runId));
    counts.put("householdsReviewed", jdbc.queryForObject(
        "SELECT COUNT(DISTINCT application_id) FROM mz_annual_review WHERE run_id = ?", Long.class, runId));
    counts.put("applicationsOnTheirReview", jdbc.queryForObject("SELECT COUNT(*) FROM mz_application a"
        + " JOIN mz_annual_review r ON r.application_id = a.id AND r.process_instance_id = a.process_instance_id"
        + " WHERE r.run_id = ? AND a.stage = ?", Long.class, runId, DibaoReviewProcess.TASK_CHECK));
    counts.put("ledgerRows", jdbc.queryForObject("SELECT COUNT(*) FROM mz_ledger", Long.class));
    counts.put("caseEvents", jdbc.queryForObject("SELECT COUNT(*) FROM mz_app_event", Long.class));
    return counts;
  }

  /** EXPLAIN ANALYZE of the runner's household selection (ReviewMapper.findCandidates) with the run's parameters. */
  private List<String> candidatesPlan(int year) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("regionLevel", "district");
    parameters.put("regionCode", ReviewBenchData.DISTRICT);
    parameters.put("year", year);
    parameters.put("limit", Math.max(1, properties.getChunkSize()));
    BoundSql bound = sqlSessions.getConfiguration()
        .getMappedStatement(ReviewMapper.class.getName() + ".findCandidates").getBoundSql(parameters);
    Object[] args = bound.getParameterMappings().stream().map(m -> parameters.get(m.getProperty())).toArray();
    return jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + bound.getSql(), String.class, args);
  }

  private void write(BenchReport report, double seconds, double startSeconds, double fillSeconds,
                     Map<String, Long> counts, List<Sample> samples, Map<String, List<String>> plans,
                     Map<String, Object> profile) throws Exception {
    double minutes = seconds / 60;
    double perSecond = HOUSEHOLDS / seconds;
    report.atMost(String.format("%,d households, minutes", HOUSEHOLDS), minutes, TARGET_MINUTES, "min",
        HOUSEHOLDS == DEFAULT_HOUSEHOLDS ? "all review cases created, from the start to the run completed"
            : "target is for " + DEFAULT_HOUSEHOLDS + " households; this run had " + HOUSEHOLDS);
    report.put("database", TestDatabase.benchUrl("review"));
    report.put("postgresql", jdbc.queryForObject("SHOW server_version", String.class));
    report.put("households", HOUSEHOLDS);
    report.put("chunkSize", properties.getChunkSize());
    report.put("fillSeconds", BenchReport.round(fillSeconds));
    report.put("startSeconds", BenchReport.round(startSeconds));
    report.put("totalSeconds", BenchReport.round(seconds));
    report.put("householdsPerSecond", BenchReport.round(perSecond));
    report.put("failed", counts.get("reviewsFailed"));
    report.put("counts", counts);
    report.put("samples", samples);
    report.put("profile", profile);
    report.put("candidatesPlans", plans);

    report.line(String.format("%,d households (filled in %.1f s), chunk size %d: all created in %.1f s (%.2f min),"
        + " %.1f households/s, %d failed; the start itself answered in %.3f s", HOUSEHOLDS, fillSeconds,
        properties.getChunkSize(), seconds, minutes, perSecond, counts.get("reviewsFailed"), startSeconds));
    report.line("Rows: " + counts);
    report.line("");
    report.line(String.format("Where the runner's %.1f s went (its thread's wall time, each layer net of what it calls);"
        + " CPU meanwhile: this JVM %.1f s, the database's sessions %.1f s:", runnerSecondsOf(profile),
        profile.get("cpuSecondsJvm"), profile.get("cpuSecondsDatabaseSessions")));
    ((Map<?, ?>) profile.get("layers")).forEach((layer, f) -> report.line("  " + layer + ": " + f));
    report.line("");
    report.line(String.format("%8s %9s %7s %9s %10s %9s", "elapsed", "created", "failed", "total", "overall/s", "last/s"));
    for (Sample s : samples) {
      report.line(String.format("%8.0f %9d %7d %9d %10.1f %9.1f", s.elapsedS(), s.created(), s.failed(), s.total(),
          s.perSecond(), s.perSecondSinceLast()));
    }
    plans.forEach((when, lines) -> {
      report.line("");
      report.line("EXPLAIN (ANALYZE, BUFFERS) ReviewMapper.findCandidates, " + when + ":");
      lines.forEach(line -> report.line("  " + line));
    });
    System.out.println("annual-review bench: report " + report.write(json).toAbsolutePath());
  }
}
