package cn.minzheng.approvals.notification;

/** Why a user is told something. */
public enum NotificationKind {
  ASSIGNED("assigned"),
  RETURNED("returned"),
  URGED("urged"),
  CC("cc"),
  DUE_TOMORROW("due_tomorrow"),
  SIGN_REQUESTED("sign");

  private final String code;

  NotificationKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
