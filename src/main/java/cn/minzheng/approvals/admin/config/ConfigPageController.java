package cn.minzheng.approvals.admin.config;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.web.PageController;

/** The administrators' pages for the calendar and the notice templates (403 for anyone else). */
@Controller
public class ConfigPageController {

  @GetMapping("/admin/calendar")
  public ResponseEntity<Resource> calendar(@AuthenticationPrincipal CurrentUser user) {
    AdminOnly.require(user);
    return PageController.featurePage("admin-calendar");
  }

  @GetMapping("/admin/notice-templates")
  public ResponseEntity<Resource> noticeTemplates(@AuthenticationPrincipal CurrentUser user) {
    AdminOnly.require(user);
    return PageController.featurePage("admin-notice-templates");
  }
}
