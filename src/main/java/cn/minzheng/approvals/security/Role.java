package cn.minzheng.approvals.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles of the contract; a Camunda group "<regionCode>-<role>" gives a user the role in that region. */
public enum Role {
  ADMIN("admin"),
  AUDITOR("auditor"),
  WORKER("worker"),
  CLERK("clerk"),
  REVIEWER("reviewer"),
  APPROVER("approver");

  /** Camunda's administrators group: full rights in the Camunda webapps and /engine-rest. */
  public static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

  private final String code;

  Role(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public String groupFor(String regionCode) {
    return regionCode + "-" + code;
  }

  public String authority() {
    return "ROLE_" + name();
  }

  public static Optional<Role> ofCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }
}
