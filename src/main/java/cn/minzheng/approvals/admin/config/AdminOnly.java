package cn.minzheng.approvals.admin.config;

import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.Role;
import cn.minzheng.approvals.web.ApiException;

/** The configuration an administrator owns is changed, and even read, by administrators only. */
final class AdminOnly {

  private AdminOnly() {
  }

  static CurrentUser require(CurrentUser user) {
    if (user == null || !user.has(Role.ADMIN)) {
      throw ApiException.forbidden();
    }
    return user;
  }
}
