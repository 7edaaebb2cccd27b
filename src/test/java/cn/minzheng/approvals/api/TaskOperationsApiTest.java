package cn.minzheng.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.minzheng.approvals.calendar.WorkdayCalendar;
import cn.minzheng.approvals.inbox.DueReminder;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.PublicNoticeTimer;

/** Every inbox operation through the API, with its refusals, as the demo users. */
@IntegrationTest
class TaskOperationsApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired DueReminder dueReminder;
  @Autowired WorkdayCalendar workdays;

  ApiClient wjsClerk;
  ApiClient wjsReviewer;
  ApiClient wjsWorker;
  ApiClient jjlClerk;
  ApiClient approver;
  ApiClient approver2;

  @BeforeEach
  void clients() {
    wjsClerk = new ApiClient(rest, "wjs-clerk");
    wjsReviewer = new ApiClient(rest, "wjs-reviewer");
    wjsWorker = new ApiClient(rest, "wjs-worker");
    jjlClerk = new ApiClient(rest, "jjl-clerk");
    approver = new ApiClient(rest, "qu-approver");
    approver2 = new ApiClient(rest, "qu-approver2");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldTransferOnlyToSomeoneWhoMayActOnTheStageInTheRegion() {
    // given: the district stage of a case
    Case c = toDistrict();
    String task = approver.taskId(c.number, DibaoProcess.TASK_DISTRICT_APPROVE);
    // when / then: a street clerk cannot take a district decision; another street's clerk is outside the region
    assertThat(approver.post("/api/tasks/" + task + "/transfer", Map.of("userId", "wjs-clerk")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(approver.post("/api/tasks/" + task + "/transfer", Map.of("userId", "nobody")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(approver.post("/api/tasks/" + task + "/transfer", Map.of("userId", "qu-approver2")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    // then: the other approver has it, and was told
    assertThat(approver2.get("/api/tasks/" + task).getBody()).containsEntry("assignee", "qu-approver2");
    assertThat(notifications(approver2)).anySatisfy(n -> assertThat(n).containsEntry("kind", "assigned"));
    assertThat(actions(c.id)).contains("transfer");
  }

  @Test
  void shouldRefuseATransferToAnotherStreet() {
    Case c = submitted();
    String task = wjsClerk.taskId(c.number, DibaoProcess.TASK_ACCEPT);
    ResponseEntity<Map<String, Object>> answer = wjsClerk.post("/api/tasks/" + task + "/transfer", Map.of("userId", "jjl-clerk"));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().toString()).contains("userId");
  }

  @Test
  void shouldDelegateAndBlockCompletionUntilTheDelegateGivesItBack() {
    // given
    Case c = submitted();
    String task = wjsClerk.taskId(c.number, DibaoProcess.TASK_ACCEPT);
    // when
    assertThat(wjsClerk.post("/api/tasks/" + task + "/delegate", Map.of("userId", "wjs-worker")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    // then: nobody completes a delegated task; the delegate resolves it and it returns to the owner
    assertThat(wjsWorker.post("/api/tasks/" + task + "/complete", Map.of("decision", "approve")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(wjsWorker.get("/api/tasks/" + task).getBody()).containsEntry("delegationState", "pending")
        .containsEntry("owner", "wjs-clerk");
    assertThat(wjsWorker.post("/api/tasks/" + task + "/resolve", Map.of("opinion", "材料已核对")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(wjsClerk.get("/api/tasks/" + task).getBody()).containsEntry("assignee", "wjs-clerk");
    assertThat(wjsClerk.post("/api/tasks/" + task + "/complete", Map.of("decision", "approve")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(actions(c.id)).contains("delegate", "resolve");
  }

  @Test
  void shouldNotCompleteBeforeTheAddedSignerSigns() {
    // given
    Case c = submitted();
    String task = wjsClerk.taskId(c.number, DibaoProcess.TASK_ACCEPT);
    ResponseEntity<Map<String, Object>> added = wjsClerk.post("/api/tasks/" + task + "/signers", Map.of("userId", "wjs-reviewer"));
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long signId = ((Number) added.getBody().get("id")).longValue();
    // when / then: 409 while the signature is pending
    ResponseEntity<Map<String, Object>> early = wjsClerk.post("/api/tasks/" + task + "/complete", Map.of("decision", "approve"));
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody()).containsEntry("code", "error.sign-pending");
    assertThat(wjsReviewer.getList("/api/signs").getBody()).anySatisfy(s -> assertThat(s).containsEntry("taskId", task));
    assertThat(wjsClerk.post("/api/signs/" + signId, Map.of("decision", "approve")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(wjsReviewer.post("/api/signs/" + signId, Map.of("decision", "approve", "opinion", "同意")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(wjsClerk.post("/api/tasks/" + task + "/complete", Map.of("decision", "approve")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(actions(c.id)).contains("add_signer", "sign_approved");
  }

  @Test
  void shouldCopyReadOnlyToColleaguesOfTheRegion() {
    // given
    Case c = submitted();
    String task = wjsClerk.taskId(c.number, DibaoProcess.TASK_ACCEPT);
    // when
    assertThat(wjsClerk.post("/api/tasks/" + task + "/cc", Map.of("userIds", List.of("jjl-clerk"))).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wjsClerk.post("/api/tasks/" + task + "/cc", Map.of("userIds", List.of("qu-approver"))).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    // then: it is in the approver's 抄送我的, who may read the case but not act on the task
    Map<String, Object> copies = approver.get("/api/tasks?scope=cc").getBody();
    assertThat(list(copies.get("items"))).anySatisfy(t -> assertThat(map(t)).containsEntry("id", task));
    assertThat(approver.get("/api/applications/" + c.id).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(approver.post("/api/tasks/" + task + "/complete", Map.of("decision", "approve")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(notifications(approver)).anySatisfy(n -> assertThat(n).containsEntry("kind", "cc"));
  }

  @Test
  void shouldUrgeOnlyOverdueTasks() {
    // given
    Case c = submitted();
    String task = wjsClerk.taskId(c.number, DibaoProcess.TASK_ACCEPT);
    // when / then: not overdue → 400; a clerk may not urge → 403
    ResponseEntity<Map<String, Object>> early = wjsReviewer.post("/api/tasks/" + task + "/urge", Map.of("message", "请尽快"));
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(early.getBody()).containsEntry("code", "error.not-overdue");
    assertThat(wjsClerk.post("/api/tasks/" + task + "/urge", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // when the due date has passed
    taskService.setDueDate(task, new Date(System.currentTimeMillis() - 3_600_000));
    assertThat(wjsReviewer.post("/api/tasks/" + task + "/urge", Map.of("message", "请尽快")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    // then: the candidates (the street's clerks) are told; the overdue list shows it
    assertThat(notifications(wjsClerk)).anySatisfy(n -> assertThat(n).containsEntry("kind", "urged"));
    assertThat(wjsClerk.get("/api/notifications/count").getBody().get("unread")).isNotEqualTo(0);
    Map<String, Object> overdue = wjsReviewer.get("/api/overdue").getBody();
    assertThat(list(overdue.get("tasks"))).anySatisfy(t -> assertThat(map(t)).containsEntry("id", task));
    assertThat(jjlClerk.post("/api/tasks/" + task + "/urge", Map.of()).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
  }

  @Test
  void shouldReturnToAChosenEarlierStageAndTellWhoWorkedIt() {
    // given: a case at the district
    Case c = toDistrict();
    String task = approver.taskId(c.number, DibaoProcess.TASK_DISTRICT_APPROVE);
    assertThat(list(approver.get("/api/tasks/" + task).getBody().get("returnTargets")))
        .containsExactly(DibaoProcess.TASK_STREET_REVIEW, DibaoProcess.TASK_INVESTIGATE);
    // when: an unknown target is refused, investigation is accepted
    Map<String, Object> bad = Map.of("decision", "return", "opinion", "x", "data", Map.of("returnTo", "Task_Accept"));
    assertThat(approver.post("/api/tasks/" + task + "/complete", bad).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    Map<String, Object> back = Map.of("decision", "return", "opinion", "家庭财产情况需重新核查",
        "data", Map.of("returnTo", DibaoProcess.TASK_INVESTIGATE));
    assertThat(approver.post("/api/tasks/" + task + "/complete", back).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    // then
    assertThat(wjsClerk.get("/api/applications/" + c.id).getBody()).containsEntry("stage", DibaoProcess.TASK_INVESTIGATE);
    assertThat(wjsClerk.taskId(c.number, DibaoProcess.TASK_INVESTIGATE)).isNotBlank();
    assertThat(notifications(wjsClerk)).anySatisfy(n -> assertThat(n).containsEntry("kind", "returned")
        .containsEntry("applicationId", c.id.intValue()));
    assertThat(wjsClerk.getList("/api/applications/" + c.id + "/history").getBody())
        .anySatisfy(e -> assertThat(e).containsEntry("action", "return").containsEntry("opinion", "家庭财产情况需重新核查"));
  }

  @Test
  void shouldRefuseWithdrawalAfterTheDecisionAndIssueANoticeBefore() {
    // given: one case decided, one still open
    Case decided = toDistrict();
    complete(approver, decided.number, DibaoProcess.TASK_DISTRICT_APPROVE, Map.of("decision", "approve"));
    Case open = submitted();
    // then
    assertThat(wjsClerk.post("/api/applications/" + decided.id + "/withdraw", Map.of("reason", "申请人要求")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(wjsClerk.post("/api/applications/" + open.id + "/withdraw", Map.of("reason", "申请人书面要求撤回")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    Map<String, Object> withdrawn = wjsClerk.get("/api/applications/" + open.id).getBody();
    assertThat(withdrawn).containsEntry("status", "withdrawn");
    assertThat(list(withdrawn.get("notices"))).anySatisfy(n -> assertThat(map(n)).containsEntry("kind", "withdrawn"));
  }

  @Test
  void shouldStartTheStatutoryClockAtAcceptanceAndExtendItOnceWithAReason() {
    // given
    Case c = submitted();
    complete(wjsClerk, c.number, DibaoProcess.TASK_ACCEPT, Map.of("decision", "approve"));
    String due = (String) wjsClerk.get("/api/applications/" + c.id).getBody().get("procedureDue");
    assertThat(due).isNotNull();
    // 30 working days by the official calendar (weekends only past the last year it holds)
    assertThat(due).isEqualTo(workdays.addLenient(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), 30).toString());
    // when
    assertThat(wjsClerk.post("/api/applications/" + c.id + "/extend", Map.of("reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(wjsReviewer.post("/api/applications/" + c.id + "/extend", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<Map<String, Object>> extended = wjsReviewer.post("/api/applications/" + c.id + "/extend",
        Map.of("reason", "需等待跨省信息核对结果"));
    // then
    assertThat(extended.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((String) extended.getBody().get("procedureDue")).isGreaterThan(due);
    assertThat(wjsReviewer.post("/api/applications/" + c.id + "/extend", Map.of("reason", "again")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void shouldRemindTheDayBeforeATaskFallsDue() {
    // given: a task assigned to the clerk, due tomorrow
    Case c = submitted();
    String task = wjsClerk.taskId(c.number, DibaoProcess.TASK_ACCEPT);
    assertThat(wjsClerk.post("/api/tasks/" + task + "/claim", Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    taskService.setDueDate(task, new Date(System.currentTimeMillis() + 24L * 3600 * 1000));
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis()));
    // when
    dueReminder.remindDueTomorrow();
    dueReminder.remindDueTomorrow();
    // then: told once
    assertThat(notifications(wjsClerk).stream().filter(n -> "due_tomorrow".equals(n.get("kind")) && task.equals(n.get("taskId"))))
        .hasSize(1);
  }

  // ---- helpers

  private record Case(Long id, String number) {
  }

  private Case submitted() {
    ResponseEntity<Map<String, Object>> created = wjsClerk.post("/api/applications", Applications.dibao(Applications.WJS_COMMUNITY));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return new Case(((Number) created.getBody().get("id")).longValue(), (String) created.getBody().get("number"));
  }

  private Case toDistrict() {
    Case c = submitted();
    complete(wjsClerk, c.number, DibaoProcess.TASK_ACCEPT, Map.of("decision", "approve"));
    complete(wjsClerk, c.number, DibaoProcess.TASK_INVESTIGATE, Map.of("decision", "approve", "data",
        Map.of("investigator1", "王五", "investigator2", "赵六", "visitDate", "2026-11-18", "verificationResult", "consistent",
            "skipReason", "情况清楚")));
    complete(wjsReviewer, c.number, DibaoProcess.TASK_STREET_REVIEW, Map.of("decision", "approve"));
    String processInstanceId = (String) wjsClerk.get("/api/applications/" + c.id).getBody().get("processInstanceId");
    Job timer = PublicNoticeTimer.of(management, runtime, processInstanceId);
    management.executeJob(timer.getId());
    return c;
  }

  private void complete(ApiClient client, String number, String taskKey, Map<String, Object> body) {
    ResponseEntity<Map<String, Object>> answer = client.post("/api/tasks/" + client.taskId(number, taskKey) + "/complete",
        new HashMap<>(body));
    assertThat(answer.getStatusCode()).as("%s: %s", taskKey, answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private List<Map<String, Object>> notifications(ApiClient client) {
    return client.getList("/api/notifications?size=100").getBody();
  }

  private List<Object> actions(Long applicationId) {
    return wjsClerk.getList("/api/applications/" + applicationId + "/history").getBody().stream()
        .map(e -> e.get("action")).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }
}
