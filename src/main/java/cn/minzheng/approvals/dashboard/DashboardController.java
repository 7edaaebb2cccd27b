package cn.minzheng.approvals.dashboard;

import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.web.PageController;

/** The dashboard: figures of the caller's region, each linking to the application list of its cases. */
@RestController
public class DashboardController {

  private final Dashboard dashboard;

  public DashboardController(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  @GetMapping("/api/dashboard")
  public Map<String, Object> figures(@AuthenticationPrincipal CurrentUser user) {
    return dashboard.of(user);
  }

  @GetMapping("/dashboard")
  public ResponseEntity<Resource> page() {
    return PageController.featurePage("dashboard");
  }
}
