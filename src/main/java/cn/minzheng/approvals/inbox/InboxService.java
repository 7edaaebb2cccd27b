package cn.minzheng.approvals.inbox;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


import cn.minzheng.approvals.application.ApplicationDetails;
import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.ApplicationView;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.common.Page;
import cn.minzheng.approvals.inbox.TaskAccess.CaseTask;
import cn.minzheng.approvals.notification.NotificationKind;
import cn.minzheng.approvals.notification.NotificationService;
import cn.minzheng.approvals.process.CaseProcess;
import cn.minzheng.approvals.process.Decision;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.web.ApiException;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/**
 * The approvers' inbox: the tasks a user may act on, and claim, unclaim and complete with the
 * checks every stage shares (region, allowed decision, mandatory opinion, required form fields, 回避,
 * pending 加签, delegation).
 */
@Service
public class InboxService {

  /** The key of {@code data} that names the stage a return goes to. */
  public static final String RETURN_TO = "returnTo";

  private final TaskService tasks;
  private final HistoryService historyService;
  private final RuntimeService runtime;
  private final TaskAccess access;
  private final TaskInbox inbox;
  private final ApplicationService applications;
  private final ApplicationDetails details;
  private final CaseHistory history;
  private final StageDataRules stageRules;
  private final TaskSharingMapper sharing;
  private final NotificationService notifications;
  private final TaskForms taskForms;
  private final List<CompletionGuard> guards;

  public InboxService(TaskService tasks, HistoryService historyService, RuntimeService runtime,
                      TaskAccess access, TaskInbox inbox, ApplicationService applications, ApplicationDetails details,
                      CaseHistory history, StageDataRules stageRules, TaskSharingMapper sharing,
                      NotificationService notifications, TaskForms taskForms, List<CompletionGuard> guards) {
    this.guards = guards;
    this.tasks = tasks;
    this.historyService = historyService;
    this.runtime = runtime;
    this.access = access;
    this.inbox = inbox;
    this.applications = applications;
    this.details = details;
    this.history = history;
    this.stageRules = stageRules;
    this.sharing = sharing;
    this.notifications = notifications;
    this.taskForms = taskForms;
  }

  public Page<TaskView> list(CurrentUser user, String scope, String type, String street, String stage, Boolean overdue,
                             String q, int page, int size) {
    if ("done".equals(scope)) {
      return done(user, type, stage, page, size);
    }
    if ("cc".equals(scope)) {
      return copies(user, page, size);
    }
    Date now = ClockUtil.getCurrentTime();
    return inbox.page(user, scope, type, street, stage, overdue, q, page, size).map(t -> TaskView.row(t.taskId(),
        t.name(), t.taskKey(), t.applicationId(), t.applicationNumber(), t.type(), t.assignee(), t.due(), now, t.created()));
  }

  private Page<TaskView> done(CurrentUser user, String type, String stage, int page, int size) {
    var query = historyService.createHistoricTaskInstanceQuery().taskAssignee(user.id()).finished();
    if (type != null && !type.isBlank()) {
      query.processDefinitionKey(type);
    }
    if (stage != null && !stage.isBlank()) {
      query.taskDefinitionKey(stage);
    }
    long total = query.count();
    List<HistoricTaskInstance> found = query.orderByHistoricTaskInstanceEndTime().desc().listPage(page * size, size);
    Map<String, ApplicationRecord> apps = access.applicationsOf(
        found.stream().map(HistoricTaskInstance::getProcessInstanceId).toList());
    Date now = ClockUtil.getCurrentTime();
    List<TaskView> views = found.stream().map(t -> {
      ApplicationRecord app = apps.get(t.getProcessInstanceId());
      return TaskView.row(t.getId(), t.getName(), t.getTaskDefinitionKey(), app == null ? null : app.getId(),
          app == null ? null : app.getNumber(), app == null ? null : app.getType(), t.getAssignee(), null, now,
          t.getStartTime());
    }).toList();
    return new Page<>(views, total, page, size);
  }

  private Page<TaskView> copies(CurrentUser user, int page, int size) {
    List<TaskCc> found = sharing.findCcOfUser(user.id(), page * size, size);
    Map<Long, ApplicationRecord> apps = applications.byIds(found.stream().map(TaskCc::getApplicationId)
        .collect(Collectors.toSet()));
    Date now = ClockUtil.getCurrentTime();
    List<TaskView> views = found.stream().map(cc -> {
      ApplicationRecord app = apps.get(cc.getApplicationId());
      return TaskView.row(cc.getTaskId(), cc.getTaskName(), cc.getTaskKey(), cc.getApplicationId(),
          app == null ? null : app.getNumber(), app == null ? null : app.getType(), cc.getFromUser(), null, now,
          java.sql.Timestamp.valueOf(cc.getCreatedAt()));
    }).toList();
    return new Page<>(views, sharing.countCcOfUser(user.id()), page, size);
  }

  /** One task with its allowed decisions and the application as the stage may see it. */
  public TaskView get(String taskId, CurrentUser user) {
    CaseTask ct = access.actionable(taskId, user);
    Task task = ct.task();
    boolean fullIds = ct.process().needsFullIdNumbers(ct.key());
    ApplicationView detail = details.view(ct.application(), new ApplicationView.Disclosure(fullIds, true), user, ct.key());
    List<String> allowed = ct.process().allowedDecisions(ct.key()).stream().map(Decision::code).sorted().toList();
    List<TaskView.Signer> signers = sharing.findSignsOfTask(taskId).stream()
        .map(s -> new TaskView.Signer(s.getId(), s.getSigner(), s.getStatus(), s.getOpinion())).toList();
    TaskView row = TaskView.row(task.getId(), task.getName(), ct.key(), ct.application().getId(),
        ct.application().getNumber(), ct.application().getType(), task.getAssignee(), task.getDueDate(),
        ClockUtil.getCurrentTime(), task.getCreateTime());
    return new TaskView(row.id(), row.name(), row.taskKey(), row.applicationId(), row.applicationNumber(), row.type(),
        row.stage(), row.assignee(), row.due(), row.overdue(), row.dueSoon(), row.created(), task.getOwner(),
        task.getDelegationState() == null ? null : task.getDelegationState().name().toLowerCase(), allowed,
        ct.process().returnTargets(ct.key()), signers, detail,
        guards.stream().flatMap(g -> g.notes(ct.application(), ct.key()).stream()).toList());
  }

  /** The stage's Camunda Form exactly as deployed. */
  public String form(String taskId, CurrentUser user) {
    return taskForms.of(access.actionable(taskId, user).task()).json();
  }

  @Transactional
  public void claim(String taskId, CurrentUser user) {
    CaseTask ct = access.actionable(taskId, user);
    if (ct.task().getAssignee() != null) {
      if (user.id().equals(ct.task().getAssignee())) {
        return;
      }
      throw new ApiException(HttpStatus.CONFLICT, "error.task-claimed", ct.task().getAssignee());
    }
    tasks.claim(taskId, user.id());
    record(ct, user, "claim", null, Map.of());
  }

  @Transactional
  public void unclaim(String taskId, CurrentUser user) {
    CaseTask ct = access.actionable(taskId, user);
    if (!user.id().equals(ct.task().getAssignee()) || ct.task().getDelegationState() == DelegationState.PENDING) {
      throw new ApiException(HttpStatus.CONFLICT, "error.task-claimed", String.valueOf(ct.task().getAssignee()));
    }
    tasks.setAssignee(taskId, null);
    record(ct, user, "unclaim", null, Map.of());
  }

  @Transactional
  public void complete(String taskId, CompleteRequest request, CurrentUser user) {
    CaseTask ct = access.actionable(taskId, user);
    Task task = ct.task();
    CaseProcess process = ct.process();
    String taskKey = ct.key();
    if (task.getAssignee() != null && !user.id().equals(task.getAssignee())) {
      throw new ApiException(HttpStatus.CONFLICT, "error.task-claimed", task.getAssignee());
    }
    if (task.getDelegationState() == DelegationState.PENDING) {
      throw ApiException.conflict("error.task-delegated");
    }
    if (process.isRecusalStage(taskKey) && user.id().equals(tasks.getVariable(taskId, ProcessVariables.REFUSED_BY))) {
      throw new ApiException(HttpStatus.FORBIDDEN, "error.recusal");
    }
    if (sharing.findSignsOfTask(taskId).stream().anyMatch(s -> SignRequest.PENDING.equals(s.getStatus()))) {
      throw ApiException.conflict("error.sign-pending");
    }
    Set<Decision> allowed = process.allowedDecisions(taskKey);
    Decision decision = Decision.ofCode(request.decision()).filter(allowed::contains).orElseThrow(() ->
        ApiException.badRequest("error.decision-not-allowed", String.valueOf(request.decision()),
            allowed.stream().map(Decision::code).sorted().collect(Collectors.joining(", "))));
    String opinion = request.opinion() == null ? null : request.opinion().trim();
    if (decision.needsOpinion() && (opinion == null || opinion.isEmpty())) {
      throw ApiException.badRequest("error.opinion-required", decision.code());
    }
    Map<String, Object> data = request.data() == null ? Map.of() : request.data();
    String returnTo = null;
    if (decision == Decision.RETURN) {
      List<String> targets = process.returnTargets(taskKey);
      Object chosen = data.get(RETURN_TO);
      returnTo = chosen == null || chosen.toString().isBlank() ? targets.get(0) : chosen.toString();
      if (!targets.contains(returnTo)) {
        throw ApiException.invalid(List.of(new FieldProblem("data." + RETURN_TO, "validation.enum")));
      }
    }
    Map<String, Object> formValues = formValues(task, taskKey, decision, data);
    guards.forEach(g -> g.check(ct.application(), taskKey, decision, formValues));
    if (task.getAssignee() == null) {
      tasks.claim(taskId, user.id());
    }
    Map<String, Object> variables = new HashMap<>(formValues);
    variables.put(ProcessVariables.DECISION, decision.code());
    variables.put(ProcessVariables.OPINION, opinion);
    variables.put(ProcessVariables.DECIDED_BY, user.id());
    if (process.isFinalDecisionStage(taskKey) && decision == Decision.REJECT) {
      variables.put(ProcessVariables.REFUSED_BY, user.id());
    }
    Map<String, Object> detail = new LinkedHashMap<>(formValues);
    if (returnTo != null) {
      detail.put(RETURN_TO, returnTo);
    }
    record(ct, user, decision.code(), opinion, detail);
    if (returnTo == null) {
      tasks.complete(taskId, variables);
      return;
    }
    String previousAssignee = lastAssignee(task.getProcessInstanceId(), returnTo);
    if (returnTo.equals(process.returnTargets(taskKey).get(0))) {
      tasks.complete(taskId, variables);
    } else {
      // a return further back than the model's own flow: move the token there
      runtime.createProcessInstanceModification(task.getProcessInstanceId())
          .cancelAllForActivity(taskKey)
          .startBeforeActivity(returnTo)
          .setVariables(variables)
          .execute();
    }
    if (previousAssignee != null) {
      notifications.notify(previousAssignee, NotificationKind.RETURNED, ct.application().getId(), null,
          "申请 " + ct.application().getNumber() + " 被退回至您办理过的环节：" + (opinion == null ? "" : opinion));
    }
  }

  /** Checks the data against the stage form (required fields, checkboxes default to false) and its cross-field rules. */
  private Map<String, Object> formValues(Task task, String taskKey, Decision decision, Map<String, Object> data) {
    FormSchema schema = taskForms.of(task);
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Object> formValues = new LinkedHashMap<>();
    for (FormSchema.Field field : schema.fields()) {
      Object value = data.get(field.key());
      boolean missing = value == null || (value instanceof String s && s.isBlank());
      if (missing && field.required() && decision != Decision.RETURN) {
        problems.add(new FieldProblem("data." + field.key(), "validation.required"));
      }
      if ("checkbox".equals(field.type())) {
        formValues.put(field.key(), Boolean.TRUE.equals(value));
      } else if (!missing) {
        formValues.put(field.key(), value);
      }
    }
    problems.addAll(stageRules.check(taskKey, decision, formValues));
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return formValues;
  }

  private String lastAssignee(String processInstanceId, String taskKey) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskKey).finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1).stream()
        .map(HistoricTaskInstance::getAssignee).findFirst().orElse(null);
  }

  private void record(CaseTask ct, CurrentUser user, String action, String opinion, Map<String, Object> detail) {
    history.record(ct.application().getId(), ct.key(), ct.key(), user.id(), user.name(), action, opinion, detail);
  }
}
