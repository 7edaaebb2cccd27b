package cn.minzheng.approvals.admin;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The one place administrators' actions are recorded for auditors: who, what, on which target, when,
 * the change note, and the content before and after. Called in the same transaction as the change.
 */
@Service
public class AdminAudit {

  private final AdminActionMapper actions;
  private final Clock clock;

  public AdminAudit(AdminActionMapper actions, Clock clock) {
    this.actions = actions;
    this.clock = clock;
  }

  public AdminAction record(String actor, String action, String target, String note,
                            String oldContent, String newContent) {
    AdminAction entry = new AdminAction();
    entry.setActor(actor);
    entry.setAction(action);
    entry.setTarget(target);
    entry.setNote(note);
    entry.setOldContent(oldContent);
    entry.setNewContent(newContent);
    entry.setCreatedAt(LocalDateTime.now(clock));
    actions.insert(entry);
    return entry;
  }

  public List<AdminAction> recent(String target, int limit) {
    return actions.find(target, Math.max(1, Math.min(limit, 500)));
  }
}
