package cn.minzheng.approvals.material;

import java.time.LocalDateTime;

/**
 * A scanned material of an application (mz_material_file). Never changed once stored: its SHA-256
 * proves the bytes are the ones handed in. {@code content} is filled only on insert; reads of the
 * metadata leave it out, the bytes come with {@link MaterialFileMapper#findWithContent}.
 */
public class MaterialFile {

  private Long id;
  private Long applicationId;
  private String kind;
  private String filename;
  private String contentType;
  private long sizeBytes;
  private String sha256;
  private byte[] content;
  private String uploadedBy;
  private LocalDateTime uploadedAt;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public Long getApplicationId() { return applicationId; }
  public void setApplicationId(Long applicationId) { this.applicationId = applicationId; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public String getFilename() { return filename; }
  public void setFilename(String filename) { this.filename = filename; }
  public String getContentType() { return contentType; }
  public void setContentType(String contentType) { this.contentType = contentType; }
  public long getSizeBytes() { return sizeBytes; }
  public void setSizeBytes(long sizeBytes) { this.sizeBytes = sizeBytes; }
  public String getSha256() { return sha256; }
  public void setSha256(String sha256) { this.sha256 = sha256; }
  public byte[] getContent() { return content; }
  public void setContent(byte[] content) { this.content = content; }
  public String getUploadedBy() { return uploadedBy; }
  public void setUploadedBy(String uploadedBy) { this.uploadedBy = uploadedBy; }
  public LocalDateTime getUploadedAt() { return uploadedAt; }
  public void setUploadedAt(LocalDateTime uploadedAt) { this.uploadedAt = uploadedAt; }
}
