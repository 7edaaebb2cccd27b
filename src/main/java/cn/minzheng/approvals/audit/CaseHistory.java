package cn.minzheng.approvals.audit;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.approvals.audit.ledger.Ledger;

/**
 * Records every state change of an application for auditors, in the same transaction as the change
 * itself: either both are kept or neither. Every event is also appended to the audit ledger.
 */
@Service
public class CaseHistory {

  /** The engine acting on its own (timers, service tasks). */
  public static final String SYSTEM = "system";
  /** The action of a data change recorded by {@link #recordDataChanges}. */
  public static final String DATA_CHANGED = "data_changed";

  private final CaseEventMapper events;
  private final ObjectMapper json;
  private final Clock clock;
  private final Ledger ledger;

  public CaseHistory(CaseEventMapper events, ObjectMapper json, Clock clock, Ledger ledger) {
    this.events = events;
    this.json = json;
    this.clock = clock;
    this.ledger = ledger;
  }

  public void record(long applicationId, String stage, String taskKey, String actor, String actorName,
                     String action, String opinion, Map<String, ?> detail) {
    CaseEvent event = new CaseEvent();
    event.setApplicationId(applicationId);
    event.setStage(stage);
    event.setTaskKey(taskKey);
    event.setActor(actor);
    event.setActorName(actorName);
    event.setAction(action);
    event.setOpinion(opinion);
    event.setDetailJson(detail == null || detail.isEmpty() ? null : toJson(detail));
    event.setCreatedAt(LocalDateTime.now(clock));
    events.insert(event);
    ledger.appendForApplication(actor, action, applicationId, ledgerDetail(event, detail));
  }

  private static Map<String, Object> ledgerDetail(CaseEvent event, Map<String, ?> detail) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("eventId", event.getId());
    out.put("stage", event.getStage());
    out.put("taskKey", event.getTaskKey());
    out.put("actorName", event.getActorName());
    out.put("opinion", event.getOpinion());
    if (detail != null) {
      out.putAll(detail);
    }
    out.values().removeIf(java.util.Objects::isNull);
    return out;
  }

  public void recordSystem(long applicationId, String stage, String action, Map<String, ?> detail) {
    record(applicationId, stage, null, SYSTEM, "系统", action, null, detail);
  }

  /**
   * Records what a stage wrote into the case's data: every field that changed, old → new, ID numbers masked.
   * Nothing when nothing changed.
   */
  public void recordDataChanges(long applicationId, String stage, Map<String, ?> before, Map<String, ?> after) {
    List<DataChanges.Change> changes = DataChanges.between(before, after);
    if (!changes.isEmpty()) {
      recordSystem(applicationId, stage, DATA_CHANGED, Map.of("changes", DataChanges.asDetail(changes)));
    }
  }

  public List<CaseEvent> of(long applicationId) {
    return events.findByApplication(applicationId);
  }

  private String toJson(Map<String, ?> detail) {
    try {
      return json.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("history detail is not serialisable", e);
    }
  }
}
