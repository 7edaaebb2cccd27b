package cn.minzheng.approvals.inbox;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.approvals.common.Counters;
import cn.minzheng.approvals.config.TimeConfig;
import cn.minzheng.approvals.notification.NotificationKind;
import cn.minzheng.approvals.notification.NotificationService;

/** Tells assignees (or the candidates of unassigned tasks) the morning before a task falls due. */
@Component
public class DueReminder {

  private final TaskService tasks;
  private final TaskAccess access;
  private final NotificationService notifications;
  private final Counters counters;

  public DueReminder(TaskService tasks, TaskAccess access, NotificationService notifications, Counters counters) {
    this.tasks = tasks;
    this.access = access;
    this.notifications = notifications;
    this.counters = counters;
  }

  @Scheduled(cron = "${approvals.due-reminder-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
  @Transactional
  public int remindDueTomorrow() {
    LocalDate tomorrow = ClockUtil.getCurrentTime().toInstant().atZone(TimeConfig.BEIJING).toLocalDate().plusDays(1);
    Date from = Date.from(tomorrow.atStartOfDay(TimeConfig.BEIJING).toInstant());
    Date to = Date.from(tomorrow.plusDays(1).atStartOfDay(TimeConfig.BEIJING).toInstant());
    int sent = 0;
    for (Task task : tasks.createTaskQuery().active().dueAfter(new Date(from.getTime() - 1)).dueBefore(to).list()) {
      // every node of a cluster runs this at 08:00: the first to count the task's reminder for the day sends it
      // (the counter's row lock makes the other node wait for that commit, then skip)
      if (counters.next("due-reminder:" + task.getId() + ":" + tomorrow) > 1) {
        continue;
      }
      Long applicationId = access.applicationIdOf(task.getProcessInstanceId());
      String message = "“" + task.getName() + "”明天到期，请及时办理";
      if (task.getAssignee() != null) {
        if (!notifications.alreadySent(task.getAssignee(), NotificationKind.DUE_TOMORROW, task.getId())) {
          notifications.notify(task.getAssignee(), NotificationKind.DUE_TOMORROW, applicationId, task.getId(), message);
          sent++;
        }
      } else {
        notifications.notifyGroups(access.candidateGroups(task.getId()), NotificationKind.DUE_TOMORROW, applicationId,
            task.getId(), message);
        sent++;
      }
    }
    return sent;
  }
}
