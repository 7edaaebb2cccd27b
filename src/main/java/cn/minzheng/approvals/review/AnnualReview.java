package cn.minzheng.approvals.review;

import java.math.BigDecimal;

/** One household's review of a year ({@code mz_annual_review}). */
public class AnnualReview {

  public static final String CREATED = "created";
  public static final String DECIDED = "decided";
  public static final String FAILED = "failed";

  private Long id;
  private Long runId;
  private Long applicationId;
  private int reviewYear;
  private String state;
  private String processInstanceId;
  private BigDecimal previousAmount;
  private String outcome;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public Long getRunId() { return runId; }
  public void setRunId(Long runId) { this.runId = runId; }
  public Long getApplicationId() { return applicationId; }
  public void setApplicationId(Long applicationId) { this.applicationId = applicationId; }
  public int getReviewYear() { return reviewYear; }
  public void setReviewYear(int reviewYear) { this.reviewYear = reviewYear; }
  public String getState() { return state; }
  public void setState(String state) { this.state = state; }
  public String getProcessInstanceId() { return processInstanceId; }
  public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
  public BigDecimal getPreviousAmount() { return previousAmount; }
  public void setPreviousAmount(BigDecimal previousAmount) { this.previousAmount = previousAmount; }
  public String getOutcome() { return outcome; }
  public void setOutcome(String outcome) { this.outcome = outcome; }
}
