package cn.minzheng.approvals.application;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;


import cn.minzheng.approvals.common.IdNumbers;
import cn.minzheng.approvals.common.Masking;

/**
 * An application as the API shows it. ID numbers are masked unless the viewer's stage needs them;
 * incomes only for those who decide; the bank account always masked.
 */
public record ApplicationView(Long id, String number, String type, String status, String stage, String regionCode,
                              String streetCode, String districtCode, Person applicant, List<Member> members,
                              List<Material> materials, Integer householdSize, BigDecimal perCapitaIncome,
                              BigDecimal standard, BigDecimal amount, String bankAccount, String reason,
                              List<NoticeRef> notices, String processInstanceId, LocalDateTime createdAt,
                              LocalDateTime updatedAt, java.time.LocalDate procedureDue, String extensionReason,
                              String creditCode, String institutionCode, String bed, List<Payment> instalments) {

  /** Key in {@code data} of the 统一社会信用代码 a registration (shzz) is given at 准予登记. */
  public static final String CREDIT_CODE = "creditCode";

  public record Person(String name, String idNumber, String phone) {
  }

  public record Member(String name, String idNumber, String relation, boolean coResident, String workAbility,
                       String disability, BigDecimal monthlyIncome) {
  }

  public record Material(String kind, String description, boolean provided) {
  }

  /** One payment of an approval paid in stages (分次发放). */
  public record Payment(int seq, java.time.LocalDate dueDate, BigDecimal amount, String status) {
  }

  public record NoticeRef(Long id, String kind, String docNumber, LocalDateTime createdAt) {
  }

  /** What the viewer may see in full. */
  public record Disclosure(boolean fullIdNumbers, boolean incomes) {
  }

  /** The institution a placement (yanglao) gave, once it has a bed — not the one only wished for. */
  private static String placedInstitution(ApplicationRecord a) {
    return ApplicationData.value(a.getDataJson(), "bed") == null ? null : ApplicationData.value(a.getDataJson(), "institutionCode");
  }


  /** The short form used in lists and after submission. */
  public static ApplicationView summary(ApplicationRecord a) {
    return new ApplicationView(a.getId(), a.getNumber(), a.getType(), a.getStatus(), a.getStage(), a.getRegionCode(),
        a.getStreetCode(), a.getDistrictCode(),
        new Person(a.getApplicantName(), IdNumbers.mask(a.getApplicantIdNumber()), Masking.phone(a.getApplicantPhone())),
        null, null, a.getHouseholdSize(), null, a.getStandardAmount(), a.getAmount(), null, null, null,
        a.getProcessInstanceId(), a.getCreatedAt(), a.getUpdatedAt(), a.getProcedureDue(), a.getExtensionReason(),
        ApplicationData.value(a.getDataJson(), CREDIT_CODE), placedInstitution(a), ApplicationData.value(a.getDataJson(), "bed"),
        null);
  }

  public static ApplicationView full(ApplicationRecord a, List<MemberRecord> members, List<MaterialRecord> materials,
                                     List<NoticeRef> notices, List<Instalment> instalments, Disclosure disclosure) {
    List<Member> memberViews = members.stream().map(m -> new Member(m.getName(),
        disclosure.fullIdNumbers() ? m.getIdNumber() : IdNumbers.mask(m.getIdNumber()), m.getRelation(), m.isCoResident(),
        m.getWorkAbility(), m.getDisability(), disclosure.incomes() ? m.getMonthlyIncome() : null)).toList();
    List<Material> materialViews = materials.stream()
        .map(m -> new Material(m.getKind(), m.getDescription(), m.isProvided())).toList();
    String applicantId = disclosure.fullIdNumbers() ? a.getApplicantIdNumber() : IdNumbers.mask(a.getApplicantIdNumber());
    String phone = disclosure.fullIdNumbers() ? a.getApplicantPhone() : Masking.phone(a.getApplicantPhone());
    return new ApplicationView(a.getId(), a.getNumber(), a.getType(), a.getStatus(), a.getStage(), a.getRegionCode(),
        a.getStreetCode(), a.getDistrictCode(), new Person(a.getApplicantName(), applicantId, phone), memberViews,
        materialViews, a.getHouseholdSize(), disclosure.incomes() ? a.getPerCapitaIncome() : null, a.getStandardAmount(),
        a.getAmount(), Masking.account(a.getBankAccount()), a.getReason(), notices, a.getProcessInstanceId(),
        a.getCreatedAt(), a.getUpdatedAt(), a.getProcedureDue(), a.getExtensionReason(),
        ApplicationData.value(a.getDataJson(), CREDIT_CODE), placedInstitution(a), ApplicationData.value(a.getDataJson(), "bed"),
        instalments.isEmpty() ? null : instalments.stream()
            .map(i -> new Payment(i.seq(), i.dueDate(), i.amount(), i.status())).toList());
  }
}
