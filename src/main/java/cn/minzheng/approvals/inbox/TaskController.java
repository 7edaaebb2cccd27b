package cn.minzheng.approvals.inbox;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.approvals.common.Page;
import cn.minzheng.approvals.security.CurrentUser;

@RestController
@RequestMapping("/api/tasks")
public class TaskController {

  private final InboxService inbox;

  public TaskController(InboxService inbox) {
    this.inbox = inbox;
  }

  @GetMapping
  public Page<TaskView> list(@RequestParam(defaultValue = "all") String scope,
                             @RequestParam(required = false) String type,
                             @RequestParam(required = false) String stage,
                             @RequestParam(required = false) Boolean overdue,
                             @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size,
                             @AuthenticationPrincipal CurrentUser user) {
    return inbox.list(user, scope, type, stage, overdue, q, Math.max(page, 0), Math.min(Math.max(size, 1), 100));
  }

  @GetMapping("/{id}")
  public TaskView get(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
    return inbox.get(id, user);
  }

  @GetMapping(value = "/{id}/form", produces = MediaType.APPLICATION_JSON_VALUE)
  public String form(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
    return inbox.form(id, user);
  }

  @PostMapping("/{id}/claim")
  public ResponseEntity<Void> claim(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
    inbox.claim(id, user);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/unclaim")
  public ResponseEntity<Void> unclaim(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
    inbox.unclaim(id, user);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/complete")
  public ResponseEntity<Void> complete(@PathVariable String id, @RequestBody CompleteRequest request,
                                       @AuthenticationPrincipal CurrentUser user) {
    inbox.complete(id, request, user);
    return ResponseEntity.noContent().build();
  }
}
