package cn.minzheng.approvals.admin.migration;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.approvals.admin.migration.MigrationPreview.Reason;
import cn.minzheng.approvals.application.ApplicationMapper;
import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.UserDirectory;
import jakarta.annotation.PreDestroy;

/**
 * Works a migration batch off on a thread of its own, one instance a transaction: the instance moves,
 * its application gets a "migrated" event (from version → to version) and the batch counts it done;
 * or nothing moves and the item keeps the reason. It does not use Camunda's job executor (off in the
 * tests), so progress is the same whether the executor runs or not; batches left running by a
 * restart are resumed at start-up.
 */
@Component
public class MigrationRunner {

  public static final String EVENT_MIGRATED = "migrated";
  private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);
  private static final int CHUNK = 50;

  private final MigrationMapper batches;
  private final MigrationPlanner planner;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ApplicationMapper applications;
  private final CaseHistory history;
  private final UserDirectory users;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "model-migration");
    thread.setDaemon(true);
    return thread;
  });

  public MigrationRunner(MigrationMapper batches, MigrationPlanner planner, RepositoryService repository,
                         RuntimeService runtime, ApplicationMapper applications, CaseHistory history,
                         UserDirectory users, TransactionTemplate transaction, Clock clock) {
    this.batches = batches;
    this.planner = planner;
    this.repository = repository;
    this.runtime = runtime;
    this.applications = applications;
    this.history = history;
    this.users = users;
    this.transaction = transaction;
    this.clock = clock;
  }

  public void submit(long batchId) {
    executor.submit(() -> {
      try {
        run(batchId);
      } catch (RuntimeException e) {
        log.error("Migration batch {} stopped", batchId, e);
      }
    });
  }

  @EventListener(ApplicationReadyEvent.class)
  public void resumeUnfinished() {
    batches.findRunningBatchIds().forEach(this::submit);
  }

  @PreDestroy
  public void stop() {
    executor.shutdownNow();
  }

  /** Moves every pending instance of the batch, then marks it completed. */
  void run(long batchId) {
    MigrationBatch batch = batches.findBatch(batchId);
    if (batch == null || !MigrationBatch.RUNNING.equals(batch.getState())) {
      return;
    }
    ProcessDefinition source = repository.getProcessDefinition(batch.getSourceDefinition());
    ProcessDefinition target = repository.getProcessDefinition(batch.getTargetDefinition());
    MigrationPlanner.Plan plan = planner.plan(source, target);
    MigrationPlanner.Names names = planner.names(source);
    CurrentUser admin = users.load(batch.getActor()).orElse(null);
    List<MigrationItem> pending;
    while (!(pending = batches.findItems(batchId, MigrationItem.PENDING, CHUNK)).isEmpty()) {
      for (MigrationItem item : pending) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        migrate(batch, item, plan, names, admin);
      }
    }
    batches.finishBatch(batchId, MigrationBatch.COMPLETED, LocalDateTime.now(clock));
  }

  private void migrate(MigrationBatch batch, MigrationItem item, MigrationPlanner.Plan plan,
                       MigrationPlanner.Names names, CurrentUser admin) {
    try {
      transaction.executeWithoutResult(status -> {
        // claimed first: another node of a cluster may work the same batch (resumed at its start-up); the row
        // lock keeps the item until this commits, and that node then finds it no longer pending
        if (!finish(batch, item, MigrationItem.DONE, null)) {
          return;
        }
        runtime.newMigration(plan.plan()).processInstanceIds(item.getProcessInstanceId()).execute();
        recordMigrated(batch, item, admin);
      });
    } catch (RuntimeException e) {
      String reason = reasonOf(item, plan, names, e);
      transaction.executeWithoutResult(status -> finish(batch, item, MigrationItem.FAILED, reason));
    }
  }

  private void recordMigrated(MigrationBatch batch, MigrationItem item, CurrentUser admin) {
    if (item.getApplicationId() == null) {
      return;
    }
    ApplicationRecord application = applications.findById(item.getApplicationId());
    if (application == null) {
      return;
    }
    Map<String, Object> detail = Map.of("processKey", batch.getProcessKey(), "fromVersion", batch.getFromVersion(),
        "toVersion", batch.getToVersion(), "processInstanceId", item.getProcessInstanceId(), "batchId", batch.getId());
    history.record(application.getId(), application.getStage(), null, batch.getActor(),
        admin == null ? batch.getActor() : admin.name(), EVENT_MIGRATED, null, detail);
  }

  /** Records the item's outcome unless it is no longer pending (done by another node): then false. */
  private boolean finish(MigrationBatch batch, MigrationItem item, String state, String error) {
    if (batches.finishItem(item.getId(), state, error, LocalDateTime.now(clock)) == 0) {
      return false;
    }
    batches.countOutcome(batch.getId(), MigrationItem.FAILED.equals(state));
    return true;
  }

  /** Our reasons (the stages without a counterpart) when we know them, else Camunda's message. */
  private String reasonOf(MigrationItem item, MigrationPlanner.Plan plan, MigrationPlanner.Names names, RuntimeException e) {
    String text;
    try {
      List<Reason> reasons = planner.reasons(item.getProcessInstanceId(), plan, names);
      text = reasons.isEmpty() ? String.valueOf(e.getMessage())
          : String.join("；", reasons.stream().map(r -> r.message() + " / " + r.message_en()).toList());
    } catch (RuntimeException lookup) {
      text = String.valueOf(e.getMessage());
    }
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }
}
