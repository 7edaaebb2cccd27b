package cn.minzheng.approvals.inbox;

import java.util.Date;
import java.util.List;

import cn.minzheng.approvals.application.ApplicationView;

/**
 * A task as the inbox shows it (api-contract.md). The single view adds what the task page needs:
 * allowed decisions, the stages it may be returned to, delegation and 加签 state, the application.
 */
public record TaskView(String id, String name, String taskKey, Long applicationId, String applicationNumber, String type,
                       String stage, String assignee, Date due, boolean overdue, boolean dueSoon, Date created,
                       String owner, String delegationState, List<String> allowedDecisions, List<String> returnTargets,
                       List<Signer> signers, ApplicationView application, List<Note> notes) {

  /** Something the stage requires now (e.g. a spot-check to keep the quota), in Chinese and English. */
  public record Note(String code, String detail, String detailEn) {
  }

  /** A colleague asked to sign (加签) and where their signature stands. */
  public record Signer(Long id, String userId, String status, String opinion) {
  }

  static TaskView row(String id, String name, String taskKey, Long applicationId, String number, String type,
                      String assignee, Date due, Date now, Date created) {
    return new TaskView(id, name, taskKey, applicationId, number, type, taskKey, assignee, due,
        due != null && due.before(now), due != null && !due.before(now) && due.getTime() - now.getTime() < 2L * 24 * 3600 * 1000,
        created, null, null, null, null, null, null, null);
  }
}
