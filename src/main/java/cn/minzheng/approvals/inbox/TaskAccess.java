package cn.minzheng.approvals.inbox;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.process.CaseProcess;
import cn.minzheng.approvals.process.CaseProcesses;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.web.ApiException;

/**
 * Who may see and act on a task: the answer every task operation starts with. Unknown tasks and
 * tasks outside the caller's region and groups answer 404; finished ones 409.
 */
@Component
public class TaskAccess {

  private final TaskService tasks;
  private final HistoryService history;
  private final ApplicationService applications;
  private final CaseProcesses processes;

  public TaskAccess(TaskService tasks, HistoryService history, ApplicationService applications,
                    CaseProcesses processes) {
    this.tasks = tasks;
    this.history = history;
    this.applications = applications;
    this.processes = processes;
  }

  /** A task with its case and model. */
  public record CaseTask(Task task, ApplicationRecord application, CaseProcess process) {
    public String key() {
      return task.getTaskDefinitionKey();
    }
  }

  /** The task if the user is its assignee or one of its candidates, within their region. */
  public CaseTask actionable(String taskId, CurrentUser user) {
    Task task = find(taskId, user);
    boolean candidate = user.id().equals(task.getAssignee()) || user.id().equals(task.getOwner())
        || candidateGroups(taskId).stream().anyMatch(user.groups()::contains);
    if (!candidate) {
      // completed by someone else since we found it (its links went with it): the loser of a race gets 409
      find(taskId, user);
      throw ApiException.notFound();
    }
    return withCase(task, user);
  }

  /** The task if its case lies in the user's region (for those who oversee it: 催办, 抄送 readers). */
  public CaseTask visible(String taskId, CurrentUser user) {
    return withCase(find(taskId, user), user);
  }

  public List<String> candidateGroups(String taskId) {
    try {
      return tasks.getIdentityLinksForTask(taskId).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
          .map(IdentityLink::getGroupId)
          .filter(group -> group != null)
          .toList();
    } catch (RuntimeException e) {
      // completed by someone else since we found it: the engine fails inside instead of answering "none"
      if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
        throw ApiException.conflict("error.task-done");
      }
      throw e;
    }
  }

  /** The applications of several process instances (a case's model or its stages), each looked up once. */
  public Map<String, ApplicationRecord> applicationsOf(Collection<String> processInstanceIds) {
    Map<String, Long> idByInstance = new HashMap<>();
    processInstanceIds.forEach(pi -> idByInstance.computeIfAbsent(pi, this::applicationIdOf));
    Map<Long, ApplicationRecord> byId = applications.byIds(idByInstance.values().stream()
        .filter(Objects::nonNull).collect(Collectors.toSet()));
    Map<String, ApplicationRecord> result = new HashMap<>();
    idByInstance.forEach((pi, id) -> {
      if (id != null && byId.containsKey(id)) {
        result.put(pi, byId.get(id));
      }
    });
    return result;
  }

  public Long applicationIdOf(String processInstanceId) {
    var instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return instance == null || instance.getBusinessKey() == null ? null : Long.valueOf(instance.getBusinessKey());
  }

  private Task find(String taskId, CurrentUser user) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task != null) {
      return task;
    }
    HistoricTaskInstance finished = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
    if (finished != null && inRegion(finished.getProcessInstanceId(), user)) {
      throw ApiException.conflict("error.task-done");
    }
    throw ApiException.notFound();
  }

  private boolean inRegion(String processInstanceId, CurrentUser user) {
    Long applicationId = applicationIdOf(processInstanceId);
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

  private CaseTask withCase(Task task, CurrentUser user) {
    Long applicationId = task.getProcessInstanceId() == null ? null : applicationIdOf(task.getProcessInstanceId());
    if (applicationId == null) {
      throw ApiException.notFound();
    }
    ApplicationRecord application = applications.get(applicationId, user);
    // by the application's type: a task may sit in a shared stage called by the type's model
    return new CaseTask(task, application, processes.forType(application.getType()));
  }
}
