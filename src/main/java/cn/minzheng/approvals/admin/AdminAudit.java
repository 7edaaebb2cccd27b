package cn.minzheng.approvals.admin;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.minzheng.approvals.audit.ledger.Ledger;
import cn.minzheng.approvals.audit.ledger.LedgerHash;

/**
 * The one place administrators' actions are recorded for auditors: who, what, on which target, when,
 * the change note, and the content before and after. Called in the same transaction as the change.
 * The audit ledger gets a row with the note and the SHA-256 of both contents (the contents stay here).
 */
@Service
public class AdminAudit {

  private final AdminActionMapper actions;
  private final Clock clock;
  private final Ledger ledger;

  public AdminAudit(AdminActionMapper actions, Clock clock, Ledger ledger) {
    this.actions = actions;
    this.clock = clock;
    this.ledger = ledger;
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
    java.util.Map<String, Object> detail = new java.util.LinkedHashMap<>();
    detail.put("adminActionId", entry.getId());
    detail.put("note", note);
    detail.put("oldSha256", LedgerHash.sha256(oldContent));
    detail.put("newSha256", LedgerHash.sha256(newContent));
    detail.values().removeIf(java.util.Objects::isNull);
    ledger.append(actor, action, target, detail);
    return entry;
  }

  public List<AdminAction> recent(String target, int limit) {
    return actions.find(target, Math.max(1, Math.min(limit, 500)));
  }
}
