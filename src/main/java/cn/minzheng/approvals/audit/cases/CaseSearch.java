package cn.minzheng.approvals.audit.cases;

import java.time.LocalDateTime;

/**
 * The auditors' case filters. {@code idNumber} selects the cases where the person is the applicant or a
 * household member; it is compared in the database and never appears in an answer.
 */
public record CaseSearch(String scopeLevel, String scopeCode, String idNumber, String regionCode, String type,
                         String stage, String actor, LocalDateTime from, LocalDateTime until, String status,
                         long offset, int limit) {
}
