package cn.minzheng.approvals.review;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import cn.minzheng.approvals.web.PageController;

/** The administrators' 年度复核 page (SecurityConfig lets only administrators reach /admin/**). */
@Controller
public class AnnualReviewPageController {

  @GetMapping("/admin/annual-reviews")
  public ResponseEntity<Resource> page() {
    return PageController.featurePage("admin-annual-reviews");
  }
}
