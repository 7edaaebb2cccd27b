package cn.minzheng.approvals.inbox;

import java.util.Date;
import java.util.List;

import cn.minzheng.approvals.application.ApplicationView;

/** A task as the inbox shows it (api-contract.md); {@code allowedDecisions} and {@code application} on the single view. */
public record TaskView(String id, String name, String taskKey, Long applicationId, String applicationNumber, String type,
                       String stage, String assignee, Date due, boolean overdue, Date created,
                       List<String> allowedDecisions, ApplicationView application) {
}
