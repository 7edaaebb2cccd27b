package cn.minzheng.approvals.board;

/** Too many objections from one client within the hour; the client may try again after {@code retryAfterSeconds}. */
public class ObjectionRateLimitedException extends RuntimeException {

  private final long retryAfterSeconds;

  public ObjectionRateLimitedException(long retryAfterSeconds) {
    super("objection rate limit");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
