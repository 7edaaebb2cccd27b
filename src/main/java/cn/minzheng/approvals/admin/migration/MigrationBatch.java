package cn.minzheng.approvals.admin.migration;

import java.time.LocalDateTime;

/** One migration an administrator started (mz_migration_batch): from which version to which, and how far it got. */
public class MigrationBatch {

  public static final String RUNNING = "running";
  public static final String COMPLETED = "completed";

  private Long id;
  private String processKey;
  private int fromVersion;
  private int toVersion;
  private String sourceDefinition;
  private String targetDefinition;
  private String state;
  private int total;
  private int done;
  private int failed;
  private String actor;
  private LocalDateTime createdAt;
  private LocalDateTime finishedAt;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public String getProcessKey() { return processKey; }
  public void setProcessKey(String processKey) { this.processKey = processKey; }
  public int getFromVersion() { return fromVersion; }
  public void setFromVersion(int fromVersion) { this.fromVersion = fromVersion; }
  public int getToVersion() { return toVersion; }
  public void setToVersion(int toVersion) { this.toVersion = toVersion; }
  public String getSourceDefinition() { return sourceDefinition; }
  public void setSourceDefinition(String sourceDefinition) { this.sourceDefinition = sourceDefinition; }
  public String getTargetDefinition() { return targetDefinition; }
  public void setTargetDefinition(String targetDefinition) { this.targetDefinition = targetDefinition; }
  public String getState() { return state; }
  public void setState(String state) { this.state = state; }
  public int getTotal() { return total; }
  public void setTotal(int total) { this.total = total; }
  public int getDone() { return done; }
  public void setDone(int done) { this.done = done; }
  public int getFailed() { return failed; }
  public void setFailed(int failed) { this.failed = failed; }
  public String getActor() { return actor; }
  public void setActor(String actor) { this.actor = actor; }
  public LocalDateTime getCreatedAt() { return createdAt; }
  public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
  public LocalDateTime getFinishedAt() { return finishedAt; }
  public void setFinishedAt(LocalDateTime finishedAt) { this.finishedAt = finishedAt; }
}
