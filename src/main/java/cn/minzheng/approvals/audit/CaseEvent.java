package cn.minzheng.approvals.audit;

import java.time.LocalDateTime;

/** One entry of an application's history (mz_app_event): who did what, when, at which stage, and why. */
public class CaseEvent {

  private Long id;
  private Long applicationId;
  private String stage;
  private String taskKey;
  private String actor;
  private String actorName;
  private String action;
  private String opinion;
  private String detailJson;
  private LocalDateTime createdAt;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public Long getApplicationId() { return applicationId; }
  public void setApplicationId(Long applicationId) { this.applicationId = applicationId; }
  public String getStage() { return stage; }
  public void setStage(String stage) { this.stage = stage; }
  public String getTaskKey() { return taskKey; }
  public void setTaskKey(String taskKey) { this.taskKey = taskKey; }
  public String getActor() { return actor; }
  public void setActor(String actor) { this.actor = actor; }
  public String getActorName() { return actorName; }
  public void setActorName(String actorName) { this.actorName = actorName; }
  public String getAction() { return action; }
  public void setAction(String action) { this.action = action; }
  public String getOpinion() { return opinion; }
  public void setOpinion(String opinion) { this.opinion = opinion; }
  public String getDetailJson() { return detailJson; }
  public void setDetailJson(String detailJson) { this.detailJson = detailJson; }
  public LocalDateTime getCreatedAt() { return createdAt; }
  public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
