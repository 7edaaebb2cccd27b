package cn.minzheng.approvals.admin;

import java.time.LocalDateTime;

/** One thing an administrator did (mz_admin_action), kept for auditors. */
public class AdminAction {

  private Long id;
  private String actor;
  private String action;
  private String target;
  private String note;
  private String oldContent;
  private String newContent;
  private LocalDateTime createdAt;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public String getActor() { return actor; }
  public void setActor(String actor) { this.actor = actor; }
  public String getAction() { return action; }
  public void setAction(String action) { this.action = action; }
  public String getTarget() { return target; }
  public void setTarget(String target) { this.target = target; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
  public String getOldContent() { return oldContent; }
  public void setOldContent(String oldContent) { this.oldContent = oldContent; }
  public String getNewContent() { return newContent; }
  public void setNewContent(String newContent) { this.newContent = newContent; }
  public LocalDateTime getCreatedAt() { return createdAt; }
  public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
