package cn.minzheng.approvals.admin.config;

import java.time.LocalDateTime;

/**
 * One saved version of a notice template (mz_notice_template). {@code content} null means "back to
 * the file shipped under notices/" (a revert).
 */
public class NoticeTemplateVersion {

  private Long id;
  private String templateName;
  private int version;
  private String content;
  private String sha256;
  private String note;
  private String createdBy;
  private LocalDateTime createdAt;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public String getTemplateName() { return templateName; }
  public void setTemplateName(String templateName) { this.templateName = templateName; }
  public int getVersion() { return version; }
  public void setVersion(int version) { this.version = version; }
  public String getContent() { return content; }
  public void setContent(String content) { this.content = content; }
  public String getSha256() { return sha256; }
  public void setSha256(String sha256) { this.sha256 = sha256; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
  public String getCreatedBy() { return createdBy; }
  public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
  public LocalDateTime getCreatedAt() { return createdAt; }
  public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }

  public boolean isRevert() {
    return content == null;
  }
}
