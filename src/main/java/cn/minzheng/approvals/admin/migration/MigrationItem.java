package cn.minzheng.approvals.admin.migration;

import java.time.LocalDateTime;

/** One instance of a migration batch (mz_migration_item): pending, done, or failed with Camunda's reason. */
public class MigrationItem {

  public static final String PENDING = "pending";
  public static final String DONE = "done";
  public static final String FAILED = "failed";

  private Long id;
  private long batchId;
  private String processInstanceId;
  private Long applicationId;
  private String state;
  private String error;
  private LocalDateTime finishedAt;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public long getBatchId() { return batchId; }
  public void setBatchId(long batchId) { this.batchId = batchId; }
  public String getProcessInstanceId() { return processInstanceId; }
  public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
  public Long getApplicationId() { return applicationId; }
  public void setApplicationId(Long applicationId) { this.applicationId = applicationId; }
  public String getState() { return state; }
  public void setState(String state) { this.state = state; }
  public String getError() { return error; }
  public void setError(String error) { this.error = error; }
  public LocalDateTime getFinishedAt() { return finishedAt; }
  public void setFinishedAt(LocalDateTime finishedAt) { this.finishedAt = finishedAt; }
}
