package cn.minzheng.approvals.application;

import java.util.Set;

/** Values of an application's {@code status} (api-contract.md). */
public final class ApplicationStatus {

  public static final String IN_PROGRESS = "in_progress";
  public static final String APPROVED = "approved";
  public static final String REJECTED = "rejected";
  public static final String NOT_ACCEPTED = "not_accepted";
  public static final String WITHDRAWN = "withdrawn";
  public static final String APPEALING = "appealing";
  public static final String WAITING = "waiting";
  /** A benefit ended by a 终止 decision (特困): the person no longer qualifies. */
  public static final String TERMINATED = "terminated";

  /** While in one of these the person may not apply again for the same type. */
  public static final Set<String> OPEN = Set.of(IN_PROGRESS, APPEALING, WAITING);

  private ApplicationStatus() {
  }
}
