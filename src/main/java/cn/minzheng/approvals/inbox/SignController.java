package cn.minzheng.approvals.inbox;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.approvals.security.CurrentUser;

/** 加签 requests addressed to the caller. */
@RestController
@RequestMapping("/api/signs")
public class SignController {

  private final TaskOperations operations;

  public SignController(TaskOperations operations) {
    this.operations = operations;
  }

  @GetMapping
  public List<SignRequest> mine(@RequestParam(defaultValue = "pending") String status,
                                @AuthenticationPrincipal CurrentUser user) {
    return operations.mySigns(user, "all".equals(status) ? null : status);
  }

  @PostMapping("/{id}")
  public ResponseEntity<Void> sign(@PathVariable long id, @RequestBody SignDecision body,
                                   @AuthenticationPrincipal CurrentUser user) {
    operations.sign(id, body.decision(), body.opinion(), user);
    return ResponseEntity.noContent().build();
  }

  public record SignDecision(String decision, String opinion) {
  }
}
