package cn.minzheng.approvals.audit.cases;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.approvals.audit.CaseEvent;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.audit.DataChanges;
import cn.minzheng.approvals.audit.cases.TimelineEntry.FieldChange;
import cn.minzheng.approvals.audit.cases.TimelineEntry.NoticeRef;
import cn.minzheng.approvals.process.Decision;
import cn.minzheng.approvals.security.UserDirectory;

/**
 * A case's whole history in one order: the engine's history of the case's process instance and of every
 * stage instance it called (all carry the application id as business key) merged with our own case events
 * (operations, decisions, notices, data changes).
 */
@Service
public class CaseTimeline {

  /** Activities that only route the token: left out of the timeline. */
  private static final Set<String> ROUTING = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
      "eventBasedGateway", "multiInstanceBody", "sequenceFlow");
  private static final Set<String> DECISIONS = Set.of(Decision.APPROVE.code(), Decision.REJECT.code(),
      Decision.SUPPLEMENT.code());
  private static final Set<String> ACCESS = Set.of("view_personal_data", "material_viewed");
  private static final Set<String> OPERATIONS = Set.of(Decision.RETURN.code(), "transfer", "delegate", "resolve",
      "add_signer", "sign_approved", "sign_rejected", "cc", "urge", "withdraw", "claim", "unclaim", "objection",
      "appeal", "extend", "migrated", "termination_started");

  private final HistoryService history;
  private final RepositoryService repository;
  private final UserDirectory users;
  private final CaseHistory caseHistory;
  private final ObjectMapper json;

  public CaseTimeline(HistoryService history, RepositoryService repository, UserDirectory users, CaseHistory caseHistory, ObjectMapper json) {
    this.history = history;
    this.repository = repository;
    this.users = users;
    this.caseHistory = caseHistory;
    this.json = json;
  }

  /** The engine's instances of the case: its own and every called stage, oldest first. */
  public List<HistoricProcessInstance> instances(long applicationId) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(applicationId))
        .orderByProcessInstanceStartTime().asc().list();
  }

  /** The activities of one instance the case passed through (for the diagram's highlighted path). */
  public List<HistoricActivityInstance> activities(String processInstanceId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
  }

  public List<TimelineEntry> of(long applicationId) {
    List<Stamped> lines = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    List<HistoricActivityInstance> allActivities = new ArrayList<>();
    Map<String, String> userNames = new HashMap<>();
    int order = 0;
    for (HistoricProcessInstance instance : instances(applicationId)) {
      for (HistoricActivityInstance activity : activities(instance.getId())) {
        if (ROUTING.contains(activity.getActivityType())) {
          continue;
        }
        // per activity: a migrated case ran its earlier part on the older version
        String version = definitionKeyVersion(activity.getProcessDefinitionId());
        allActivities.add(activity);
        String name = activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName();
        names.putIfAbsent(activity.getActivityId(), name);
        lines.add(new Stamped(time(activity.getStartTime()), order++, new TimelineEntry(time(activity.getStartTime()),
            "stage", activity.getActivityId(), name, null, null, "entered", null, null, null, version,
            Map.of("activityType", activity.getActivityType()))));
        if (activity.getEndTime() != null) {
          lines.add(new Stamped(time(activity.getEndTime()), order++, new TimelineEntry(time(activity.getEndTime()),
              "stage", activity.getActivityId(), name, null, null, activity.isCanceled() ? "cancelled" : "left",
              null, null, null, version, Map.of("activityType", activity.getActivityType()))));
        }
      }
      for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
          .orderByHistoricActivityInstanceStartTime().asc().list()) {
        String version = definitionKeyVersion(task.getProcessDefinitionId());
        String assignee = task.getAssignee();
        String assigneeName = assignee == null ? null : userNames.computeIfAbsent(assignee, this::userName);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("taskId", task.getId());
        if (task.getOwner() != null) {
          detail.put("owner", task.getOwner());
        }
        lines.add(new Stamped(time(task.getStartTime()), order++, new TimelineEntry(time(task.getStartTime()), "task",
            task.getTaskDefinitionKey(), task.getName(), assignee, assigneeName, "created", null, null, null, version,
            detail)));
        if (task.getEndTime() != null) {
          Map<String, String> endDetail = new LinkedHashMap<>(detail);
          if (task.getDeleteReason() != null) {
            endDetail.put("reason", task.getDeleteReason());
          }
          lines.add(new Stamped(time(task.getEndTime()), order++, new TimelineEntry(time(task.getEndTime()), "task",
              task.getTaskDefinitionKey(), task.getName(), assignee, assigneeName,
              "completed".equals(task.getDeleteReason()) ? "completed" : "ended", null, null, null, version, endDetail)));
        }
      }
    }
    Map<String, String> lastValues = new HashMap<>();
    for (CaseEvent event : caseHistory.of(applicationId)) {
      lines.add(new Stamped(event.getCreatedAt(), order++, entryOf(event, names, allActivities, lastValues)));
    }
    lines.sort(Comparator.comparing(Stamped::at).thenComparing(Stamped::order));
    return lines.stream().map(Stamped::entry).toList();
  }

  private TimelineEntry entryOf(CaseEvent event, Map<String, String> names, List<HistoricActivityInstance> activities,
                                Map<String, String> lastValues) {
    Map<String, Object> detail = detailOf(event.getDetailJson());
    String action = event.getAction();
    String kind = kindOf(action);
    List<FieldChange> changes = null;
    NoticeRef notice = null;
    Map<String, String> shown = new LinkedHashMap<>();
    if ("notice_issued".equals(action)) {
      notice = new NoticeRef(longOf(detail.get("noticeId")), (String) detail.get("kind"),
          (String) detail.get("docNumber"), (String) detail.get("sha256"));
    } else if ("data_changed".equals(action) && detail.get("changes") instanceof List<?> list) {
      changes = new ArrayList<>();
      for (Object item : list) {
        if (item instanceof Map<?, ?> change) {
          changes.add(new FieldChange(String.valueOf(change.get("field")), DataChanges.text(change.get("old")),
              DataChanges.text(change.get("new"))));
        }
      }
    } else if (DECISIONS.contains(action) || Decision.RETURN.code().equals(action)) {
      // a stage form's values: old is what the case held before this decision
      changes = new ArrayList<>();
      for (var field : detail.entrySet()) {
        if (field.getValue() instanceof Map || field.getValue() instanceof List) {
          continue;
        }
        String value = DataChanges.text(field.getValue());
        String old = lastValues.put(field.getKey(), value);
        if (!java.util.Objects.equals(old, value)) {
          changes.add(new FieldChange(field.getKey(), old, value));
        }
      }
    }
    if (!ACCESS.contains(action)) {
      detail.forEach((key, value) -> {
        if (!(value instanceof Map || value instanceof List)) {
          shown.put(key, DataChanges.text(value));
        }
      });
    }
    String stage = event.getTaskKey() != null ? event.getTaskKey() : event.getStage();
    return new TimelineEntry(event.getCreatedAt(), kind, stage, stage == null ? null : names.getOrDefault(stage, stage),
        event.getActor(), event.getActorName(), action, event.getOpinion(),
        changes == null || changes.isEmpty() ? null : changes, notice,
        versionAt(stage, event.getCreatedAt(), activities).orElse(null), shown.isEmpty() ? null : shown);
  }

  static String kindOf(String action) {
    if ("submit".equals(action)) {
      return "submit";
    }
    if (DECISIONS.contains(action)) {
      return "decision";
    }
    if (OPERATIONS.contains(action)) {
      return "operation";
    }
    if ("notice_issued".equals(action)) {
      return "notice";
    }
    if ("data_changed".equals(action)) {
      return "data_change";
    }
    if (ACCESS.contains(action)) {
      return "access";
    }
    return "event";
  }

  /** The model version the stage ran on at that moment: of the latest instance of the activity begun by then. */
  private Optional<String> versionAt(String stage, LocalDateTime at, List<HistoricActivityInstance> activities) {
    HistoricActivityInstance best = null;
    HistoricActivityInstance any = null;
    for (HistoricActivityInstance activity : activities) {
      any = any == null ? activity : any;
      if (stage != null && stage.equals(activity.getActivityId()) && !time(activity.getStartTime()).isAfter(at)) {
        best = activity;
      }
    }
    HistoricActivityInstance chosen = best != null ? best : any;
    if (chosen == null) {
      return Optional.empty();
    }
    return Optional.of(definitionKeyVersion(chosen.getProcessDefinitionId()));
  }

  private final Map<String, String> definitionVersions = new java.util.concurrent.ConcurrentHashMap<>();

  /** {@code key:version} of a deployed definition (definitions are never changed, so they are kept). */
  private String definitionKeyVersion(String definitionId) {
    return definitionVersions.computeIfAbsent(definitionId, id -> {
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
      return definition == null ? id : definition.getKey() + ":" + definition.getVersion();
    });
  }

  private String userName(String userId) {
    return users.load(userId).map(cn.minzheng.approvals.security.CurrentUser::name).orElse(userId);
  }

  private Map<String, Object> detailOf(String detailJson) {
    if (detailJson == null || detailJson.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      return json.readValue(detailJson, new TypeReference<LinkedHashMap<String, Object>>() { });
    } catch (java.io.IOException e) {
      throw new IllegalStateException("history detail unreadable", e);
    }
  }

  private static Long longOf(Object value) {
    return value instanceof Number n ? n.longValue() : null;
  }

  private static LocalDateTime time(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
  }

  private record Stamped(LocalDateTime at, int order, TimelineEntry entry) {
  }
}
