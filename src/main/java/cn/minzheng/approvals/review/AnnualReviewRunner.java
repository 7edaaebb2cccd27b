package cn.minzheng.approvals.review;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.process.CaseEngine;
import cn.minzheng.approvals.region.RegionService;
import jakarta.annotation.PreDestroy;

/**
 * Creates a run's review cases, one chunk of households a transaction: each chunk first locks the run's
 * row, so chunks of one run never overlap (two threads, two nodes) and a pause takes effect between
 * chunks; it then takes the next households of the region without a review of the year. A crash rolls
 * back the chunk in hand and the run resumes at start-up where it stopped; the unique key
 * (application, year) refuses any second review. It does not use Camunda's job executor (off in the
 * tests), so progress is the same either way.
 */
@Component
public class AnnualReviewRunner {

  private static final Logger log = LoggerFactory.getLogger(AnnualReviewRunner.class);

  private final ReviewMapper reviews;
  private final ApplicationService applications;
  private final RegionService regions;
  private final CaseEngine engine;
  private final CaseHistory history;
  private final TransactionTemplate transaction;
  private final AnnualReviewProperties properties;
  private final Clock clock;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "annual-review");
    thread.setDaemon(true);
    return thread;
  });

  public AnnualReviewRunner(ReviewMapper reviews, ApplicationService applications, RegionService regions,
                            CaseEngine engine, CaseHistory history, TransactionTemplate transaction,
                            AnnualReviewProperties properties, Clock clock) {
    this.reviews = reviews;
    this.applications = applications;
    this.regions = regions;
    this.engine = engine;
    this.history = history;
    this.transaction = transaction;
    this.properties = properties;
    this.clock = clock;
  }

  /** Works the run off on the runner's thread. */
  public void submit(long runId) {
    executor.submit(() -> {
      try {
        runToEnd(runId);
      } catch (RuntimeException e) {
        log.error("Annual review run {} stopped", runId, e);
      }
    });
  }

  @EventListener(ApplicationReadyEvent.class)
  public void atStartUp() {
    if (properties.isBackground()) {
      resumeInterrupted();
    }
  }

  /** Runs left running by a stop or crash carry on where they stopped. */
  public void resumeInterrupted() {
    reviews.findRunIds(ReviewRun.RUNNING).forEach(this::submit);
  }

  @PreDestroy
  public void stop() {
    executor.shutdownNow();
  }

  /** Chunks until the run is completed, paused or the thread interrupted. */
  public void runToEnd(long runId) {
    while (!Thread.currentThread().isInterrupted() && runChunk(runId) > 0) {
      // next chunk
    }
  }

  /**
   * One chunk: the number of households handled (created or failed), 0 when the run is completed
   * (now or before) or not running.
   */
  public int runChunk(long runId) {
    try {
      Integer handled = transaction.execute(status -> createChunk(runId));
      return handled == null ? 0 : handled;
    } catch (ChunkFailed failed) {
      // the chunk was rolled back: each household once more on its own, to find and record those that fail
      failed.ids.forEach(applicationId -> createOrRecordFailure(runId, applicationId));
      return failed.ids.size();
    }
  }

  private int createChunk(long runId) {
    ReviewRun run = reviews.lockRun(runId);
    if (run == null || !ReviewRun.RUNNING.equals(run.getState())) {
      return 0;
    }
    List<Long> ids = candidates(run);
    if (ids.isEmpty()) {
      reviews.complete(runId, LocalDateTime.now(clock));
      return 0;
    }
    Map<Long, ApplicationRecord> records = applications.byIds(ids);
    try {
      for (long id : ids) {
        create(run, records.get(id));
      }
    } catch (RuntimeException e) {
      log.warn("Annual review run {}: a chunk failed ({}), its households are tried one by one", runId, e.toString());
      throw new ChunkFailed(ids, e);
    }
    reviews.countProgress(runId, ids.size(), 0, LocalDateTime.now(clock));
    return ids.size();
  }

  private List<Long> candidates(ReviewRun run) {
    String level = regions.find(run.getRegionCode()).map(r -> r.getLevel()).orElse("district");
    return reviews.findCandidates(level, run.getRegionCode(), run.getReviewYear(), Math.max(1, properties.getChunkSize()));
  }

  /** One household in its own transaction: 1 when created or recorded as failed, 0 when reviewed meanwhile. */
  private int createOrRecordFailure(long runId, long applicationId) {
    try {
      Integer created = transaction.execute(status -> {
        ReviewRun run = runningAndNotReviewed(runId, applicationId);
        if (run == null) {
          return 0;
        }
        create(run, applications.getForProcess(applicationId));
        reviews.countProgress(runId, 1, 0, LocalDateTime.now(clock));
        return 1;
      });
      return created == null ? 0 : created;
    } catch (DuplicateKeyException e) {
      return 0;
    } catch (RuntimeException e) {
      log.warn("Annual review run {}: application {} failed: {}", runId, applicationId, e.toString());
      String error = String.valueOf(e.getMessage());
      Integer recorded = transaction.execute(status -> {
        ReviewRun run = runningAndNotReviewed(runId, applicationId);
        if (run == null) {
          return 0;
        }
        reviews.insertReview(runId, applicationId, run.getReviewYear(), AnnualReview.FAILED, null,
            error.length() > 2000 ? error.substring(0, 2000) : error, LocalDateTime.now(clock));
        reviews.countProgress(runId, 0, 1, LocalDateTime.now(clock));
        return 1;
      });
      return recorded == null ? 0 : recorded;
    }
  }

  private ReviewRun runningAndNotReviewed(long runId, long applicationId) {
    ReviewRun run = reviews.lockRun(runId);
    if (run == null || !ReviewRun.RUNNING.equals(run.getState())
        || reviews.findReview(applicationId, run.getReviewYear()) != null) {
      return null;
    }
    return run;
  }

  /** The review row (the unique key's guard), the process on the application, and the case's history. */
  private String create(ReviewRun run, ApplicationRecord application) {
    reviews.insertReview(run.getId(), application.getId(), run.getReviewYear(), AnnualReview.CREATED,
        application.getAmount(), null, LocalDateTime.now(clock));
    String instance = engine.startModel(application, DibaoReviewProcess.KEY, Map.of(
        DibaoReviewProcess.VAR_REVIEW_YEAR, String.valueOf(run.getReviewYear()),
        DibaoReviewProcess.VAR_REVIEW_RUN_ID, run.getId()));
    reviews.updateProcessInstance(application.getId(), run.getReviewYear(), instance);
    applications.moveToProcessInstance(application.getId(), instance);
    history.recordSystem(application.getId(), application.getStage(), DibaoReviewProcess.EVENT_STARTED,
        Map.of("year", run.getReviewYear(), "reviewRunId", run.getId(), "processInstanceId", instance));
    return instance;
  }

  /** One household's review under the run at once, whatever the run's state (tests walking the model). */
  String reviewHousehold(ReviewRun run, long applicationId) {
    return transaction.execute(status -> create(run, applications.getForProcess(applicationId)));
  }

  /** A chunk that could not be created as a whole (rolled back); carries its households. */
  private static final class ChunkFailed extends RuntimeException {
    private final List<Long> ids;

    ChunkFailed(List<Long> ids, Throwable cause) {
      super(cause);
      this.ids = ids;
    }
  }
}
