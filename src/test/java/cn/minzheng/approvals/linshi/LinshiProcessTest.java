package cn.minzheng.approvals.linshi;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.math.BigDecimal;
import java.util.Date;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.ApplicationStatus;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.TestIds;
import cn.minzheng.approvals.web.ApiException;

/**
 * Every path of processes/linshi.bpmn (临时救助) and the shared stages it calls, on the real engine and
 * PostgreSQL with the real delegates: 先行救助, 容缺受理 (supplemented / refused / overdue), 民主评议, 公示 with
 * 异议, 分级审批 (street / district), approval with a set amount, refusal and the appeal, and the once-a-year rule.
 */
@IntegrationTest
class LinshiProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired ManagementService management;
  @Autowired cn.minzheng.approvals.application.InstalmentMapper instalments;

  LinshiCases cases;
  DibaoCases walk;

  @BeforeEach
  void init() {
    cases = new LinshiCases(engine, applications, notices, users);
    walk = cases.walk;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldBeDeployedWithItsDecisionTableAndForms() {
    var repository = engine.getRepositoryService();
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey(LinshiProcess.KEY).latestVersion()
        .singleResult();
    Assertions.assertThat(definition.getResourceName()).isEqualTo("processes/linshi.bpmn");
    Assertions.assertThat(repository.getDeploymentResourceNames(definition.getDeploymentId())).contains(
        "processes/linshi-approval-level.dmn", "processes/dibao-standard.dmn", "forms/linshi-advance.form",
        "forms/linshi-supplement.form", "forms/linshi-approve.form");
  }

  // ---- 先行救助

  @Test
  void shouldPayAdvanceAtOnceAndCompleteThePapersWithinTheDeadlineWhenEmergency() {
    // given
    Case s = cases.submit("emergency", true, 1000, true);
    assertThat(s.pi()).isWaitingAt(LinshiProcess.TASK_ADVANCE_RELIEF).task().hasCandidateGroup("420112001000-reviewer");
    Assertions.assertThat(walk.task(s).getDueDate()).isNotNull();
    // when
    walk.decide(s, "approve", LinshiProcess.VAR_ADVANCE_AMOUNT, 500, "note", "已现金发放");
    // then: a 先行救助告知书 states the amount, the deadline and what happens otherwise
    assertThat(s.pi()).hasPassedInOrder(LinshiProcess.TASK_ADVANCE_RELIEF, LinshiProcess.SERVICE_RECORD_ADVANCE,
        LinshiProcess.SERVICE_NOTICE_ADVANCE).isWaitingAt(LinshiProcess.CALL_ACCEPTANCE);
    Assertions.assertThat(walk.noticeKinds(s)).containsExactly("advance_relief");
    var notice = walk.notice(s, "advance_relief");
    Assertions.assertThat(notice.getDocNumber()).startsWith("吴");
    Assertions.assertThat(notice.getContentHtml()).contains("先行救助告知书", "500.00元", "5个工作日内", "补齐申请材料",
        "不予受理", "依法予以追回", "吴家山街道办事处", "（印章）").doesNotContain(walk.application(s).getApplicantIdNumber());
    Assertions.assertThat(walk.application(s).getDataJson()).contains("\"advanceAmount\":\"500.00\"", "paperDue");
    // and the papers are completed at 受理 within approvals.linshi.paper-deadline (5 wd)
    assertThat(walk.stage(s, SharedStages.ACCEPTANCE)).variables().containsEntry("acceptDueDays", 5)
        .containsEntry(LinshiProcess.VAR_ADVANCE_AMOUNT, 500);
    Assertions.assertThat(walk.task(s).getDueDate()).isNotNull();
    walk.decide(s, "approve");
    assertThat(s.pi()).isWaitingAt(LinshiProcess.TASK_INVESTIGATE);
  }

  @Test
  void shouldSkipAdvanceWhenEmergencyWithoutAdvance() {
    Case s = cases.submit("emergency", false, 1000, true);
    assertThat(s.pi()).isWaitingAt(LinshiProcess.CALL_ACCEPTANCE).hasNotPassed(LinshiProcess.TASK_ADVANCE_RELIEF);
  }

  // ---- 受理 (shared stage)

  @Test
  void shouldEndNotAcceptedWhenRefusedAtAcceptance() {
    Case s = cases.submit("expense", false, 1000, true);
    walk.decide(s, "reject", ProcessVariables.OPINION, "申请事由不属于临时救助范围");
    assertThat(s.pi()).hasPassedInOrder(LinshiProcess.BOUNDARY_NOT_ACCEPTED, LinshiProcess.END_NOT_ACCEPTED).isEnded();
    Assertions.assertThat(walk.application(s).getStatus()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
    Assertions.assertThat(walk.noticeKinds(s)).containsExactly("not_accepted");
  }

  // ---- 容缺受理

  @Test
  void shouldInvestigateWhenMissingMaterialsAreSupplemented() {
    // given: accepted although the 住院费用清单 is not provided
    Case s = cases.submit("expense", false, 1000, false);
    walk.decide(s, "approve");
    assertThat(s.pi()).hasPassed(LinshiProcess.SERVICE_CHECK_MATERIALS).isWaitingAt(LinshiProcess.TASK_SUPPLEMENT)
        .task().hasCandidateGroup("420112001000-clerk");
    Assertions.assertThat(walk.timer(s).getDuedate()).isEqualTo(walk.task(s).getDueDate());
    // when
    walk.decide(s, "approve", "supplementedOn", "2026-11-25");
    // then
    assertThat(s.pi()).isWaitingAt(LinshiProcess.TASK_INVESTIGATE);
    Assertions.assertThat(management.createJobQuery().processInstanceId(s.pi().getId()).timers().count()).isZero();
  }

  @Test
  void shouldEndNotAcceptedWhenTheClerkRecordsThatMaterialsWereNotSupplemented() {
    Case s = cases.submit("expense", false, 1000, false);
    walk.decide(s, "approve");
    walk.decide(s, "reject", ProcessVariables.OPINION, "未补齐");
    assertThat(s.pi()).hasPassedInOrder(LinshiProcess.TASK_SUPPLEMENT, LinshiProcess.SERVICE_NOTICE_SUPPLEMENT_MISSED,
        LinshiProcess.END_SUPPLEMENT_MISSED).isEnded();
    Assertions.assertThat(walk.application(s).getStatus()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
    Assertions.assertThat(walk.noticeKinds(s)).containsExactly("accepted", "not_accepted");
  }

  @Test
  void shouldEndNotAcceptedWhenTheSupplementDeadlinePasses() {
    // given
    Case s = cases.submit("emergency", false, 1000, false);
    walk.decide(s, "approve");
    Job timer = walk.timer(s);
    Assertions.assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isZero();
    // when: the clock passes the 10 working days
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    execute(timer);
    // then
    assertThat(s.pi()).hasPassedInOrder(LinshiProcess.BOUNDARY_SUPPLEMENT_OVERDUE,
        LinshiProcess.SERVICE_NOTICE_SUPPLEMENT_MISSED, LinshiProcess.END_SUPPLEMENT_MISSED)
        .hasNotPassed(LinshiProcess.TASK_INVESTIGATE).isEnded();
    Assertions.assertThat(walk.application(s).getStatus()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
    Assertions.assertThat(walk.noticeKinds(s)).containsExactly("accepted", "not_accepted");
  }

  // ---- 调查, 民主评议, 公示

  @Test
  void shouldHoldDemocraticReviewAndReturnToInvestigation() {
    Case s = cases.accepted(1000);
    cases.investigate(s, true);
    assertThat(s.pi()).isWaitingAt(LinshiProcess.TASK_DEMOCRATIC_REVIEW);
    walk.decide(s, "return", ProcessVariables.OPINION, "需核实医疗费用");
    assertThat(s.pi()).isWaitingAt(LinshiProcess.TASK_INVESTIGATE);
    cases.investigate(s, true);
    walk.decide(s, "approve", "reviewDate", "2026-11-20", "result", "评议通过");
    assertThat(s.pi()).isWaitingAt(LinshiProcess.CALL_PUBLIC_NOTICE);
    Assertions.assertThat(walk.noticeKinds(s)).containsExactly("accepted", "publicity");
  }

  @Test
  void shouldReinvestigateWhenObjectionArrivesDuringPublicNotice() {
    Case s = cases.accepted(1000);
    cases.investigate(s, false);
    assertThat(s.pi()).hasNotPassed(LinshiProcess.TASK_DEMOCRATIC_REVIEW).isWaitingAt(LinshiProcess.CALL_PUBLIC_NOTICE);
    runtimeService().createMessageCorrelation(ProcessVariables.MESSAGE_OBJECTION).processInstanceBusinessKey(s.key())
        .setVariable(ProcessVariables.OPINION, "该户已获商业保险赔付").correlate();
    assertThat(s.pi()).hasPassed(LinshiProcess.BOUNDARY_OBJECTION).isWaitingAt(LinshiProcess.TASK_INVESTIGATE);
    Assertions.assertThat(walk.passedIn(s, SharedStages.PUBLIC_NOTICE)).contains(SharedStages.END_OBJECTION);
  }

  // ---- 分级审批

  @Test
  void shouldLetTheStreetApproveSmallAmountsWithTheAmountTheApproverSets() {
    // given: 2000 ≤ 3 × 830
    Case s = cases.atApproval(2000);
    assertThat(s.pi()).hasPassed(LinshiProcess.SERVICE_APPROVAL_LEVEL).isWaitingAt(LinshiProcess.TASK_STREET_APPROVE)
        .task().hasCandidateGroup("420112001000-reviewer");
    // when
    walk.decide(s, "approve", LinshiProcess.VAR_APPROVED_AMOUNT, 1500);
    // then
    assertThat(s.pi()).hasPassedInOrder(LinshiProcess.SERVICE_RECORD_AMOUNT, LinshiProcess.SERVICE_SCHEDULE_INSTALMENTS,
        LinshiProcess.SERVICE_NOTICE_APPROVED, LinshiProcess.END_APPROVED).isEnded();
    Assertions.assertThat(instalments.findByApplication(s.applicationId())).singleElement()
        .satisfies(i -> Assertions.assertThat(i.amount()).isEqualByComparingTo("1500"));
    var app = walk.application(s);
    Assertions.assertThat(app.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    Assertions.assertThat(app.getAmount()).isEqualByComparingTo(new BigDecimal("1500"));
    Assertions.assertThat(app.getStandardAmount()).isEqualByComparingTo(new BigDecimal("830"));
    Assertions.assertThat(walk.noticeKinds(s)).containsExactly("accepted", "publicity", "approved");
  }

  @Test
  void shouldLetTheDistrictApproveLargeAmountsWithTheRequestedAmount() {
    Case s = cases.atApproval(5000);
    assertThat(s.pi()).isWaitingAt(LinshiProcess.TASK_DISTRICT_APPROVE).task().hasCandidateGroup("420112000000-approver");
    walk.decide(s, "approve");
    assertThat(s.pi()).hasPassed(LinshiProcess.END_APPROVED).isEnded();
    Assertions.assertThat(walk.application(s).getAmount()).isEqualByComparingTo(new BigDecimal("5000"));
  }

  // ---- 一事一议 and 分次发放

  @Test
  void shouldHoldACountyCoordinationMeetingBeforeTheDistrictApprovesAHardCase() {
    // given: 9000 > 10 × 830, above the district's own limit
    Case s = cases.atApproval(9000);
    assertThat(s.pi()).hasPassed(LinshiProcess.SERVICE_APPROVAL_LEVEL).isWaitingAt(LinshiProcess.TASK_COORDINATION_MEETING)
        .task().hasCandidateGroup("420112000000-approver");
    Assertions.assertThat(runtimeService().getVariable(s.pi().getId(), LinshiProcess.VAR_APPROVAL_LEVEL))
        .isEqualTo(LinshiProcess.LEVEL_MEETING);
    Assertions.assertThat(walk.task(s).getDueDate()).isNotNull();
    // when: the meeting agrees to a reduced amount, paid in three monthly instalments by the district
    walk.decide(s, "approve", "meetingDate", "2026-11-26", "meetingDecision", "adjust", "meetingAmount", 8000,
        "minutes", "民政、医保、残联参会，议定按8000元分三次救助");
    assertThat(s.pi()).isWaitingAt(LinshiProcess.TASK_DISTRICT_APPROVE);
    walk.decide(s, "approve", LinshiProcess.VAR_APPROVED_AMOUNT, 8000, LinshiProcess.VAR_INSTALMENTS, 3,
        LinshiProcess.VAR_FIRST_PAYMENT_DATE, "2026-12-01", LinshiProcess.VAR_INTERVAL_MONTHS, 1);
    // then
    assertThat(s.pi()).hasPassedInOrder(LinshiProcess.SERVICE_APPROVAL_LEVEL, LinshiProcess.TASK_COORDINATION_MEETING,
        LinshiProcess.TASK_DISTRICT_APPROVE, LinshiProcess.SERVICE_RECORD_AMOUNT,
        LinshiProcess.SERVICE_SCHEDULE_INSTALMENTS, LinshiProcess.SERVICE_NOTICE_APPROVED, LinshiProcess.END_APPROVED)
        .hasNotPassed(LinshiProcess.TASK_STREET_APPROVE).isEnded();
    Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(s.pi().getId())
        .variableName("minutes").singleResult().getValue()).asString().contains("议定按8000元");
    Assertions.assertThat(instalments.findByApplication(s.applicationId()))
        .extracting(i -> i.seq(), i -> i.dueDate().toString(), i -> i.amount().toPlainString(), i -> i.status())
        .containsExactly(Assertions.tuple(1, "2026-12-01", "2666.66", "scheduled"),
            Assertions.tuple(2, "2027-01-01", "2666.66", "scheduled"),
            Assertions.tuple(3, "2027-02-01", "2666.68", "scheduled"));
  }

  @Test
  void shouldHoldTheMeetingAgainWhenAnAppealReopensARefusedHardCase() {
    Case s = cases.atApproval(9000);
    walk.decide(s, "approve", "meetingDate", "2026-11-26", "meetingDecision", "disagree", "minutes", "不同意");
    walk.decide(s, "reject", ProcessVariables.OPINION, "经协调会议研究不予救助", ProcessVariables.REFUSED_BY, "qu-approver");
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, s.key());
    walk.decide(s, "approve", "appealFacts", "补充了重大疾病诊断证明");
    assertThat(s.pi()).hasPassed(LinshiProcess.BOUNDARY_REOPENED).isWaitingAt(LinshiProcess.TASK_COORDINATION_MEETING);
  }

  @Test
  void shouldReturnToInvestigationWhenTheApproverReturns() {
    Case s = cases.atApproval(5000);
    walk.decide(s, "return", ProcessVariables.OPINION, "请补充支出票据核查");
    assertThat(s.pi()).isWaitingAt(LinshiProcess.TASK_INVESTIGATE);
  }

  // ---- refusal and the appeal (shared stage)

  @Test
  void shouldIssueAppealDecisionWhenTheStreetRefusalIsUpheld() {
    Case s = cases.atApproval(2000);
    walk.decide(s, "reject", ProcessVariables.OPINION, "家庭有足够存款", ProcessVariables.REFUSED_BY, "wjs-reviewer");
    assertThat(s.pi()).hasPassed(LinshiProcess.SERVICE_NOTICE_REJECTED).isWaitingAt(LinshiProcess.CALL_APPEAL);
    Assertions.assertThat(walk.application(s).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, s.key());
    assertThat(walk.stage(s, SharedStages.APPEAL)).isWaitingAt(SharedStages.TASK_DECIDE_APPEAL).task()
        .hasCandidateGroup("420112000000-approver");
    walk.decide(s, "reject", ProcessVariables.OPINION, "复核维持");
    assertThat(s.pi()).hasPassedInOrder(LinshiProcess.CALL_APPEAL, LinshiProcess.END_REFUSED).isEnded();
    Assertions.assertThat(walk.noticeKinds(s)).containsExactly("accepted", "publicity", "rejected", "appeal_decision");
  }

  @Test
  void shouldReopenAtTheSameLevelWhenTheAppealSucceeds() {
    Case s = cases.atApproval(5000);
    walk.decide(s, "reject", ProcessVariables.OPINION, "支出不属于刚性支出", ProcessVariables.REFUSED_BY, "qu-approver");
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, s.key());
    walk.decide(s, "approve", "appealFacts", "补充了医院费用清单");
    assertThat(s.pi()).hasPassed(LinshiProcess.BOUNDARY_REOPENED).isWaitingAt(LinshiProcess.TASK_DISTRICT_APPROVE);
    walk.decide(s, "approve");
    assertThat(s.pi()).hasPassed(LinshiProcess.END_APPROVED).isEnded();
    Assertions.assertThat(walk.application(s).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
  }

  @Test
  void shouldEndRefusedWhenTheAppealWindowPasses() {
    Case s = cases.atApproval(5000);
    walk.decide(s, "reject", ProcessVariables.OPINION, "支出不属于刚性支出", ProcessVariables.REFUSED_BY, "qu-approver");
    execute(walk.timer(s));
    assertThat(s.pi()).hasPassedInOrder(LinshiProcess.CALL_APPEAL, LinshiProcess.END_REFUSED).isEnded();
    Assertions.assertThat(walk.application(s).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
  }

  // ---- same cause at most once a year

  @Test
  void shouldRefuseTheSameCauseWithinAYearButAcceptAnotherCause() {
    // given: an approved 临时救助 for 重大疾病住院
    String idNumber = TestIds.random();
    Case first = cases.submit(LinshiCases.request(idNumber, "expense", false, "重大疾病住院", 2000, true));
    walk.decide(first, "approve");
    cases.investigate(first, false);
    execute(walk.timer(first));
    walk.decide(first, "approve");
    Assertions.assertThat(walk.application(first).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    // when: the same person applies again for the same cause
    Throwable refused = Assertions.catchThrowable(() -> cases.submit(
        LinshiCases.request(idNumber, "expense", false, "重大疾病住院", 1000, true)));
    // then
    Assertions.assertThat(refused).isInstanceOf(ApiException.class);
    Assertions.assertThat(((ApiException) refused).fieldProblems()).extracting(ApiException.FieldProblem::field,
        ApiException.FieldProblem::messageKey).containsExactly(Assertions.tuple("data.cause", "validation.linshi.same-cause"));
    // and another cause is fine: the approval did not keep the person open
    Case other = cases.submit(LinshiCases.request(idNumber, "emergency", false, "火灾", 1000, true));
    assertThat(other.pi()).isWaitingAt(LinshiProcess.CALL_ACCEPTANCE);
  }
}
