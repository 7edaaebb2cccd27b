package cn.minzheng.approvals.shzz;

import java.time.LocalDateTime;

/** A row of mz_registered_org: an organisation registered by one of our organs. */
public class RegisteredOrg {

  private Long id;
  private String name;
  private String creditCode;
  private String orgKind;
  private String legalRepIdNumber;
  private String regionCode;
  private Long applicationId;
  private LocalDateTime registeredAt;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getCreditCode() { return creditCode; }
  public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
  public String getOrgKind() { return orgKind; }
  public void setOrgKind(String orgKind) { this.orgKind = orgKind; }
  public String getLegalRepIdNumber() { return legalRepIdNumber; }
  public void setLegalRepIdNumber(String legalRepIdNumber) { this.legalRepIdNumber = legalRepIdNumber; }
  public String getRegionCode() { return regionCode; }
  public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
  public Long getApplicationId() { return applicationId; }
  public void setApplicationId(Long applicationId) { this.applicationId = applicationId; }
  public LocalDateTime getRegisteredAt() { return registeredAt; }
  public void setRegisteredAt(LocalDateTime registeredAt) { this.registeredAt = registeredAt; }
}
