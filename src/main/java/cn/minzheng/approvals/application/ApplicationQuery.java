package cn.minzheng.approvals.application;

/**
 * Filters of the application list. {@code scopeLevel}/{@code scopeCode} restrict it to the caller's
 * region (district, street or community); the mapper never sees a list without them.
 */
public record ApplicationQuery(String scopeLevel, String scopeCode, String type, String status, String stage,
                               String q, int offset, int limit) {
}
