package cn.minzheng.approvals.notice;

import java.time.LocalDateTime;

/** An issued notice (mz_notice). Never updated: its SHA-256 proves the text is the one issued. */
public class Notice {

  private Long id;
  private Long applicationId;
  private String kind;
  private String docNumber;
  private String organCode;
  private String contentHtml;
  private String sha256;
  private String createdBy;
  private LocalDateTime createdAt;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public Long getApplicationId() { return applicationId; }
  public void setApplicationId(Long applicationId) { this.applicationId = applicationId; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public String getDocNumber() { return docNumber; }
  public void setDocNumber(String docNumber) { this.docNumber = docNumber; }
  public String getOrganCode() { return organCode; }
  public void setOrganCode(String organCode) { this.organCode = organCode; }
  public String getContentHtml() { return contentHtml; }
  public void setContentHtml(String contentHtml) { this.contentHtml = contentHtml; }
  public String getSha256() { return sha256; }
  public void setSha256(String sha256) { this.sha256 = sha256; }
  public String getCreatedBy() { return createdBy; }
  public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
  public LocalDateTime getCreatedAt() { return createdAt; }
  public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
