package cn.minzheng.approvals.review;

import java.time.LocalDateTime;

/** One 年度复核 run ({@code mz_review_run}): a region and year, with its progress. */
public class ReviewRun {

  public static final String RUNNING = "running";
  public static final String PAUSED = "paused";
  public static final String COMPLETED = "completed";

  private Long id;
  private String regionCode;
  private int reviewYear;
  private String note;
  private String state;
  private int total;
  private int created;
  private int failed;
  private String actor;
  private LocalDateTime createdAt;
  private LocalDateTime updatedAt;
  private LocalDateTime finishedAt;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public String getRegionCode() { return regionCode; }
  public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
  public int getReviewYear() { return reviewYear; }
  public void setReviewYear(int reviewYear) { this.reviewYear = reviewYear; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
  public String getState() { return state; }
  public void setState(String state) { this.state = state; }
  public int getTotal() { return total; }
  public void setTotal(int total) { this.total = total; }
  public int getCreated() { return created; }
  public void setCreated(int created) { this.created = created; }
  public int getFailed() { return failed; }
  public void setFailed(int failed) { this.failed = failed; }
  public String getActor() { return actor; }
  public void setActor(String actor) { this.actor = actor; }
  public LocalDateTime getCreatedAt() { return createdAt; }
  public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
  public LocalDateTime getUpdatedAt() { return updatedAt; }
  public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
  public LocalDateTime getFinishedAt() { return finishedAt; }
  public void setFinishedAt(LocalDateTime finishedAt) { this.finishedAt = finishedAt; }
}
