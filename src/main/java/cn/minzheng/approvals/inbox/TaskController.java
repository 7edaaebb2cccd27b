package cn.minzheng.approvals.inbox;

import java.util.List;
import java.util.Map;

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
  private final TaskOperations operations;

  public TaskController(InboxService inbox, TaskOperations operations) {
    this.inbox = inbox;
    this.operations = operations;
  }

  @GetMapping
  public Page<TaskView> list(@RequestParam(defaultValue = "all") String scope,
                             @RequestParam(required = false) String type,
                             @RequestParam(required = false) String street,
                             @RequestParam(required = false) String stage,
                             @RequestParam(required = false) Boolean overdue,
                             @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size,
                             @AuthenticationPrincipal CurrentUser user) {
    return inbox.list(user, scope, type, street, stage, overdue, q, Math.max(page, 0), Math.min(Math.max(size, 1), 100));
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

  /** People who may be chosen for 转办 (mayActOnStage), 委派, 加签 and 抄送. */
  @GetMapping("/{id}/colleagues")
  public List<TaskOperations.Colleague> colleagues(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
    return operations.colleagues(id, user);
  }

  @PostMapping("/{id}/transfer")
  public ResponseEntity<Void> transfer(@PathVariable String id, @RequestBody UserRequest body,
                                       @AuthenticationPrincipal CurrentUser user) {
    operations.transfer(id, body.userId(), user);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/delegate")
  public ResponseEntity<Void> delegate(@PathVariable String id, @RequestBody UserRequest body,
                                       @AuthenticationPrincipal CurrentUser user) {
    operations.delegate(id, body.userId(), user);
    return ResponseEntity.noContent().build();
  }

  /** The delegate gives the task back (委派归还). */
  @PostMapping("/{id}/resolve")
  public ResponseEntity<Void> resolve(@PathVariable String id, @RequestBody(required = false) OpinionRequest body,
                                      @AuthenticationPrincipal CurrentUser user) {
    operations.resolve(id, body == null ? null : body.opinion(), user);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/signers")
  public ResponseEntity<Map<String, Object>> addSigner(@PathVariable String id, @RequestBody UserRequest body,
                                                       @AuthenticationPrincipal CurrentUser user) {
    SignRequest sign = operations.addSigner(id, body.userId(), user);
    return ResponseEntity.status(201).body(Map.of("id", sign.getId(), "signer", sign.getSigner(), "status", sign.getStatus()));
  }

  @PostMapping("/{id}/cc")
  public ResponseEntity<Void> cc(@PathVariable String id, @RequestBody CcRequest body,
                                 @AuthenticationPrincipal CurrentUser user) {
    operations.copy(id, body.userIds(), user);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/urge")
  public ResponseEntity<Void> urge(@PathVariable String id, @RequestBody(required = false) UrgeRequest body,
                                   @AuthenticationPrincipal CurrentUser user) {
    operations.urge(id, body == null ? null : body.message(), user);
    return ResponseEntity.noContent().build();
  }

  public record UserRequest(String userId) {
  }

  public record CcRequest(List<String> userIds) {
  }

  public record UrgeRequest(String message) {
  }

  public record OpinionRequest(String opinion) {
  }
}
