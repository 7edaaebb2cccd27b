package cn.minzheng.approvals.audit.ledger;

import java.time.LocalDateTime;

/**
 * What a ledger search or export asks for; every field optional. {@code idNumber} finds the rows of the
 * applications where that person is the applicant or a household member: it is compared in the database
 * and never part of any answer.
 */
public record LedgerFilter(Long applicationId, String actor, String action, LocalDateTime from, LocalDateTime to,
                           String idNumber) {

  public static LedgerFilter none() {
    return new LedgerFilter(null, null, null, null, null, null);
  }
}
