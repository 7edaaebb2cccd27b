package cn.minzheng.approvals.application;

import java.math.BigDecimal;

/** A row of mz_member: one person of the applying household. */
public class MemberRecord {

  private Long id;
  private Long applicationId;
  private int seq;
  private String name;
  private String idNumber;
  private String relation;
  private boolean coResident;
  private String workAbility;
  private String disability;
  private BigDecimal monthlyIncome;
  private BigDecimal incomeWage;
  private BigDecimal incomeBusiness;
  private BigDecimal incomeProperty;
  private BigDecimal incomeTransfer;
  private BigDecimal incomeOther;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public Long getApplicationId() { return applicationId; }
  public void setApplicationId(Long applicationId) { this.applicationId = applicationId; }
  public int getSeq() { return seq; }
  public void setSeq(int seq) { this.seq = seq; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getIdNumber() { return idNumber; }
  public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
  public String getRelation() { return relation; }
  public void setRelation(String relation) { this.relation = relation; }
  public boolean isCoResident() { return coResident; }
  public void setCoResident(boolean coResident) { this.coResident = coResident; }
  public String getWorkAbility() { return workAbility; }
  public void setWorkAbility(String workAbility) { this.workAbility = workAbility; }
  public String getDisability() { return disability; }
  public void setDisability(String disability) { this.disability = disability; }
  public BigDecimal getMonthlyIncome() { return monthlyIncome; }
  public void setMonthlyIncome(BigDecimal monthlyIncome) { this.monthlyIncome = monthlyIncome; }
  public BigDecimal getIncomeWage() { return incomeWage; }
  public void setIncomeWage(BigDecimal incomeWage) { this.incomeWage = incomeWage; }
  public BigDecimal getIncomeBusiness() { return incomeBusiness; }
  public void setIncomeBusiness(BigDecimal incomeBusiness) { this.incomeBusiness = incomeBusiness; }
  public BigDecimal getIncomeProperty() { return incomeProperty; }
  public void setIncomeProperty(BigDecimal incomeProperty) { this.incomeProperty = incomeProperty; }
  public BigDecimal getIncomeTransfer() { return incomeTransfer; }
  public void setIncomeTransfer(BigDecimal incomeTransfer) { this.incomeTransfer = incomeTransfer; }
  public BigDecimal getIncomeOther() { return incomeOther; }
  public void setIncomeOther(BigDecimal incomeOther) { this.incomeOther = incomeOther; }
}
