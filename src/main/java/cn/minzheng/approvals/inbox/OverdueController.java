package cn.minzheng.approvals.inbox;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationView;
import cn.minzheng.approvals.application.ProcedureClock;
import cn.minzheng.approvals.security.CurrentUser;

/** The overdue list of the caller's region: stages past their due date, cases past their statutory limit. */
@RestController
public class OverdueController {

  private final ProcedureClock procedureClock;
  private final TaskService tasks;
  private final TaskAccess access;

  public OverdueController(ProcedureClock procedureClock, TaskService tasks, TaskAccess access) {
    this.procedureClock = procedureClock;
    this.tasks = tasks;
    this.access = access;
  }

  @GetMapping("/api/overdue")
  public Map<String, Object> overdue(@AuthenticationPrincipal CurrentUser user) {
    List<String> caseKeys = procedureClock.openCaseKeys(user);
    Date now = ClockUtil.getCurrentTime();
    // every open case of the region, 1,000 keys a query (Oracle's IN limit): a region with more open cases
    // lost its newest ones' overdue tasks when only the first 1,000 were asked
    List<Task> found = new java.util.ArrayList<>();
    for (int from = 0; from < caseKeys.size(); from += 1000) {
      found.addAll(tasks.createTaskQuery()
          .processInstanceBusinessKeyIn(caseKeys.subList(from, Math.min(caseKeys.size(), from + 1000)).toArray(String[]::new))
          .dueBefore(now).orderByDueDate().asc().listPage(0, 200));
    }
    found.sort(java.util.Comparator.comparing(Task::getDueDate));
    found = found.subList(0, Math.min(found.size(), 200));
    Map<String, ApplicationRecord> apps = access.applicationsOf(found.stream().map(Task::getProcessInstanceId).toList());
    List<TaskView> overdueTasks = found.stream().map(t -> {
      ApplicationRecord app = apps.get(t.getProcessInstanceId());
      return TaskView.row(t.getId(), t.getName(), t.getTaskDefinitionKey(), app == null ? null : app.getId(),
          app == null ? null : app.getNumber(), app == null ? null : app.getType(), t.getAssignee(), t.getDueDate(),
          now, t.getCreateTime());
    }).toList();
    List<ApplicationView> pastLimit = procedureClock.pastDue(user).stream().map(ApplicationView::summary).toList();
    return Map.of("tasks", overdueTasks, "applications", pastLimit);
  }
}
