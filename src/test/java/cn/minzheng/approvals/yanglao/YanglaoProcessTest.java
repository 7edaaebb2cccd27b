package cn.minzheng.approvals.yanglao;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.ApplicationStatus;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.YanglaoCases;

/**
 * Every path of processes/yanglao.bpmn with the shared stages it calls (acceptance, appeal), on the real
 * engine and PostgreSQL with the real delegates: grade, placement, the 轮候 queue, notices.
 */
@IntegrationTest
class YanglaoProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired YanglaoBedMapper bedMapper;
  @Autowired YanglaoBeds beds;
  @Autowired TaskService taskService;
  @Autowired cn.minzheng.approvals.notice.NoticeMapper noticeMapper;
  @Autowired cn.minzheng.approvals.region.RegionService regions;
  @Autowired cn.minzheng.approvals.calendar.WorkdayCalendar workdays;
  @Autowired YanglaoProperties properties;

  YanglaoCases cases;

  @BeforeEach
  void init() {
    cases = new YanglaoCases(engine, applications, notices, users, bedMapper);
  }

  @Test
  void shouldBeDeployedWithItsDecisionTableAndForms() {
    var repository = engine.getRepositoryService();
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey(YanglaoProcess.KEY).latestVersion()
        .singleResult();
    Assertions.assertThat(definition.getResourceName()).isEqualTo("processes/yanglao.bpmn");
    Assertions.assertThat(repository.getDeploymentResourceNames(definition.getDeploymentId())).contains(
        "processes/yanglao-ability-grade.dmn", "forms/yanglao-assess.form", "forms/yanglao-decide.form");
  }

  @Test
  void shouldPlaceInTheWishedInstitutionAndIssueAdmissionNoticeAndAgreementWhenApproved() {
    // given
    String home = cases.institution(1, 1);
    Case s = cases.submit(home);
    assertThat(s.pi()).isWaitingAt(YanglaoProcess.CALL_ACCEPTANCE);
    cases.on.decide(s, "approve");
    assertThat(s.pi()).isWaitingAt(YanglaoProcess.TASK_ASSESS).task().hasCandidateGroup("420112001000-clerk");
    cases.assess(s, YanglaoCases.MILD);
    assertThat(s.pi()).isWaitingAt(YanglaoProcess.TASK_DECIDE).task().hasCandidateGroup("420112000000-approver");
    Assertions.assertThat(runtimeService().getVariable(s.pi().getId(), YanglaoProcess.VAR_GRADE)).isEqualTo("能力轻度受损（轻度失能）");
    // when
    cases.approve(s);
    // then
    assertThat(s.pi()).hasPassedInOrder(YanglaoProcess.CALL_ACCEPTANCE, YanglaoProcess.TASK_ASSESS,
        YanglaoProcess.SERVICE_GRADE, YanglaoProcess.TASK_DECIDE, YanglaoProcess.SERVICE_PLACE,
        YanglaoProcess.SERVICE_NOTICE_ADMISSION, YanglaoProcess.SERVICE_NOTICE_AGREEMENT, YanglaoProcess.END_PLACED)
        .hasNotPassed(YanglaoProcess.WAIT_BED).isEnded();
    var app = cases.application(s);
    Assertions.assertThat(app.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    Assertions.assertThat(app.getDataJson()).contains("\"institutionCode\":\"" + home + "\"", "\"bed\":\"P1\"",
        "\"abilityGrade\":\"能力轻度受损（轻度失能）\"");
    Assertions.assertThat(cases.on.noticeKinds(s)).containsExactly("accepted", "approved", "certificate");
    String agreement = content(s, 2);
    Assertions.assertThat(agreement).contains("养老机构服务协议", "测试养老院" + home, "王小明（儿子）", "能力轻度受损（轻度失能）", "1800",
        "协议期限", "终止", "责任");
    Assertions.assertThat(content(s, 1)).contains("入住通知书", "P1");
  }

  @Test
  void shouldGiveANursingBedWhenTheGradeNeedsNursing() {
    // given
    String home = cases.institution(2, 1);
    Case s = cases.atDecision(home, YanglaoCases.SEVERE);
    Assertions.assertThat(runtimeService().getVariable(s.pi().getId(), YanglaoProcess.VAR_GRADE)).isEqualTo("能力重度受损（重度失能）");
    // when
    cases.approve(s);
    // then
    assertThat(s.pi()).hasPassed(YanglaoProcess.END_PLACED).isEnded();
    Assertions.assertThat(cases.application(s).getDataJson()).contains("\"bed\":\"N1\"");
  }

  @Test
  void shouldReturnToAssessmentWhenTheDistrictReturns() {
    // given
    Case s = cases.atDecision(cases.institution(1, 0));
    // when
    cases.on.decide(s, "return", "opinion", "评估员须为两人且不同");
    // then
    assertThat(s.pi()).isWaitingAt(YanglaoProcess.TASK_ASSESS);
    cases.assess(s, YanglaoCases.MILD);
    assertThat(s.pi()).isWaitingAt(YanglaoProcess.TASK_DECIDE);
    cases.approve(s);
    assertThat(s.pi()).hasPassedInOrder(YanglaoProcess.TASK_ASSESS, YanglaoProcess.SERVICE_GRADE, YanglaoProcess.TASK_DECIDE,
        YanglaoProcess.TASK_ASSESS, YanglaoProcess.SERVICE_GRADE, YanglaoProcess.TASK_DECIDE, YanglaoProcess.SERVICE_PLACE,
        YanglaoProcess.END_PLACED).isEnded();
  }

  // ---- 轮候 queue

  @Test
  void shouldWaitInTheQueueAndBePlacedWhenABedFrees() {
    // given: the only bed is taken
    String home = cases.institution(1, 0);
    Case first = cases.atDecision(home);
    cases.approve(first);
    Case s = cases.atDecision(home);
    // when
    cases.approve(s);
    // then: 轮候, with the 轮候通知书
    assertThat(s.pi()).hasPassedInOrder(YanglaoProcess.SERVICE_PLACE, YanglaoProcess.SERVICE_NOTICE_QUEUED)
        .isWaitingAt(YanglaoProcess.WAIT_BED);
    Assertions.assertThat(cases.application(s).getStatus()).isEqualTo(ApplicationStatus.WAITING);
    Assertions.assertThat(cases.application(s).getStage()).isEqualTo(YanglaoProcess.WAIT_BED);
    Assertions.assertThat(beds.isQueued(s.applicationId())).isTrue();
    Assertions.assertThat(cases.on.noticeKinds(s)).containsExactly("accepted", "queued");
    // when the first resident leaves
    Long placed = beds.release(home, "P1", "420112000000");
    // then
    Assertions.assertThat(placed).isEqualTo(s.applicationId());
    assertThat(s.pi()).hasPassedInOrder(YanglaoProcess.SERVICE_PLACE, YanglaoProcess.SERVICE_NOTICE_QUEUED,
        YanglaoProcess.WAIT_BED, YanglaoProcess.SERVICE_PLACE, YanglaoProcess.SERVICE_NOTICE_ADMISSION,
        YanglaoProcess.SERVICE_NOTICE_AGREEMENT, YanglaoProcess.END_PLACED).isEnded();
    Assertions.assertThat(cases.on.noticeKinds(s)).containsExactly("accepted", "queued", "approved", "certificate");
    Assertions.assertThat(cases.application(s).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    Assertions.assertThat(beds.isQueued(s.applicationId())).isFalse();
  }

  @Test
  void shouldPlaceTheHighestPriorityWaiterFirstThenTheEarliest() {
    // given: the one bed taken; an ordinary elder, then a 高龄 one, then a 特困 one wait
    String home = cases.institution(1, 0);
    cases.approve(cases.atDecision(home));
    Case ordinary = cases.atDecision(home);
    cases.approve(ordinary);
    Case aged = cases.atDecision(home, "aged80");
    cases.approve(aged);
    Case tekun = cases.atDecision(home, "tekun");
    cases.approve(tekun);
    // when / then: 特困 first, then 高龄, then the ordinary elder
    Assertions.assertThat(beds.release(home, "P1", "420112000000")).isEqualTo(tekun.applicationId());
    Assertions.assertThat(beds.release(home, "P1", "420112000000")).isEqualTo(aged.applicationId());
    Assertions.assertThat(beds.release(home, "P1", "420112000000")).isEqualTo(ordinary.applicationId());
    assertThat(ordinary.pi()).isEnded();
    Assertions.assertThat(beds.release(home, "P1", "420112000000")).isNull();
  }

  @Test
  void shouldGiveTheLastFreeBedToExactlyOneOfTwoConcurrentPlacements() throws Exception {
    // given: two cases at the decision, one free bed
    String home = cases.institution(1, 0);
    Case a = cases.atDecision(home);
    Case b = cases.atDecision(home);
    String taskA = cases.on.task(a).getId();
    String taskB = cases.on.task(b).getId();
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // when: both are approved at the same moment
      List<Future<?>> done = new ArrayList<>();
      for (String task : List.of(taskA, taskB)) {
        done.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          taskService.complete(task, java.util.Map.of(ProcessVariables.DECISION, "approve",
              ProcessVariables.DECIDED_BY, "qu-approver", "monthlyFee", "1800"));
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    // then: exactly one holds the bed, the other waits in the queue
    List<String> statuses = List.of(cases.application(a).getStatus(), cases.application(b).getStatus());
    Assertions.assertThat(statuses).containsExactlyInAnyOrder(ApplicationStatus.APPROVED, ApplicationStatus.WAITING);
    Case waiting = ApplicationStatus.WAITING.equals(statuses.get(0)) ? a : b;
    Case placed = waiting == a ? b : a;
    assertThat(placed.pi()).hasPassed(YanglaoProcess.END_PLACED).isEnded();
    assertThat(waiting.pi()).isWaitingAt(YanglaoProcess.WAIT_BED);
    Assertions.assertThat(bedMapper.findBedOf(placed.applicationId()).bedNo()).isEqualTo("P1");
    Assertions.assertThat(bedMapper.findBedOf(waiting.applicationId())).isNull();
    Assertions.assertThat(beds.isQueued(waiting.applicationId())).isTrue();
    Assertions.assertThat(bedMapper.findInstitution(home).freeBeds()).isZero();
  }

  @Test
  void shouldTellTheWaiterItsPlaceInstitutionAndPriorityInTheQueueNotice() {
    // given: the one bed taken; a 特困 elder already waits
    String home = cases.institution(1, 0);
    cases.approve(cases.atDecision(home));
    cases.approve(cases.atDecision(home, "tekun"));
    Case s = cases.atDecision(home, "aged80");
    // when
    cases.approve(s);
    // then: second in the queue, behind the 特困 elder
    assertThat(s.pi()).hasPassedInOrder(YanglaoProcess.SERVICE_NOTICE_QUEUED).isWaitingAt(YanglaoProcess.WAIT_BED);
    String notice = noticeMapper.findById(cases.on.notice(s, "queued").getId()).getContentHtml();
    Assertions.assertThat(notice).contains("轮候通知书", "第 2 位", "测试养老院" + home, "高龄老年人（第四优先）",
        "能力轻度受损（轻度失能）", "特困人员优先", "入住通知书", "15日内", "撤回申请", "东西湖区民政局");
    Assertions.assertThat(cases.application(s).getDataJson()).contains("\"queuedPosition\":2", "\"queuedPriority\":\"aged80\"");
  }

  // ---- due dates from configuration (approvals.yanglao.due-days.*)

  @Test
  void shouldTakeTheDueDatesOfItsTasksFromConfiguration() {
    YanglaoProperties.DueDays due = properties.getDueDays();
    int accept = due.getAccept();
    int assess = due.getAssess();
    int decide = due.getDecide();
    try {
      // given: other figures than the defaults
      due.setAccept(2);
      due.setAssess(3);
      due.setDecide(7);
      // when
      Case s = cases.submit(cases.institution(1, 0));
      // then: each task is due that many working days after it arrives
      Assertions.assertThat(cases.on.task(s).getDueDate().getTime()).isEqualTo(workdays.dueIn(2).getTime());
      cases.on.decide(s, "approve");
      Assertions.assertThat(cases.on.task(s).getTaskDefinitionKey()).isEqualTo(YanglaoProcess.TASK_ASSESS);
      Assertions.assertThat(cases.on.task(s).getDueDate().getTime()).isEqualTo(workdays.dueIn(3).getTime());
      cases.assess(s, YanglaoCases.MILD);
      Assertions.assertThat(cases.on.task(s).getTaskDefinitionKey()).isEqualTo(YanglaoProcess.TASK_DECIDE);
      Assertions.assertThat(cases.on.task(s).getDueDate().getTime()).isEqualTo(workdays.dueIn(7).getTime());
      Assertions.assertThat(workdays.dueIn(7)).isNotEqualTo(workdays.dueIn(decide));
    } finally {
      due.setAccept(accept);
      due.setAssess(assess);
      due.setDecide(decide);
    }
    // and the defaults again for the next case
    Case later = cases.submit(cases.institution(1, 0));
    Assertions.assertThat(cases.on.task(later).getDueDate().getTime()).isEqualTo(workdays.dueIn(accept).getTime());
  }

  // ---- refusal and appeal (shared stage)

  @Test
  void shouldIssueRefusalWithRightsAndUpholdItOnAppeal() {
    // given
    Case s = refused();
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, s.key());
    assertThat(cases.on.stage(s, SharedStages.APPEAL)).isWaitingAt(SharedStages.TASK_DECIDE_APPEAL).task()
        .hasCandidateGroup("420112000000-approver");
    // when
    cases.on.decide(s, "reject", "opinion", "复核确认申请人有法定赡养人且能够赡养");
    // then
    Assertions.assertThat(cases.on.passedIn(s, SharedStages.APPEAL)).containsSubsequence(SharedStages.TASK_DECIDE_APPEAL,
        SharedStages.SERVICE_NOTICE_APPEAL_DECISION, SharedStages.END_REFUSAL_UPHELD);
    assertThat(s.pi()).hasPassedInOrder(YanglaoProcess.SERVICE_NOTICE_REJECTED, YanglaoProcess.CALL_APPEAL,
        YanglaoProcess.END_REFUSED).isEnded();
    Assertions.assertThat(cases.application(s).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
    Assertions.assertThat(cases.on.noticeKinds(s)).containsExactly("accepted", "rejected", "appeal_decision");
  }

  @Test
  void shouldReopenTheDecisionWhenTheAppealSucceeds() {
    // given
    Case s = refused();
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, s.key());
    // when
    cases.on.decide(s, "approve", "appealFacts", "补充了子女无赡养能力的证明");
    // then
    assertThat(s.pi()).hasPassed(YanglaoProcess.BOUNDARY_REOPENED).isWaitingAt(YanglaoProcess.TASK_DECIDE);
    cases.approve(s);
    assertThat(s.pi()).hasPassedInOrder(YanglaoProcess.BOUNDARY_REOPENED, YanglaoProcess.TASK_DECIDE,
        YanglaoProcess.SERVICE_PLACE, YanglaoProcess.END_PLACED).isEnded();
    Assertions.assertThat(cases.application(s).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
  }

  @Test
  void shouldEndRefusedWhenTheAppealWindowPassesWithoutAppeal() {
    // given
    Case s = refused();
    // when
    execute(cases.on.timer(s));
    // then
    Assertions.assertThat(cases.on.passedIn(s, SharedStages.APPEAL)).containsSubsequence(
        SharedStages.TIMER_APPEAL_WINDOW, SharedStages.END_NO_APPEAL);
    assertThat(s.pi()).hasPassedInOrder(YanglaoProcess.CALL_APPEAL, YanglaoProcess.END_REFUSED).isEnded();
    Assertions.assertThat(cases.application(s).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
  }

  // ---- 受理 (shared stage)

  @Test
  void shouldEndNotAcceptedWhenRefusedAtAcceptance() {
    // given
    Case s = cases.submit(cases.institution(1, 0));
    // when
    cases.on.decide(s, "reject", "opinion", "申请人户籍不在本区");
    // then
    assertThat(s.pi()).hasPassedInOrder(YanglaoProcess.BOUNDARY_NOT_ACCEPTED, YanglaoProcess.END_NOT_ACCEPTED)
        .hasNotPassed(YanglaoProcess.TASK_ASSESS).isEnded();
    Assertions.assertThat(cases.application(s).getStatus()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
    Assertions.assertThat(cases.on.noticeKinds(s)).containsExactly("not_accepted");
  }

  // ---- §0: every negative notice of the type carries the mandatory content

  @Test
  void shouldPutEveryMandatoryElementIntoEachNegativeNotice() {
    // given: one case refused at 受理, one refused at the decision and upheld on appeal
    Case notAccepted = cases.submit(cases.institution(1, 0));
    cases.on.decide(notAccepted, "reject", "opinion", "申请人户籍不在本区");
    Case s = refused();
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, s.key());
    cases.on.decide(s, "reject", "opinion", "复核确认申请人有法定赡养人且能够赡养");
    // then
    mandatory(notAccepted, "not_accepted", "不予受理", "申请人户籍不在本区");
    mandatory(s, "rejected", "不予入住决定书", "申请人有法定赡养人且能够赡养");
    mandatory(s, "appeal_decision", "复核决定书", "复核确认申请人有法定赡养人且能够赡养");
  }

  /** domain.md §0: organ, 文号, date, seal; applicant with masked ID; item and date received; decision; facts and
   * reasons; legal basis with articles; 复议 body and 60 days; court and 6 months. */
  private void mandatory(Case c, String kind, String title, String reasons) {
    var notice = cases.on.notice(c, kind);
    String html = noticeMapper.findById(notice.getId()).getContentHtml();
    var app = cases.application(c);
    var district = regions.find(app.getDistrictCode()).orElseThrow();
    var organ = regions.find(notice.getOrganCode()).orElseThrow();
    Assertions.assertThat(html).as(kind)
        .contains(title, organ.getOrganName(), notice.getDocNumber(), "（印章）")
        .containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日")
        .contains(app.getApplicantName(), cn.minzheng.approvals.common.IdNumbers.mask(app.getApplicantIdNumber()))
        .doesNotContain(app.getApplicantIdNumber())
        .contains("福利院、养老机构入住", app.getNumber(), "收到申请日期", "决定", "事实和理由：", reasons)
        .contains("法律依据：", "《养老机构管理办法》（民政部令第66号）第十四条、第十五条",
            "《中华人民共和国老年人权益保障法》第三十一条、第四十八条")
        .contains("60日", district.getReviewBody(), "行政复议", "6个月", district.getCourt(), "行政诉讼");
    Assertions.assertThat(notice.getDocNumber()).matches(".+〔\\d{4}〕\\d+号");
  }

  /** The HTML of the case's n-th notice. */
  private String content(Case s, int n) {
    return noticeMapper.findById(notices.ofApplication(s.applicationId()).get(n).getId()).getContentHtml();
  }

  private Case refused() {
    Case s = cases.atDecision(cases.institution(1, 0));
    cases.on.decide(s, "reject", "opinion", "申请人有法定赡养人且能够赡养", ProcessVariables.REFUSED_BY, "qu-approver");
    assertThat(s.pi()).isWaitingAt(YanglaoProcess.CALL_APPEAL);
    Assertions.assertThat(cases.application(s).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
    String refusal = content(s, 1);
    Assertions.assertThat(refusal).contains("不予入住决定书", "行政复议", "行政诉讼", "养老机构管理办法");
    return s;
  }
}
