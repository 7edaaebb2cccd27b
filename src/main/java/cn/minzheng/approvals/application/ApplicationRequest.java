package cn.minzheng.approvals.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /api/applications}; checked by {@link ApplicationRequestValidator}. */
public record ApplicationRequest(
    String type,
    String regionCode,
    Applicant applicant,
    List<Member> members,
    Map<String, Object> assets,
    String bankName,
    String bankAccount,
    String reason,
    Map<String, Object> data,
    List<Material> materials) {

  public record Applicant(String name, String idNumber, String phone) {
  }

  /** A household member; {@code incomes} optionally breaks {@code monthlyIncome} down by class (元/月). */
  public record Member(String name, String idNumber, String relation, Boolean coResident, BigDecimal monthlyIncome,
                       String workAbility, String disability, Incomes incomes) {
  }

  /** Monthly income by class (工资性、经营性、财产性、转移性、其他), 元. */
  public record Incomes(BigDecimal wage, BigDecimal business, BigDecimal property, BigDecimal transfer, BigDecimal other) {
    public BigDecimal total() {
      BigDecimal sum = BigDecimal.ZERO;
      for (BigDecimal part : new BigDecimal[] {wage, business, property, transfer, other}) {
        if (part != null) {
          sum = sum.add(part);
        }
      }
      return sum;
    }
  }

  /** One item of the materials list, e.g. {kind: "id_card", provided: true}. */
  public record Material(String kind, String description, Boolean provided) {
  }
}
