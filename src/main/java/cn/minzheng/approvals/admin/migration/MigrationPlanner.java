package cn.minzheng.approvals.admin.migration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.minzheng.approvals.admin.migration.MigrationPreview.Reason;
import cn.minzheng.approvals.application.ApplicationMapper;
import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.web.ApiException;

/**
 * Builds Camunda's migration plan between two versions of a model by equal activity ids, leaving out
 * the instructions Camunda refuses (they are reported), and tells for each running instance of the
 * old version whether it can move: it can when every activity it waits in has an instruction.
 */
@Service
public class MigrationPlanner {

  private static final int MAX_PLAN_ROUNDS = 10;

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ApplicationMapper applications;
  private final MessageSource messages;

  public MigrationPlanner(RepositoryService repository, RuntimeService runtime, ApplicationMapper applications,
                          MessageSource messages) {
    this.repository = repository;
    this.runtime = runtime;
    this.applications = applications;
    this.messages = messages;
  }

  public ProcessDefinition definition(String processKey, int version) {
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .processDefinitionVersion(version).withoutTenantId().singleResult();
    if (definition == null) {
      throw new ApiException(HttpStatus.NOT_FOUND, "migration.version-not-found", processKey, version);
    }
    return definition;
  }

  /** The plan and the instructions Camunda refused on the way. */
  public record Plan(MigrationPlan plan, List<MigrationInstructionValidationReport> refused) {
    Set<String> sources() {
      return plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).collect(Collectors.toSet());
    }
  }

  /**
   * mapEqualActivities, then again without the instructions that failed validation, until the rest is
   * valid (leaving one out can make another invalid, e.g. a boundary event whose activity is left out).
   */
  public Plan plan(ProcessDefinition source, ProcessDefinition target) {
    List<MigrationInstructionValidationReport> refused = new ArrayList<>();
    List<MigrationInstruction> instructions = null;
    for (int round = 0; round < MAX_PLAN_ROUNDS; round++) {
      MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
      if (instructions == null) {
        builder.mapEqualActivities();
      } else {
        for (MigrationInstruction i : instructions) {
          var instruction = builder.mapActivities(i.getSourceActivityId(), i.getTargetActivityId());
          if (i.isUpdateEventTrigger()) {
            instruction.updateEventTrigger();
          }
        }
      }
      try {
        return new Plan(builder.build(), refused);
      } catch (MigrationPlanValidationException e) {
        List<MigrationInstructionValidationReport> failed = e.getValidationReport().getInstructionReports();
        refused.addAll(failed);
        Set<String> failedSources = failed.stream().map(r -> r.getMigrationInstruction().getSourceActivityId())
            .collect(Collectors.toSet());
        instructions = e.getValidationReport().getMigrationPlan().getInstructions().stream()
            .filter(i -> !failedSources.contains(i.getSourceActivityId())).toList();
      }
    }
    throw new IllegalStateException("no valid migration plan after " + MAX_PLAN_ROUNDS + " rounds");
  }

  public MigrationPreview preview(String processKey, int fromVersion, int toVersion) {
    if (fromVersion == toVersion) {
      throw ApiException.badRequest("migration.same-version");
    }
    ProcessDefinition source = definition(processKey, fromVersion);
    ProcessDefinition target = definition(processKey, toVersion);
    Plan plan = plan(source, target);
    Names sourceNames = names(source);
    Names targetNames = names(target);

    List<MigrationPreview.Mapping> mappings = plan.plan().getInstructions().stream()
        .map(i -> new MigrationPreview.Mapping(i.getSourceActivityId(), sourceNames.of(i.getSourceActivityId()),
            i.getTargetActivityId(), targetNames.of(i.getTargetActivityId())))
        .toList();
    Set<String> mapped = plan.sources();
    // stages the new version no longer has (those it keeps without an instruction never hold an instance:
    // service tasks, error boundary events)
    List<Reason> unmapped = sourceNames.waitStates().stream().filter(id -> !mapped.contains(id) && !targetNames.has(id))
        .map(id -> reason(id, sourceNames.of(id), "migration.reason.unmapped")).toList();
    List<Reason> planErrors = plan.refused().stream().map(r -> {
      String id = r.getMigrationInstruction().getSourceActivityId();
      return reason(id, sourceNames.of(id), "migration.reason.refused", String.join("; ", r.getFailures()));
    }).toList();

    List<MigrationPreview.Instance> instances = instances(source, plan, sourceNames);
    long migratable = instances.stream().filter(MigrationPreview.Instance::migratable).count();
    return new MigrationPreview(processKey, fromVersion, toVersion, mappings, unmapped, planErrors, instances,
        migratable, instances.size() - migratable);
  }

  /** The running instances of a version (top level only: called stages keep their own models). */
  public List<ProcessInstance> runningInstances(ProcessDefinition source) {
    return runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).orderByProcessInstanceId().asc().list();
  }

  /** Why an instance cannot move with this plan: each activity it waits in that has no instruction. */
  public List<Reason> reasons(String processInstanceId, Plan plan, Names names) {
    Set<String> mapped = plan.sources();
    return activeActivities(processInstanceId).stream().filter(id -> !mapped.contains(id))
        .map(id -> reason(id, names.of(id), "migration.reason.instance-unmapped")).toList();
  }

  private List<MigrationPreview.Instance> instances(ProcessDefinition source, Plan plan, Names names) {
    List<ProcessInstance> running = runningInstances(source);
    Map<Long, ApplicationRecord> records = applicationsOf(running);
    List<MigrationPreview.Instance> result = new ArrayList<>();
    for (ProcessInstance pi : running) {
      Long applicationId = applicationId(pi.getBusinessKey());
      ApplicationRecord record = applicationId == null ? null : records.get(applicationId);
      List<MigrationPreview.Activity> activities = activeActivities(pi.getId()).stream()
          .map(id -> new MigrationPreview.Activity(id, names.of(id))).toList();
      List<Reason> reasons = reasons(pi.getId(), plan, names);
      result.add(new MigrationPreview.Instance(pi.getId(), applicationId, record == null ? null : record.getNumber(),
          activities, reasons.isEmpty(), reasons));
    }
    return result;
  }

  private Map<Long, ApplicationRecord> applicationsOf(Collection<ProcessInstance> instances) {
    Set<Long> ids = instances.stream().map(pi -> applicationId(pi.getBusinessKey())).filter(id -> id != null)
        .collect(Collectors.toSet());
    if (ids.isEmpty()) {
      return Map.of();
    }
    return applications.findByIds(ids).stream().collect(Collectors.toMap(ApplicationRecord::getId, Function.identity()));
  }

  /** Our instances carry the application id as business key. */
  static Long applicationId(String businessKey) {
    if (businessKey == null || !businessKey.matches("\\d{1,18}")) {
      return null;
    }
    return Long.valueOf(businessKey);
  }

  /** Every activity an instance is in (waiting or about to continue), outermost first. */
  Set<String> activeActivities(String processInstanceId) {
    Set<String> ids = new LinkedHashSet<>();
    ActivityInstance root = runtime.getActivityInstance(processInstanceId);
    if (root != null) {
      collect(root, ids, true);
    }
    return ids;
  }

  private static void collect(ActivityInstance instance, Set<String> ids, boolean root) {
    if (!root) {
      ids.add(instance.getActivityId());
    }
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      ids.add(transition.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collect(child, ids, false);
    }
  }

  private Reason reason(String activityId, String name, String key, Object... more) {
    Object[] args = new Object[2 + more.length];
    args[0] = name;
    args[1] = activityId;
    System.arraycopy(more, 0, args, 2, more.length);
    return new Reason(activityId, name, messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE),
        messages.getMessage(key, args, key, Locale.ENGLISH));
  }

  public Names names(ProcessDefinition definition) {
    return new Names(repository.getBpmnModelInstance(definition.getId()));
  }

  /** Names of a model's elements, and the elements an instance can wait in. */
  public static final class Names {
    private final Map<String, String> byId = new LinkedHashMap<>();
    private final List<String> waitStates = new ArrayList<>();

    Names(BpmnModelInstance model) {
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        byId.put(element.getId(), element.getName() == null ? element.getId() : element.getName());
        boolean catchEvent = element instanceof CatchEvent && !(element instanceof StartEvent);
        if (element instanceof Activity || catchEvent) {
          waitStates.add(element.getId());
        }
      }
    }

    public String of(String id) {
      if (id == null) {
        return null;
      }
      String plain = id.endsWith("#multiInstanceBody") ? id.substring(0, id.indexOf('#')) : id;
      return byId.getOrDefault(plain, id);
    }

    boolean has(String id) {
      return byId.containsKey(id);
    }

    List<String> waitStates() {
      return waitStates;
    }
  }
}
