package cn.minzheng.approvals.inbox;

import java.time.LocalDateTime;

/** A read-only copy of a task for one user (抄送, mz_task_cc). */
public class TaskCc {

  private Long id;
  private Long applicationId;
  private String taskId;
  private String taskKey;
  private String taskName;
  private String userId;
  private String fromUser;
  private LocalDateTime createdAt;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public Long getApplicationId() { return applicationId; }
  public void setApplicationId(Long applicationId) { this.applicationId = applicationId; }
  public String getTaskId() { return taskId; }
  public void setTaskId(String taskId) { this.taskId = taskId; }
  public String getTaskKey() { return taskKey; }
  public void setTaskKey(String taskKey) { this.taskKey = taskKey; }
  public String getTaskName() { return taskName; }
  public void setTaskName(String taskName) { this.taskName = taskName; }
  public String getUserId() { return userId; }
  public void setUserId(String userId) { this.userId = userId; }
  public String getFromUser() { return fromUser; }
  public void setFromUser(String fromUser) { this.fromUser = fromUser; }
  public LocalDateTime getCreatedAt() { return createdAt; }
  public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
