package cn.minzheng.approvals.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.common.Page;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.web.ApiException;

/**
 * The inbox query against the real engine and PostgreSQL: cases submitted as the demo clerks, tasks
 * claimed, assigned and completed through the engine. The database is shared with the other tests, so
 * every test names its applicants with a tag of its own and asks with {@code q} = that tag.
 */
@IntegrationTest
class TaskInboxTest {

  private static final String WJS_CLERKS = "420112001000-clerk";
  private static final String JJL_CLERKS = "420112002000-clerk";

  @Autowired TaskInbox inbox;
  @Autowired ApplicationService applications;
  @Autowired UserDirectory users;
  @Autowired TaskService taskService;

  CurrentUser wjsClerk;
  CurrentUser jjlClerk;
  String tag;

  record Case(ApplicationRecord application, String taskId) {
  }

  @BeforeEach
  void setUp() {
    wjsClerk = users.load("wjs-clerk").orElseThrow();
    jjlClerk = users.load("jjl-clerk").orElseThrow();
    tag = "箱" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldListMyTasksAndMyGroupsUnassignedTasksByScope() {
    // given: three 受理 tasks of 吴家山街, one claimed by wjs-clerk, one by someone else
    Case claimed = submit(wjsClerk, Applications.WJS_COMMUNITY, "甲");
    Case open = submit(wjsClerk, Applications.WJS_COMMUNITY, "乙");
    Case othersTask = submit(wjsClerk, Applications.WJS_COMMUNITY, "丙");
    taskService.claim(claimed.taskId(), "wjs-clerk");
    taskService.claim(othersTask.taskId(), "wjs-other-clerk");

    // when / then
    Page<TaskRow> all = page(wjsClerk, "all");
    assertThat(taskIds(all)).containsExactlyInAnyOrder(claimed.taskId(), open.taskId());
    assertThat(all.total()).isEqualTo(2);
    assertThat(taskIds(page(wjsClerk, null))).containsExactlyInAnyOrder(claimed.taskId(), open.taskId());
    Page<TaskRow> mine = page(wjsClerk, "mine");
    assertThat(taskIds(mine)).containsExactly(claimed.taskId());
    assertThat(mine.items().get(0).assignee()).isEqualTo("wjs-clerk");
    Page<TaskRow> group = page(wjsClerk, "group");
    assertThat(taskIds(group)).containsExactly(open.taskId());
    assertThat(group.total()).isEqualTo(1);
    assertThat(group.items().get(0).assignee()).isNull();
  }

  @Test
  void shouldCarryTheApplicationOfEachTask() {
    Case c = submit(wjsClerk, Applications.WJS_COMMUNITY, "甲");

    TaskRow row = page(wjsClerk, "all").items().get(0);

    Task task = taskService.createTaskQuery().taskId(c.taskId()).singleResult();
    assertThat(row.taskId()).isEqualTo(c.taskId());
    assertThat(row.name()).isEqualTo(task.getName()).isEqualTo("受理");
    assertThat(row.taskKey()).isEqualTo(DibaoProcess.TASK_ACCEPT);
    assertThat(row.processInstanceId()).isEqualTo(task.getProcessInstanceId());
    assertThat(row.applicationId()).isEqualTo(c.application().getId());
    assertThat(row.applicationNumber()).isEqualTo(c.application().getNumber());
    assertThat(row.type()).isEqualTo("dibao");
    assertThat(row.applicantName()).isEqualTo(tag + "甲");
    assertThat(row.due()).hasSameTimeAs(task.getDueDate());
    assertThat(row.created()).hasSameTimeAs(task.getCreateTime());
  }

  @Test
  void shouldNeverShowTasksOfAnotherStreet() {
    // given: one case in each street, with the same applicant name
    Case wjs = submit(wjsClerk, Applications.WJS_COMMUNITY, "甲");
    Case jjl = submit(jjlClerk, Applications.JJL_COMMUNITY, "甲");
    Case wjsAssignedAcross = submit(wjsClerk, Applications.WJS_COMMUNITY, "乙");

    // when: a 吴家山街 task names jjl's clerks as candidates, another is assigned to jjl-clerk
    taskService.addCandidateGroup(wjs.taskId(), JJL_CLERKS);
    taskService.setAssignee(wjsAssignedAcross.taskId(), "jjl-clerk");

    // then: jjl-clerk still sees only 将军路街's case, in every scope
    assertThat(taskIds(page(jjlClerk, "all"))).containsExactly(jjl.taskId());
    assertThat(page(jjlClerk, "all").total()).isEqualTo(1);
    assertThat(taskIds(page(jjlClerk, "group"))).containsExactly(jjl.taskId());
    assertThat(page(jjlClerk, "mine").items()).isEmpty();
    assertThat(inbox.page(jjlClerk, "all", null, null, null, wjs.application().getNumber(), 0, 20).total()).isZero();
    // and wjs-clerk only 吴家山街's
    assertThat(taskIds(page(wjsClerk, "all"))).containsExactly(wjs.taskId());
    assertThat(jjlClerk.groups()).contains(JJL_CLERKS).doesNotContain(WJS_CLERKS);
  }

  @Test
  void shouldFilterByTypeStageAndQuery() {
    // given: a case moved on to 调查, two still at 受理
    Case investigated = submit(wjsClerk, Applications.WJS_COMMUNITY, "甲");
    Case second = submit(wjsClerk, Applications.WJS_COMMUNITY, "乙");
    Case third = submit(wjsClerk, Applications.WJS_COMMUNITY, "丙");
    taskService.complete(investigated.taskId(),
        Map.of(ProcessVariables.DECISION, "approve", ProcessVariables.DECIDED_BY, "wjs-clerk"));
    String investigateTask = taskOf(investigated);

    // stage = task definition key
    Page<TaskRow> investigating = inbox.page(wjsClerk, "all", null, DibaoProcess.TASK_INVESTIGATE, null, tag, 0, 20);
    assertThat(taskIds(investigating)).containsExactly(investigateTask);
    assertThat(investigating.items().get(0).taskKey()).isEqualTo(DibaoProcess.TASK_INVESTIGATE);
    assertThat(taskIds(inbox.page(wjsClerk, "all", null, DibaoProcess.TASK_ACCEPT, null, tag, 0, 20)))
        .containsExactlyInAnyOrder(second.taskId(), third.taskId());

    // type = the application's type
    assertThat(inbox.page(wjsClerk, "all", "dibao", null, null, tag, 0, 20).total()).isEqualTo(3);
    assertThat(inbox.page(wjsClerk, "all", "tekun", null, null, tag, 0, 20).items()).isEmpty();

    // q = the application number exactly, or part of the applicant's name
    assertThat(taskIds(inbox.page(wjsClerk, "all", null, null, null, second.application().getNumber(), 0, 20)))
        .containsExactly(second.taskId());
    assertThat(taskIds(inbox.page(wjsClerk, "all", null, null, null, tag + "丙", 0, 20)))
        .containsExactly(third.taskId());
    String partOfNumber = second.application().getNumber().substring(0, second.application().getNumber().length() - 1);
    assertThat(inbox.page(wjsClerk, "all", null, null, null, partOfNumber, 0, 20).items())
        .extracting(TaskRow::taskId).doesNotContain(second.taskId());
  }

  @Test
  void shouldShowOverdueTasksByTheEngineClock() {
    // given: due in one and in three days, and one without a due date
    Date now = ClockUtil.getCurrentTime();
    Case soon = submit(wjsClerk, Applications.WJS_COMMUNITY, "甲");
    Case later = submit(wjsClerk, Applications.WJS_COMMUNITY, "乙");
    Case never = submit(wjsClerk, Applications.WJS_COMMUNITY, "丙");
    setDue(soon, plus(now, Duration.ofDays(1)));
    setDue(later, plus(now, Duration.ofDays(3)));
    setDue(never, null);

    assertThat(overdue()).isEmpty();
    ClockUtil.setCurrentTime(plus(now, Duration.ofDays(2)));
    assertThat(overdue()).containsExactly(soon.taskId());
    ClockUtil.setCurrentTime(plus(now, Duration.ofDays(4)));
    assertThat(overdue()).containsExactly(soon.taskId(), later.taskId());
    // overdue=false is no filter
    assertThat(inbox.page(wjsClerk, "all", null, null, false, tag, 0, 20).total()).isEqualTo(3);
  }

  @Test
  void shouldOrderByDueDateWithoutDueDateLastAndPage() {
    // given: five tasks, two due at the same time (then by creation), one without a due date
    Date now = ClockUtil.getCurrentTime();
    Case third = submit(wjsClerk, Applications.WJS_COMMUNITY, "甲");
    Case first = submit(wjsClerk, Applications.WJS_COMMUNITY, "乙");
    Case last = submit(wjsClerk, Applications.WJS_COMMUNITY, "丙");
    Case fourth = submit(wjsClerk, Applications.WJS_COMMUNITY, "丁");
    Case second = submit(wjsClerk, Applications.WJS_COMMUNITY, "戊");
    setDue(third, plus(now, Duration.ofDays(3)));
    setDue(first, plus(now, Duration.ofDays(1)));
    setDue(last, null);
    setDue(fourth, plus(now, Duration.ofDays(3)));
    setDue(second, plus(now, Duration.ofDays(2)));
    taskService.claim(fourth.taskId(), "wjs-clerk");

    // when / then
    Page<TaskRow> page0 = inbox.page(wjsClerk, "all", null, null, null, tag, 0, 2);
    Page<TaskRow> page1 = inbox.page(wjsClerk, "all", null, null, null, tag, 1, 2);
    Page<TaskRow> page2 = inbox.page(wjsClerk, "all", null, null, null, tag, 2, 2);
    Page<TaskRow> page3 = inbox.page(wjsClerk, "all", null, null, null, tag, 3, 2);
    assertThat(taskIds(page0)).containsExactly(first.taskId(), second.taskId());
    assertThat(taskIds(page1)).containsExactly(third.taskId(), fourth.taskId());
    assertThat(taskIds(page2)).containsExactly(last.taskId());
    assertThat(page3.items()).isEmpty();
    assertThat(List.of(page0, page1, page2, page3)).allSatisfy(p -> assertThat(p.total()).isEqualTo(5));
    assertThat(page1.page()).isEqualTo(1);
    assertThat(page1.size()).isEqualTo(2);
  }

  @Test
  void shouldRefuseAnUnknownScope() {
    assertThatThrownBy(() -> inbox.page(wjsClerk, "cc", null, null, null, null, 0, 20))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
  }

  // ---------------------------------------------------------------------------------------------------------

  private Case submit(CurrentUser clerk, String community, String nameSuffix) {
    ApplicationRequest template = Applications.dibao(community);
    ApplicationRequest request = new ApplicationRequest(template.type(), template.regionCode(),
        new ApplicationRequest.Applicant(tag + nameSuffix, template.applicant().idNumber(), template.applicant().phone()),
        template.members(), template.assets(), template.bankName(), template.bankAccount(), template.reason(),
        template.data(), template.materials());
    ApplicationRecord application = applications.submit(request, clerk);
    Case c = new Case(application, null);
    return new Case(application, taskOf(c));
  }

  private String taskOf(Case c) {
    return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(c.application().getId())).singleResult().getId();
  }

  private void setDue(Case c, Date due) {
    Task task = taskService.createTaskQuery().taskId(c.taskId()).singleResult();
    task.setDueDate(due);
    taskService.saveTask(task);
  }

  private Page<TaskRow> page(CurrentUser user, String scope) {
    return inbox.page(user, scope, null, null, null, tag, 0, 20);
  }

  private List<String> overdue() {
    return taskIds(inbox.page(wjsClerk, "all", null, null, true, tag, 0, 20));
  }

  private static List<String> taskIds(Page<TaskRow> page) {
    return page.items().stream().map(TaskRow::taskId).toList();
  }

  private static Date plus(Date date, Duration duration) {
    return new Date(date.getTime() + duration.toMillis());
  }
}
