package cn.minzheng.approvals.board;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.approvals.web.ApiException;
import cn.minzheng.approvals.web.ApiExceptionHandler;
import cn.minzheng.approvals.web.PageController;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The public 公示 board, without login (SecurityConfig permits {@code /public/**}). CSRF does not apply
 * here: these requests carry no session or credentials a forged request could ride on. A browser POST
 * from another site is still refused (its Origin differs from ours), and every client is rate-limited.
 */
@RestController
public class PublicBoardController {

  private final PublicBoard board;
  private final ApiExceptionHandler problems;

  public PublicBoardController(PublicBoard board, ApiExceptionHandler problems) {
    this.board = board;
    this.problems = problems;
  }

  @GetMapping("/public/board")
  public ResponseEntity<Resource> page() {
    return PageController.featurePage("public-board");
  }

  @GetMapping("/public/notices")
  public List<PublicNotice> notices(@RequestParam(required = false) String regionCode) {
    return board.running(regionCode);
  }

  @GetMapping("/public/places")
  public List<Map<String, String>> places() {
    return board.places().stream()
        .map(r -> Map.of("code", r.getCode(), "name", r.getName(), "level", r.getLevel(),
            "parentCode", r.getParentCode() == null ? "" : r.getParentCode()))
        .toList();
  }

  @PostMapping("/public/notices/{id}/objections")
  public ResponseEntity<Map<String, String>> object(@PathVariable String id, @RequestBody ObjectionRequest body,
                                                    HttpServletRequest request) {
    requireSameOrigin(request);
    String receiptNo = board.fileObjection(id, body.content(), body.contact(), request.getRemoteAddr());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("receiptNo", receiptNo));
  }

  @ExceptionHandler(ObjectionRateLimitedException.class)
  public ResponseEntity<ProblemDetail> rateLimited(ObjectionRateLimitedException e) {
    ResponseEntity<ProblemDetail> problem = problems.handle(
        new ApiException(HttpStatus.TOO_MANY_REQUESTS, "error.public-objection-rate", e.retryAfterSeconds() / 60 + 1));
    return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem.getBody());
  }

  /** A browser sends Origin with a cross-site POST: only our own page may post (scripts without Origin are rate-limited). */
  private static void requireSameOrigin(HttpServletRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      return;
    }
    try {
      URI uri = URI.create(origin);
      String host = request.getServerName();
      int port = request.getServerPort();
      int originPort = uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
      if (host.equalsIgnoreCase(uri.getHost()) && port == originPort) {
        return;
      }
    } catch (IllegalArgumentException malformed) {
      // refused below
    }
    throw ApiException.forbidden();
  }

  public record ObjectionRequest(String content, String contact) {
  }
}
