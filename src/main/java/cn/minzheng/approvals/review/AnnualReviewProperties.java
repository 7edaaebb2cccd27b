package cn.minzheng.approvals.review;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code approvals.annual-review.*}: how the 年度复核 runner works. */
@ConfigurationProperties("approvals.annual-review")
public class AnnualReviewProperties {

  /** Households a transaction: a crash loses at most one chunk's work, which is then done again. */
  private int chunkSize = 500;

  /**
   * Whether runs are worked off on the runner's own thread as soon as they start or resume (and at
   * start-up); off, the tests drive {@link AnnualReviewRunner} chunk by chunk, as they run due jobs.
   */
  private boolean background = true;

  public int getChunkSize() { return chunkSize; }
  public void setChunkSize(int chunkSize) { this.chunkSize = chunkSize; }
  public boolean isBackground() { return background; }
  public void setBackground(boolean background) { this.background = background; }
}
