package cn.minzheng.approvals.application;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A row of mz_application: the case itself (the engine holds only its id and decision data). */
public class ApplicationRecord {

  private Long id;
  private String number;
  private String type;
  private String regionCode;
  private String communityCode;
  private String streetCode;
  private String districtCode;
  private String status;
  private String stage;
  private String applicantName;
  private String applicantIdNumber;
  private String applicantPhone;
  private String reason;
  private String bankName;
  private String bankAccount;
  private String assetsJson;
  private String dataJson;
  private Integer householdSize;
  private BigDecimal householdIncome;
  private BigDecimal perCapitaIncome;
  private BigDecimal standardAmount;
  private BigDecimal amount;
  private String processInstanceId;
  private String createdBy;
  private LocalDateTime createdAt;
  private LocalDateTime updatedAt;
  private LocalDateTime acceptedAt;
  private java.time.LocalDate procedureDue;
  private String extensionReason;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public String getNumber() { return number; }
  public void setNumber(String number) { this.number = number; }
  public String getType() { return type; }
  public void setType(String type) { this.type = type; }
  public String getRegionCode() { return regionCode; }
  public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
  public String getCommunityCode() { return communityCode; }
  public void setCommunityCode(String communityCode) { this.communityCode = communityCode; }
  public String getStreetCode() { return streetCode; }
  public void setStreetCode(String streetCode) { this.streetCode = streetCode; }
  public String getDistrictCode() { return districtCode; }
  public void setDistrictCode(String districtCode) { this.districtCode = districtCode; }
  public String getStatus() { return status; }
  public void setStatus(String status) { this.status = status; }
  public String getStage() { return stage; }
  public void setStage(String stage) { this.stage = stage; }
  public String getApplicantName() { return applicantName; }
  public void setApplicantName(String applicantName) { this.applicantName = applicantName; }
  public String getApplicantIdNumber() { return applicantIdNumber; }
  public void setApplicantIdNumber(String applicantIdNumber) { this.applicantIdNumber = applicantIdNumber; }
  public String getApplicantPhone() { return applicantPhone; }
  public void setApplicantPhone(String applicantPhone) { this.applicantPhone = applicantPhone; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
  public String getBankName() { return bankName; }
  public void setBankName(String bankName) { this.bankName = bankName; }
  public String getBankAccount() { return bankAccount; }
  public void setBankAccount(String bankAccount) { this.bankAccount = bankAccount; }
  public String getAssetsJson() { return assetsJson; }
  public void setAssetsJson(String assetsJson) { this.assetsJson = assetsJson; }
  public String getDataJson() { return dataJson; }
  public void setDataJson(String dataJson) { this.dataJson = dataJson; }
  public Integer getHouseholdSize() { return householdSize; }
  public void setHouseholdSize(Integer householdSize) { this.householdSize = householdSize; }
  public BigDecimal getHouseholdIncome() { return householdIncome; }
  public void setHouseholdIncome(BigDecimal householdIncome) { this.householdIncome = householdIncome; }
  public BigDecimal getPerCapitaIncome() { return perCapitaIncome; }
  public void setPerCapitaIncome(BigDecimal perCapitaIncome) { this.perCapitaIncome = perCapitaIncome; }
  public BigDecimal getStandardAmount() { return standardAmount; }
  public void setStandardAmount(BigDecimal standardAmount) { this.standardAmount = standardAmount; }
  public BigDecimal getAmount() { return amount; }
  public void setAmount(BigDecimal amount) { this.amount = amount; }
  public String getProcessInstanceId() { return processInstanceId; }
  public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
  public String getCreatedBy() { return createdBy; }
  public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
  public LocalDateTime getCreatedAt() { return createdAt; }
  public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
  public LocalDateTime getUpdatedAt() { return updatedAt; }
  public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
  public LocalDateTime getAcceptedAt() { return acceptedAt; }
  public void setAcceptedAt(LocalDateTime acceptedAt) { this.acceptedAt = acceptedAt; }
  public java.time.LocalDate getProcedureDue() { return procedureDue; }
  public void setProcedureDue(java.time.LocalDate procedureDue) { this.procedureDue = procedureDue; }
  public String getExtensionReason() { return extensionReason; }
  public void setExtensionReason(String extensionReason) { this.extensionReason = extensionReason; }
}
