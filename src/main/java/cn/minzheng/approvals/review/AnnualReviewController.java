package cn.minzheng.approvals.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.approvals.security.CurrentUser;

/** 年度复核 runs (administrators only, see SecurityConfig's /api/admin/**). */
@RestController
@RequestMapping("/api/admin/annual-reviews")
public class AnnualReviewController {

  private final AnnualReviews reviews;

  public AnnualReviewController(AnnualReviews reviews) {
    this.reviews = reviews;
  }

  /** 202 with the run; starting a region's year again answers its run ({@code existing: true}). */
  @PostMapping
  public ResponseEntity<Map<String, Object>> start(@RequestBody AnnualReviews.StartRequest request,
                                                   @AuthenticationPrincipal CurrentUser admin) {
    AnnualReviews.Started started = reviews.start(request, admin);
    Map<String, Object> body = view(started.run());
    body.put("existing", !started.created());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
  }

  @GetMapping
  public List<Map<String, Object>> recent() {
    return reviews.recent().stream().map(AnnualReviewController::view).toList();
  }

  @GetMapping("/{id:\\d+}")
  public Map<String, Object> progress(@PathVariable long id) {
    return view(reviews.progress(id));
  }

  @PostMapping("/{id:\\d+}/pause")
  public Map<String, Object> pause(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin) {
    return view(reviews.pause(id, admin));
  }

  @PostMapping("/{id:\\d+}/resume")
  public Map<String, Object> resume(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin) {
    return view(reviews.resume(id, admin));
  }

  private static Map<String, Object> view(ReviewRun run) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reviewRunId", run.getId());
    body.put("regionCode", run.getRegionCode());
    body.put("year", run.getReviewYear());
    body.put("note", run.getNote());
    body.put("state", run.getState());
    body.put("total", run.getTotal());
    body.put("created", run.getCreated());
    body.put("failed", run.getFailed());
    body.put("startedBy", run.getActor());
    body.put("startedAt", run.getCreatedAt());
    body.put("finishedAt", run.getFinishedAt());
    return body;
  }
}
