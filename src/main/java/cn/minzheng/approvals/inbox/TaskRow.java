package cn.minzheng.approvals.inbox;

import java.util.Date;

/** One open task of the inbox with the application it works on, as {@link TaskInboxMapper} reads it. */
public record TaskRow(String taskId, String name, String taskKey, String processInstanceId, Long applicationId,
                      String applicationNumber, String type, String applicantName, String assignee, Date due,
                      Date created) {

  /** True when the task has a due date and it lies before {@code now}. */
  public boolean overdueAt(Date now) {
    return due != null && due.before(now);
  }
}
