package cn.minzheng.approvals.inbox;

import java.util.Date;
import java.util.List;

/**
 * Filters of the inbox query. {@code mine}: tasks assigned to {@code userId}; {@code group}: unassigned
 * tasks with a candidate group in {@code groups} (never empty when set). {@code scopeLevel}/{@code scopeCode}
 * restrict both to the caller's region; {@code street} narrows a district user's view to one street; {@code dueBefore} is set for overdue only; null filters are off.
 */
public record TaskInboxQuery(String userId, List<String> groups, boolean mine, boolean group, String scopeLevel,
                             String scopeCode, String type, String street, String stage, Date dueBefore, String q, int offset,
                             int limit) {
}
