package cn.minzheng.approvals.inbox;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.inbox.TaskAccess.CaseTask;
import cn.minzheng.approvals.notification.NotificationKind;
import cn.minzheng.approvals.notification.NotificationService;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.RegionScope;
import cn.minzheng.approvals.security.Role;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.web.ApiException;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/**
 * The Chinese office operations on a task beyond deciding it: 转办, 委派 and its return, 加签, 抄送, 催办.
 * Each is recorded in the case history and tells the people it concerns.
 */
@Service
public class TaskOperations {

  private final TaskService tasks;
  private final IdentityService identity;
  private final TaskAccess access;
  private final UserDirectory users;
  private final TaskSharingMapper sharing;
  private final CaseHistory history;
  private final NotificationService notifications;
  private final Clock clock;

  public TaskOperations(TaskService tasks, IdentityService identity, TaskAccess access, UserDirectory users,
                        TaskSharingMapper sharing, CaseHistory history, NotificationService notifications, Clock clock) {
    this.tasks = tasks;
    this.identity = identity;
    this.access = access;
    this.users = users;
    this.sharing = sharing;
    this.history = history;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** A person who may be chosen for 转办 (same stage and region) or 委派/加签/抄送 (same region). */
  public record Colleague(String id, String name, boolean mayActOnStage) {
  }

  public List<Colleague> colleagues(String taskId, CurrentUser user) {
    CaseTask ct = access.actionable(taskId, user);
    List<String> stageGroups = access.candidateGroups(taskId);
    return identity.createUserQuery().list().stream()
        .filter(u -> !u.getId().equals(user.id()))
        .map(u -> users.load(u.getId()).orElse(null))
        .filter(u -> u != null && RegionScope.covers(u, ct.application()) && !u.has(Role.ADMIN) && !u.has(Role.AUDITOR))
        .map(u -> new Colleague(u.id(), u.name(), u.groups().stream().anyMatch(stageGroups::contains)))
        .toList();
  }

  /** 转办: hands the task to someone else who may act on this stage in this region. */
  @Transactional
  public void transfer(String taskId, String targetUserId, CurrentUser user) {
    CaseTask ct = access.actionable(taskId, user);
    requireNotDelegated(ct.task());
    CurrentUser target = colleague(targetUserId, ct);
    if (target.groups().stream().noneMatch(access.candidateGroups(taskId)::contains)) {
      throw ApiException.invalid(List.of(new FieldProblem("userId", "error.transfer-target")));
    }
    tasks.setAssignee(taskId, target.id());
    record(ct, user, "transfer", null, Map.of("to", target.id()));
    notifications.notify(target.id(), NotificationKind.ASSIGNED, ct.application().getId(), taskId,
        user.name() + " 将申请 " + ct.application().getNumber() + " 的“" + ct.task().getName() + "”转交给您办理");
  }

  /** 委派: a colleague works the task and gives it back; the owner stays responsible and decides. */
  @Transactional
  public void delegate(String taskId, String targetUserId, CurrentUser user) {
    CaseTask ct = access.actionable(taskId, user);
    requireNotDelegated(ct.task());
    CurrentUser target = colleague(targetUserId, ct);
    if (ct.task().getAssignee() == null) {
      tasks.claim(taskId, user.id());
    } else if (!user.id().equals(ct.task().getAssignee())) {
      throw new ApiException(HttpStatus.CONFLICT, "error.task-claimed", ct.task().getAssignee());
    }
    tasks.delegateTask(taskId, target.id());
    record(ct, user, "delegate", null, Map.of("to", target.id()));
    notifications.notify(target.id(), NotificationKind.ASSIGNED, ct.application().getId(), taskId,
        user.name() + " 委派您协助办理申请 " + ct.application().getNumber() + " 的“" + ct.task().getName() + "”");
  }

  /** The delegate's return (委派归还) with their opinion. */
  @Transactional
  public void resolve(String taskId, String opinion, CurrentUser user) {
    CaseTask ct = access.actionable(taskId, user);
    Task task = ct.task();
    if (task.getDelegationState() != DelegationState.PENDING || !user.id().equals(task.getAssignee())) {
      throw ApiException.conflict("error.not-delegated-to-you");
    }
    tasks.resolveTask(taskId);
    record(ct, user, "resolve", opinion, Map.of("to", String.valueOf(task.getOwner())));
    notifications.notify(task.getOwner(), NotificationKind.ASSIGNED, ct.application().getId(), taskId,
        user.name() + " 已完成委派，申请 " + ct.application().getNumber() + " 回到您的待办");
  }

  /** 加签: one more colleague must sign before the task can be completed. */
  @Transactional
  public SignRequest addSigner(String taskId, String targetUserId, CurrentUser user) {
    CaseTask ct = access.actionable(taskId, user);
    CurrentUser target = colleague(targetUserId, ct);
    SignRequest sign = new SignRequest();
    sign.setApplicationId(ct.application().getId());
    sign.setTaskId(taskId);
    sign.setTaskKey(ct.key());
    sign.setSigner(target.id());
    sign.setRequestedBy(user.id());
    sign.setStatus(SignRequest.PENDING);
    sign.setCreatedAt(LocalDateTime.now(clock));
    sharing.insertSign(sign);
    record(ct, user, "add_signer", null, Map.of("signer", target.id()));
    notifications.notify(target.id(), NotificationKind.SIGN_REQUESTED, ct.application().getId(), taskId,
        user.name() + " 请您会签申请 " + ct.application().getNumber() + " 的“" + ct.task().getName() + "”");
    return sign;
  }

  public List<SignRequest> mySigns(CurrentUser user, String status) {
    return sharing.findSignsBySigner(user.id(), status);
  }

  /** The added signer signs (同意) or objects (不同意, opinion required). */
  @Transactional
  public void sign(long signId, String decision, String opinion, CurrentUser user) {
    SignRequest sign = Optional.ofNullable(sharing.findSign(signId)).filter(s -> user.id().equals(s.getSigner()))
        .orElseThrow(ApiException::notFound);
    if (!SignRequest.PENDING.equals(sign.getStatus())) {
      throw ApiException.conflict("error.task-done");
    }
    String status = switch (String.valueOf(decision)) {
      case "approve" -> "approved";
      case "reject" -> "rejected";
      default -> throw ApiException.badRequest("error.decision-not-allowed", String.valueOf(decision), "approve, reject");
    };
    if ("rejected".equals(status) && (opinion == null || opinion.isBlank())) {
      throw ApiException.badRequest("error.opinion-required", decision);
    }
    if (sharing.decideSign(signId, status, opinion, LocalDateTime.now(clock)) == 0) {
      throw ApiException.conflict("error.task-done");
    }
    history.record(sign.getApplicationId(), sign.getTaskKey(), sign.getTaskKey(), user.id(), user.name(), "sign_" + status,
        opinion, Map.of("signId", signId));
    notifications.notify(sign.getRequestedBy(), NotificationKind.ASSIGNED, sign.getApplicationId(), sign.getTaskId(),
        user.name() + ("approved".equals(status) ? " 已会签同意" : " 会签不同意：" + opinion));
  }

  /** 抄送: read-only copies to colleagues of the region. */
  @Transactional
  public void copy(String taskId, Collection<String> userIds, CurrentUser user) {
    if (userIds == null || userIds.isEmpty()) {
      throw ApiException.invalid(List.of(new FieldProblem("userIds", "validation.required")));
    }
    CaseTask ct = access.visible(taskId, user);
    LinkedHashSet<String> targets = new LinkedHashSet<>(userIds);
    for (String targetId : targets) {
      colleague(targetId, ct);
    }
    for (String targetId : targets) {
      TaskCc cc = new TaskCc();
      cc.setApplicationId(ct.application().getId());
      cc.setTaskId(taskId);
      cc.setTaskKey(ct.key());
      cc.setTaskName(ct.task().getName());
      cc.setUserId(targetId);
      cc.setFromUser(user.id());
      cc.setCreatedAt(LocalDateTime.now(clock));
      sharing.insertCc(cc);
      notifications.notify(targetId, NotificationKind.CC, ct.application().getId(), taskId,
          user.name() + " 抄送给您：申请 " + ct.application().getNumber() + " 的“" + ct.task().getName() + "”");
    }
    record(ct, user, "cc", null, Map.of("to", String.join(",", targets)));
  }

  /** 催办: a reviewer or approver presses an overdue task's assignee, or its candidates. */
  @Transactional
  public void urge(String taskId, String message, CurrentUser user) {
    if (!user.has(Role.REVIEWER) && !user.has(Role.APPROVER)) {
      throw ApiException.forbidden();
    }
    CaseTask ct = access.visible(taskId, user);
    Task task = ct.task();
    if (task.getDueDate() == null || !task.getDueDate().before(ClockUtil.getCurrentTime())) {
      throw ApiException.badRequest("error.not-overdue");
    }
    String text = user.name() + " 催办：申请 " + ct.application().getNumber() + " 的“" + task.getName() + "”已超期"
        + (message == null || message.isBlank() ? "" : "。" + message.trim());
    if (task.getAssignee() != null) {
      notifications.notify(task.getAssignee(), NotificationKind.URGED, ct.application().getId(), taskId, text);
    } else {
      notifications.notifyGroups(access.candidateGroups(taskId), NotificationKind.URGED, ct.application().getId(), taskId, text);
    }
    record(ct, user, "urge", message, Map.of());
  }

  private CurrentUser colleague(String userId, CaseTask ct) {
    CurrentUser target = userId == null ? null : users.load(userId).orElse(null);
    if (target == null || !RegionScope.covers(target, ct.application())) {
      throw ApiException.invalid(List.of(new FieldProblem("userId", "error.user-outside-region")));
    }
    return target;
  }

  private static void requireNotDelegated(Task task) {
    if (task.getDelegationState() == DelegationState.PENDING) {
      throw ApiException.conflict("error.task-delegated");
    }
  }

  private void record(CaseTask ct, CurrentUser user, String action, String opinion, Map<String, ?> detail) {
    history.record(ct.application().getId(), ct.key(), ct.key(), user.id(), user.name(), action, opinion, detail);
  }
}
