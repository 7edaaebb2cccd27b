package cn.minzheng.approvals.audit.cases;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.common.IdNumbers;
import cn.minzheng.approvals.common.Masking;

/** A case as the auditors' search lists it: the applicant's name and ID number masked. */
public record AuditCaseRow(long id, String number, String type, String regionCode, String streetCode, String status,
                           String stage, String applicantName, String applicantIdNumber, BigDecimal amount,
                           LocalDateTime createdAt, LocalDateTime updatedAt) {

  public static AuditCaseRow of(ApplicationRecord a) {
    return new AuditCaseRow(a.getId(), a.getNumber(), a.getType(), a.getRegionCode(), a.getStreetCode(), a.getStatus(),
        a.getStage(), Masking.name(a.getApplicantName()), IdNumbers.mask(a.getApplicantIdNumber()), a.getAmount(),
        a.getCreatedAt(), a.getUpdatedAt());
  }
}
