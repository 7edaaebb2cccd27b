package cn.minzheng.approvals.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.approvals.application.ApplicationDetails;
import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.ApplicationView;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.common.Page;
import cn.minzheng.approvals.process.CaseProcess;
import cn.minzheng.approvals.process.CaseProcesses;
import cn.minzheng.approvals.process.Decision;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.web.ApiException;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/**
 * The approvers' inbox: the tasks a user may act on, and claim, unclaim and complete with the
 * checks every stage shares (region, allowed decision, mandatory opinion, required form fields, 回避).
 */
@Service
public class InboxService {

  private final TaskService tasks;
  private final HistoryService historyService;
  private final FormService forms;
  private final RepositoryService repository;
  private final ApplicationService applications;
  private final ApplicationDetails details;
  private final CaseProcesses processes;
  private final CaseHistory history;
  private final StageDataRules stageRules;
  private final ObjectMapper json;

  public InboxService(TaskService tasks, HistoryService historyService, FormService forms, RepositoryService repository,
                      ApplicationService applications, ApplicationDetails details, CaseProcesses processes,
                      CaseHistory history, StageDataRules stageRules, ObjectMapper json) {
    this.tasks = tasks;
    this.historyService = historyService;
    this.forms = forms;
    this.repository = repository;
    this.applications = applications;
    this.details = details;
    this.processes = processes;
    this.history = history;
    this.stageRules = stageRules;
    this.json = json;
  }

  public Page<TaskView> list(CurrentUser user, String scope, String type, String stage, Boolean overdue, String q,
                             int page, int size) {
    if ("done".equals(scope)) {
      return done(user, type, stage, page, size);
    }
    TaskQuery query = tasks.createTaskQuery().active();
    switch (scope == null ? "all" : scope) {
      case "mine" -> query.taskAssignee(user.id());
      case "group" -> query.taskCandidateGroupIn(nonEmpty(user.groups()));
      case "all" -> query.or().taskAssignee(user.id()).taskCandidateGroupIn(nonEmpty(user.groups())).endOr();
      default -> throw ApiException.badRequest("error.bad-parameter");
    }
    if (type != null && !type.isBlank()) {
      query.processDefinitionKey(processes.forKey(type).map(CaseProcess::key).orElse(type));
    }
    if (stage != null && !stage.isBlank()) {
      query.taskDefinitionKey(stage);
    }
    if (Boolean.TRUE.equals(overdue)) {
      query.dueBefore(ClockUtil.getCurrentTime());
    }
    if (q != null && !q.isBlank()) {
      List<String> keys = applications.search(user, null, null, null, q, 0, 500).items().stream()
          .map(a -> String.valueOf(a.getId())).toList();
      if (keys.isEmpty()) {
        return new Page<>(List.of(), 0, page, size);
      }
      query.processInstanceBusinessKeyIn(keys.toArray(String[]::new));
    }
    long total = query.count();
    List<Task> found = query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(page * size, size);
    return new Page<>(toViews(found), total, page, size);
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
    Map<Long, ApplicationRecord> apps = applications.byIds(found.stream()
        .map(t -> applicationIdOf(t.getProcessInstanceId())).filter(id -> id != null).collect(Collectors.toSet()));
    List<TaskView> views = found.stream().map(t -> {
      ApplicationRecord app = apps.get(applicationIdOf(t.getProcessInstanceId()));
      return new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), app == null ? null : app.getId(),
          app == null ? null : app.getNumber(), app == null ? null : app.getType(), t.getTaskDefinitionKey(),
          t.getAssignee(), t.getDueDate(), false, t.getStartTime(), null, null);
    }).toList();
    return new Page<>(views, total, page, size);
  }

  private Long applicationIdOf(String processInstanceId) {
    var instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return instance == null || instance.getBusinessKey() == null ? null : Long.valueOf(instance.getBusinessKey());
  }

  private List<TaskView> toViews(List<Task> found) {
    Map<String, Long> appIdByInstance = new HashMap<>();
    for (Task task : found) {
      appIdByInstance.computeIfAbsent(task.getProcessInstanceId(), this::applicationIdOf);
    }
    Map<Long, ApplicationRecord> apps = applications.byIds(appIdByInstance.values().stream()
        .filter(id -> id != null).collect(Collectors.toSet()));
    Date now = ClockUtil.getCurrentTime();
    List<TaskView> views = new ArrayList<>();
    for (Task task : found) {
      ApplicationRecord app = apps.get(appIdByInstance.get(task.getProcessInstanceId()));
      views.add(view(task, app, now, null, null));
    }
    return views;
  }

  private static TaskView view(Task task, ApplicationRecord app, Date now, List<String> allowed, ApplicationView detail) {
    boolean overdue = task.getDueDate() != null && task.getDueDate().before(now);
    return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), app == null ? null : app.getId(),
        app == null ? null : app.getNumber(), app == null ? null : app.getType(), task.getTaskDefinitionKey(),
        task.getAssignee(), task.getDueDate(), overdue, task.getCreateTime(), allowed, detail);
  }

  /** One task with its allowed decisions and the application as the stage may see it. */
  public TaskView get(String taskId, CurrentUser user) {
    ActionableTask at = actionable(taskId, user);
    CaseProcess process = processOf(at.task());
    boolean fullIds = process.needsFullIdNumbers(at.task().getTaskDefinitionKey());
    if (fullIds) {
      history.record(at.application().getId(), at.task().getTaskDefinitionKey(), at.task().getTaskDefinitionKey(),
          user.id(), user.name(), "view_personal_data", null, Map.of("fields", "idNumbers"));
    }
    ApplicationView detail = details.view(at.application(), new ApplicationView.Disclosure(fullIds, true));
    List<String> allowed = process.allowedDecisions(at.task().getTaskDefinitionKey()).stream().map(Decision::code).sorted().toList();
    return view(at.task(), at.application(), ClockUtil.getCurrentTime(), allowed, detail);
  }

  /** The stage's Camunda Form exactly as deployed. */
  public String form(String taskId, CurrentUser user) {
    actionable(taskId, user);
    return schemaOf(taskId).json();
  }

  @Transactional
  public void claim(String taskId, CurrentUser user) {
    ActionableTask at = actionable(taskId, user);
    if (at.task().getAssignee() != null) {
      if (user.id().equals(at.task().getAssignee())) {
        return;
      }
      throw new ApiException(HttpStatus.CONFLICT, "error.task-claimed", at.task().getAssignee());
    }
    tasks.claim(taskId, user.id());
    record(at, user, "claim", null, Map.of());
  }

  @Transactional
  public void unclaim(String taskId, CurrentUser user) {
    ActionableTask at = actionable(taskId, user);
    if (!user.id().equals(at.task().getAssignee())) {
      throw new ApiException(HttpStatus.CONFLICT, "error.task-claimed", String.valueOf(at.task().getAssignee()));
    }
    tasks.setAssignee(taskId, null);
    record(at, user, "unclaim", null, Map.of());
  }

  @Transactional
  public void complete(String taskId, CompleteRequest request, CurrentUser user) {
    ActionableTask at = actionable(taskId, user);
    Task task = at.task();
    CaseProcess process = processOf(task);
    String taskKey = task.getTaskDefinitionKey();
    if (task.getAssignee() != null && !user.id().equals(task.getAssignee())) {
      throw new ApiException(HttpStatus.CONFLICT, "error.task-claimed", task.getAssignee());
    }
    if (process.isRecusalStage(taskKey)
        && user.id().equals(tasks.getVariable(taskId, ProcessVariables.REFUSED_BY))) {
      throw new ApiException(HttpStatus.FORBIDDEN, "error.recusal");
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
    FormSchema schema = schemaOf(taskId);
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
    if (task.getAssignee() == null) {
      tasks.claim(taskId, user.id());
    }
    Map<String, Object> variables = new HashMap<>(formValues);
    variables.put(ProcessVariables.DECISION, decision.code());
    variables.put(ProcessVariables.OPINION, opinion);
    variables.put(ProcessVariables.DECIDED_BY, user.id());
    if (formValues.containsKey(ProcessVariables.MISSING)) {
      variables.put(ProcessVariables.MISSING, formValues.get(ProcessVariables.MISSING));
    }
    if (process.isFinalDecisionStage(taskKey) && decision == Decision.REJECT) {
      variables.put(ProcessVariables.REFUSED_BY, user.id());
    }
    Map<String, Object> detail = new LinkedHashMap<>(formValues);
    record(at, user, decision.code(), opinion, detail);
    tasks.complete(taskId, variables);
  }

  private void record(ActionableTask at, CurrentUser user, String action, String opinion, Map<String, Object> detail) {
    String key = at.task().getTaskDefinitionKey();
    history.record(at.application().getId(), key, key, user.id(), user.name(), action, opinion, detail);
  }

  /**
   * The task if this user may act on it: 404 when unknown or outside their region and groups,
   * 409 when someone finished it already.
   */
  private ActionableTask actionable(String taskId, CurrentUser user) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      HistoricTaskInstance finished = historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
      if (finished != null && mayEverSee(finished, user)) {
        throw ApiException.conflict("error.task-done");
      }
      throw ApiException.notFound();
    }
    boolean candidate = user.id().equals(task.getAssignee()) || tasks.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .anyMatch(group -> group != null && user.groups().contains(group));
    if (!candidate) {
      throw ApiException.notFound();
    }
    Long applicationId = applicationIdOf(task.getProcessInstanceId());
    ApplicationRecord application = applicationId == null ? null : applications.get(applicationId, user);
    if (application == null) {
      throw ApiException.notFound();
    }
    return new ActionableTask(task, application);
  }

  private boolean mayEverSee(HistoricTaskInstance finished, CurrentUser user) {
    Long applicationId = applicationIdOf(finished.getProcessInstanceId());
    if (applicationId == null) {
      return false;
    }
    try {
      applications.get(applicationId, user);
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  private CaseProcess processOf(Task task) {
    String key = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    return processes.forKey(key).orElseThrow(() -> new IllegalStateException("unknown process " + key));
  }

  private FormSchema schemaOf(String taskId) {
    try (InputStream in = forms.getDeployedTaskForm(taskId)) {
      return FormSchema.parse(in, json);
    } catch (IOException e) {
      throw new IllegalStateException("form of task " + taskId + " unreadable", e);
    }
  }

  private static List<String> nonEmpty(List<String> groups) {
    return groups.isEmpty() ? List.of("-none-") : groups;
  }

  private record ActionableTask(Task task, ApplicationRecord application) {
  }
}
