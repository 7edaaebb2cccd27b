package cn.minzheng.approvals.application;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
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
import cn.minzheng.approvals.security.Role;

@RestController
@RequestMapping("/api/applications")
public class ApplicationController {

  private final ApplicationService applications;
  private final CaseActionService actions;
  private final ApplicationDetails details;
  private final ProcedureClock procedureClock;
  private final java.time.Clock clock;

  public ApplicationController(ApplicationService applications, CaseActionService actions, ApplicationDetails details,
                               ProcedureClock procedureClock, java.time.Clock clock) {
    this.applications = applications;
    this.actions = actions;
    this.details = details;
    this.procedureClock = procedureClock;
    this.clock = clock;
  }

  @PostMapping
  public ResponseEntity<Map<String, Object>> submit(@RequestBody ApplicationRequest request,
                                                    @AuthenticationPrincipal CurrentUser user) {
    ApplicationRecord created;
    try {
      created = applications.submit(request, user);
    } catch (DuplicateKeyException e) {
      // a simultaneous submission for the same person committed first: say which, else the generic 409
      applications.refuseOpenDuplicate(request);
      throw e;
    }
    Map<String, Object> body = Map.of("id", created.getId(), "number", created.getNumber(), "type", created.getType(),
        "status", created.getStatus(), "stage", created.getStage(), "processInstanceId", created.getProcessInstanceId());
    return ResponseEntity.created(URI.create("/api/applications/" + created.getId())).body(body);
  }

  @GetMapping
  public Page<ApplicationView> search(@RequestParam(required = false) String type,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(required = false) String stage,
                                      @RequestParam(required = false) String q,
                                      @RequestParam(required = false) String street,
                                      @RequestParam(defaultValue = "false") boolean open,
                                      @RequestParam(defaultValue = "false") boolean overdue,
                                      @RequestParam(defaultValue = "false") boolean appealed,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size,
                                      @AuthenticationPrincipal CurrentUser user) {
    ApplicationQuery.Narrowing narrowing = new ApplicationQuery.Narrowing(street == null || street.isBlank() ? null : street,
        open, overdue, appealed, java.time.LocalDate.now(clock));
    return applications.search(user, type, status, stage, q, narrowing, Math.max(page, 0), Math.min(Math.max(size, 1), 100))
        .map(ApplicationView::summary);
  }

  @GetMapping("/{id}")
  public ApplicationView get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
    boolean decides = user.has(Role.CLERK) || user.has(Role.REVIEWER) || user.has(Role.APPROVER);
    return details.view(applications.get(id, user), new ApplicationView.Disclosure(false, decides), user, null);
  }

  @GetMapping("/{id}/history")
  public List<HistoryEntry> history(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
    return details.history(applications.get(id, user));
  }

  @PostMapping("/{id}/objections")
  public ResponseEntity<Void> objection(@PathVariable long id, @RequestBody TextRequest body,
                                        @AuthenticationPrincipal CurrentUser user) {
    actions.fileObjection(id, body.content(), body.contact(), user);
    return ResponseEntity.status(201).build();
  }

  @PostMapping("/{id}/appeal")
  public ResponseEntity<Void> appeal(@PathVariable long id, @RequestBody TextRequest body,
                                     @AuthenticationPrincipal CurrentUser user) {
    actions.fileAppeal(id, body.reason(), user);
    return ResponseEntity.status(201).build();
  }

  @PostMapping("/{id}/withdraw")
  public ResponseEntity<Void> withdraw(@PathVariable long id, @RequestBody TextRequest body,
                                       @AuthenticationPrincipal CurrentUser user) {
    actions.withdraw(id, body.reason(), user);
    return ResponseEntity.ok().build();
  }

  /** Extends the statutory limit once (低保 30 → 45 working days), with the reason. */
  @PostMapping("/{id}/extend")
  public Map<String, Object> extend(@PathVariable long id, @RequestBody TextRequest body,
                                    @AuthenticationPrincipal CurrentUser user) {
    return Map.of("procedureDue", procedureClock.extend(id, body.reason(), user).toString());
  }

  /** Bodies of the objection, appeal and withdrawal requests. */
  public record TextRequest(String content, String contact, String reason) {
  }

  /** An entry of {@code GET /api/applications/{id}/history}. */
  public record HistoryEntry(String stage, String taskKey, String actor, String actorName, String action,
                             String opinion, java.time.LocalDateTime at) {
  }
}
