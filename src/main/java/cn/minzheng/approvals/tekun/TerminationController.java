package cn.minzheng.approvals.tekun;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.approvals.security.CurrentUser;

/** {@code POST /api/applications/{id}/termination}: street staff start the 终止 of a 特困 person's support. */
@RestController
public class TerminationController {

  private final TekunTerminations terminations;

  public TerminationController(TekunTerminations terminations) {
    this.terminations = terminations;
  }

  @PostMapping("/api/applications/{id}/termination")
  public ResponseEntity<Map<String, Object>> start(@PathVariable long id,
                                                   @RequestBody TekunTerminations.TerminationRequest body,
                                                   @AuthenticationPrincipal CurrentUser user) {
    String instance = terminations.start(id, body, user);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("applicationId", id, "processInstanceId", instance));
  }
}
