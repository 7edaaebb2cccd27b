package cn.minzheng.approvals.common;

/** Masks personal data for display where the viewer does not need it in full. */
public final class Masking {

  private Masking() {
  }

  /** 张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明. */
  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return name;
    }
    int[] cps = name.codePoints().toArray();
    if (cps.length == 1) {
      return "*";
    }
    if (cps.length == 2) {
      return new String(cps, 0, 1) + "*";
    }
    return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
  }

  /** 13812345678 → 138****5678. */
  public static String phone(String phone) {
    if (phone == null || phone.length() < 7) {
      return phone == null ? null : "*".repeat(phone.length());
    }
    return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
  }

  /** Only the last four digits of a bank account. */
  public static String account(String account) {
    if (account == null || account.length() <= 4) {
      return account == null ? null : "*".repeat(account.length());
    }
    return "*".repeat(account.length() - 4) + account.substring(account.length() - 4);
  }
}
