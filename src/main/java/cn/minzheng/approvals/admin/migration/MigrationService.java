package cn.minzheng.approvals.admin.migration;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.approvals.admin.AdminAudit;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.web.ApiException;

/**
 * Starts a migration: records the batch, its instances and the administrator's action in one
 * transaction, then hands the batch to the {@link MigrationRunner}. Answers its progress.
 */
@Service
public class MigrationService {

  public static final String AUDIT_ACTION = "model.migrate";

  private final MigrationPlanner planner;
  private final MigrationMapper batches;
  private final MigrationRunner runner;
  private final AdminAudit audit;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final Clock clock;

  public MigrationService(MigrationPlanner planner, MigrationMapper batches, MigrationRunner runner, AdminAudit audit,
                          TransactionTemplate transaction, ObjectMapper json, Clock clock) {
    this.planner = planner;
    this.batches = batches;
    this.runner = runner;
    this.audit = audit;
    this.transaction = transaction;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The chosen instances (all running ones of the old version when none are named) are queued; those
   * that cannot move fail in the batch with their reason, the others move.
   */
  public MigrationBatch start(MigrationRequest request, CurrentUser admin) {
    if (request.fromVersion() == request.toVersion()) {
      throw ApiException.badRequest("migration.same-version");
    }
    ProcessDefinition source = planner.definition(request.processKey(), request.fromVersion());
    ProcessDefinition target = planner.definition(request.processKey(), request.toVersion());
    List<ProcessInstance> running = planner.runningInstances(source);
    List<ProcessInstance> chosen = chosen(running, request.instanceIds());
    if (chosen.isEmpty()) {
      throw ApiException.badRequest("migration.no-instances");
    }
    MigrationBatch batch = transaction.execute(status -> record(request, admin, source, target, chosen));
    runner.submit(batch.getId());
    return batch;
  }

  public MigrationBatch progress(long batchId) {
    MigrationBatch batch = batches.findBatch(batchId);
    if (batch == null) {
      throw ApiException.notFound();
    }
    return batch;
  }

  public List<MigrationItem> failures(long batchId) {
    return batches.findItems(batchId, MigrationItem.FAILED, 500);
  }

  private static List<ProcessInstance> chosen(List<ProcessInstance> running, List<String> instanceIds) {
    if (instanceIds == null || instanceIds.isEmpty()) {
      return running;
    }
    Set<String> ofVersion = running.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    for (String id : instanceIds) {
      if (!ofVersion.contains(id)) {
        throw ApiException.badRequest("migration.instance-not-of-version", id);
      }
    }
    Set<String> wanted = Set.copyOf(instanceIds);
    return running.stream().filter(pi -> wanted.contains(pi.getId())).toList();
  }

  private MigrationBatch record(MigrationRequest request, CurrentUser admin, ProcessDefinition source,
                                ProcessDefinition target, List<ProcessInstance> chosen) {
    MigrationBatch batch = new MigrationBatch();
    batch.setProcessKey(request.processKey());
    batch.setFromVersion(request.fromVersion());
    batch.setToVersion(request.toVersion());
    batch.setSourceDefinition(source.getId());
    batch.setTargetDefinition(target.getId());
    batch.setState(MigrationBatch.RUNNING);
    batch.setTotal(chosen.size());
    batch.setActor(admin.id());
    batch.setCreatedAt(LocalDateTime.now(clock));
    batches.insertBatch(batch);
    for (ProcessInstance pi : chosen) {
      MigrationItem item = new MigrationItem();
      item.setBatchId(batch.getId());
      item.setProcessInstanceId(pi.getId());
      item.setApplicationId(MigrationPlanner.applicationId(pi.getBusinessKey()));
      item.setState(MigrationItem.PENDING);
      batches.insertItem(item);
    }
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("processKey", request.processKey());
    from.put("version", request.fromVersion());
    from.put("processDefinitionId", source.getId());
    Map<String, Object> to = new LinkedHashMap<>();
    to.put("processKey", request.processKey());
    to.put("version", request.toVersion());
    to.put("processDefinitionId", target.getId());
    to.put("batchId", batch.getId());
    to.put("processInstanceIds", chosen.stream().map(ProcessInstance::getId).toList());
    audit.record(admin.id(), AUDIT_ACTION, "process:" + request.processKey(), request.note(), toJson(from), toJson(to));
    return batch;
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
