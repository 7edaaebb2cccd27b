package cn.minzheng.approvals.inbox;

import java.time.LocalDateTime;

/** 加签: a colleague asked to sign a task before it may be completed (mz_sign_request). */
public class SignRequest {

  public static final String PENDING = "pending";

  private Long id;
  private Long applicationId;
  private String taskId;
  private String taskKey;
  private String signer;
  private String requestedBy;
  private String status;
  private String opinion;
  private LocalDateTime createdAt;
  private LocalDateTime decidedAt;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public Long getApplicationId() { return applicationId; }
  public void setApplicationId(Long applicationId) { this.applicationId = applicationId; }
  public String getTaskId() { return taskId; }
  public void setTaskId(String taskId) { this.taskId = taskId; }
  public String getTaskKey() { return taskKey; }
  public void setTaskKey(String taskKey) { this.taskKey = taskKey; }
  public String getSigner() { return signer; }
  public void setSigner(String signer) { this.signer = signer; }
  public String getRequestedBy() { return requestedBy; }
  public void setRequestedBy(String requestedBy) { this.requestedBy = requestedBy; }
  public String getStatus() { return status; }
  public void setStatus(String status) { this.status = status; }
  public String getOpinion() { return opinion; }
  public void setOpinion(String opinion) { this.opinion = opinion; }
  public LocalDateTime getCreatedAt() { return createdAt; }
  public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
  public LocalDateTime getDecidedAt() { return decidedAt; }
  public void setDecidedAt(LocalDateTime decidedAt) { this.decidedAt = decidedAt; }
}
