package cn.minzheng.approvals.notification;

import java.time.LocalDateTime;

/** An in-app message to one user (mz_notification). */
public class Notification {

  private Long id;
  private String userId;
  private String kind;
  private Long applicationId;
  private String taskId;
  private String message;
  private LocalDateTime createdAt;
  private LocalDateTime readAt;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public String getUserId() { return userId; }
  public void setUserId(String userId) { this.userId = userId; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public Long getApplicationId() { return applicationId; }
  public void setApplicationId(Long applicationId) { this.applicationId = applicationId; }
  public String getTaskId() { return taskId; }
  public void setTaskId(String taskId) { this.taskId = taskId; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
  public LocalDateTime getCreatedAt() { return createdAt; }
  public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
  public LocalDateTime getReadAt() { return readAt; }
  public void setReadAt(LocalDateTime readAt) { this.readAt = readAt; }
}
