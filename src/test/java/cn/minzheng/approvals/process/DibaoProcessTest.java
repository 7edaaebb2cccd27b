package cn.minzheng.approvals.process;

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
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.IntegrationTest;

/**
 * Every path of processes/dibao.bpmn and of the shared stages it calls (stage-acceptance,
 * stage-public-notice, stage-appeal), on the real engine and PostgreSQL, with the real delegates
 * (notices, amount). Stages are completed on the engine as the inbox would, with the decision variables.
 */
@IntegrationTest
class DibaoProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired ManagementService management;

  DibaoCases cases;

  @BeforeEach
  void init() {
    cases = new DibaoCases(engine, applications, notices, users);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldBeDeployedFromTheRepositoryWithItsStagesFormsAndConfiguredRetention() {
    // when
    var repository = engine.getRepositoryService();
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey(DibaoProcess.KEY).latestVersion()
        .singleResult();
    // then
    Assertions.assertThat(definition.getResourceName()).isEqualTo("processes/dibao.bpmn");
    // approvals.retention.default-years 10: ⌈10 × 365.25⌉ days
    Assertions.assertThat(definition.getHistoryTimeToLive()).isEqualTo(3653);
    Assertions.assertThat(repository.getDeploymentResourceNames(definition.getDeploymentId())).contains(
        "processes/dibao-standard.dmn", "processes/stage-acceptance.bpmn", "processes/stage-public-notice.bpmn",
        "processes/stage-appeal.bpmn", "forms/stage-accept.form", "forms/dibao-investigate.form");
    for (String stage : new String[] {SharedStages.ACCEPTANCE, SharedStages.PUBLIC_NOTICE, SharedStages.APPEAL}) {
      Assertions.assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(stage).latestVersion()
          .singleResult().getHistoryTimeToLive()).isEqualTo(3653);
    }
  }

  // ---- 受理 (shared stage)

  @Test
  void shouldIssueAcceptanceNoticeAndInvestigateWhenAccepted() {
    // given
    Case s = cases.submit();
    assertThat(s.pi()).isWaitingAt(DibaoProcess.CALL_ACCEPTANCE);
    assertThat(cases.stage(s, SharedStages.ACCEPTANCE)).isWaitingAt(SharedStages.TASK_ACCEPT).task()
        .hasCandidateGroup("420112001000-clerk");
    Assertions.assertThat(cases.task(s).getDueDate()).isNotNull();
    // when
    cases.decide(s, "approve");
    // then
    assertThat(s.pi()).hasPassedInOrder(DibaoProcess.CALL_ACCEPTANCE).isWaitingAt(DibaoProcess.TASK_INVESTIGATE)
        .task().hasCandidateGroup("420112001000-clerk");
    Assertions.assertThat(cases.passedIn(s, SharedStages.ACCEPTANCE)).containsSubsequence(SharedStages.TASK_ACCEPT,
        SharedStages.SERVICE_NOTICE_ACCEPTED, SharedStages.END_ACCEPTED);
    Assertions.assertThat(cases.noticeKinds(s)).containsExactly("accepted");
    Assertions.assertThat(cases.application(s).getStage()).isEqualTo(DibaoProcess.TASK_INVESTIGATE);
  }

  @Test
  void shouldWaitForMaterialsAndAcceptAgainWhenSupplementIsResubmitted() {
    // given
    Case s = cases.submit();
    // when
    cases.decide(s, "supplement", "missing", "户口簿复印件\n收入证明");
    Assertions.assertThat(cases.waitingAt(s)).contains(SharedStages.TASK_AWAIT_SUPPLEMENT);
    cases.decide(s, "approve", "resubmittedOn", "2026-11-20");
    // then
    Assertions.assertThat(cases.waitingAt(s)).contains(SharedStages.TASK_ACCEPT);
    cases.decide(s, "approve");
    Assertions.assertThat(cases.passedIn(s, SharedStages.ACCEPTANCE)).containsSubsequence(SharedStages.TASK_ACCEPT,
        SharedStages.SERVICE_NOTICE_SUPPLEMENT, SharedStages.TASK_AWAIT_SUPPLEMENT, SharedStages.TASK_ACCEPT,
        SharedStages.SERVICE_NOTICE_ACCEPTED, SharedStages.END_ACCEPTED);
    assertThat(s.pi()).isWaitingAt(DibaoProcess.TASK_INVESTIGATE);
    Assertions.assertThat(cases.noticeKinds(s)).containsExactly("supplement", "accepted");
  }

  @Test
  void shouldEndNotAcceptedWhenRefusedAtAcceptance() {
    // given
    Case s = cases.submit();
    // when
    cases.decide(s, "reject", "opinion", "申请人户籍不在本街道");
    // then
    Assertions.assertThat(cases.passedIn(s, SharedStages.ACCEPTANCE)).containsSubsequence(SharedStages.TASK_ACCEPT,
        SharedStages.SERVICE_NOTICE_NOT_ACCEPTED, SharedStages.END_NOT_ACCEPTED);
    assertThat(s.pi()).hasPassedInOrder(DibaoProcess.BOUNDARY_NOT_ACCEPTED, DibaoProcess.END_NOT_ACCEPTED)
        .hasNotPassed(DibaoProcess.TASK_INVESTIGATE).isEnded();
    Assertions.assertThat(cases.application(s).getStatus()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
    Assertions.assertThat(cases.noticeKinds(s)).containsExactly("not_accepted");
  }

  @Test
  void shouldEndNotAcceptedWhenMaterialsNeverArrive() {
    // given
    Case s = cases.submit();
    cases.decide(s, "supplement", "missing", "收入证明");
    // when
    cases.decide(s, "reject", "opinion", "逾期未补正");
    // then
    Assertions.assertThat(cases.passedIn(s, SharedStages.ACCEPTANCE)).containsSubsequence(
        SharedStages.TASK_AWAIT_SUPPLEMENT, SharedStages.SERVICE_NOTICE_NOT_ACCEPTED, SharedStages.END_NOT_ACCEPTED);
    assertThat(s.pi()).hasPassed(DibaoProcess.END_NOT_ACCEPTED).isEnded();
    Assertions.assertThat(cases.application(s).getStatus()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
  }

  // ---- investigation, 民主评议, 初审 (this model)

  @Test
  void shouldGoStraightToStreetReviewWhenDemocraticReviewIsSkipped() {
    // given
    Case s = cases.accepted();
    // when
    cases.investigate(s, false);
    // then
    assertThat(s.pi()).isWaitingAt(DibaoProcess.TASK_STREET_REVIEW).task().hasCandidateGroup("420112001000-reviewer");
    assertThat(s.pi()).hasNotPassed(DibaoProcess.TASK_DEMOCRATIC_REVIEW);
  }

  @Test
  void shouldHoldDemocraticReviewAndReturnToInvestigationWhenReviewFindsProblems() {
    // given
    Case s = cases.accepted();
    cases.investigate(s, true);
    assertThat(s.pi()).isWaitingAt(DibaoProcess.TASK_DEMOCRATIC_REVIEW);
    // when: the review sends it back, then holds again and passes
    cases.decide(s, "return", "opinion", "评议认为收入申报不实，需复查");
    assertThat(s.pi()).isWaitingAt(DibaoProcess.TASK_INVESTIGATE);
    cases.investigate(s, true);
    cases.decide(s, "approve", "reviewDate", "2026-11-20", "result", "评议通过");
    // then
    assertThat(s.pi()).isWaitingAt(DibaoProcess.TASK_STREET_REVIEW);
    assertThat(s.pi()).hasPassedInOrder(DibaoProcess.TASK_INVESTIGATE, DibaoProcess.TASK_DEMOCRATIC_REVIEW,
        DibaoProcess.TASK_INVESTIGATE, DibaoProcess.TASK_DEMOCRATIC_REVIEW, "Gateway_ReviewOutcome");
  }

  @Test
  void shouldReturnToInvestigationWhenStreetReviewReturns() {
    // given
    Case s = cases.accepted();
    cases.investigate(s, false);
    // when
    cases.decide(s, "return", "opinion", "调查材料缺少邻里走访记录");
    // then
    assertThat(s.pi()).isWaitingAt(DibaoProcess.TASK_INVESTIGATE);
  }

  // ---- 公示 (shared stage)

  @Test
  void shouldPostPublicNoticeWithAmountWhenStreetReviewPasses() {
    // given
    Case s = cases.accepted();
    cases.investigate(s, false);
    // when
    cases.decide(s, "approve");
    // then
    assertThat(s.pi()).hasPassedInOrder(DibaoProcess.TASK_STREET_REVIEW, DibaoProcess.SERVICE_CALCULATE_AMOUNT)
        .isWaitingAt(DibaoProcess.CALL_PUBLIC_NOTICE);
    assertThat(cases.stage(s, SharedStages.PUBLIC_NOTICE)).isWaitingAt(SharedStages.WAIT_PUBLIC_NOTICE);
    var app = cases.application(s);
    Assertions.assertThat(app.getAmount()).isEqualByComparingTo(new BigDecimal("1160.00"));
    Assertions.assertThat(app.getStandardAmount()).isEqualByComparingTo(new BigDecimal("830"));
    Assertions.assertThat(app.getHouseholdSize()).isEqualTo(2);
    Assertions.assertThat(app.getStage()).isEqualTo(SharedStages.WAIT_PUBLIC_NOTICE);
    Assertions.assertThat(cases.noticeKinds(s)).containsExactly("accepted", "publicity");
  }

  @Test
  void shouldReturnToInvestigationWhenObjectionArrivesDuringPublicNotice() {
    // given
    Case s = cases.onPublicNotice();
    // when
    runtimeService().createMessageCorrelation(ProcessVariables.MESSAGE_OBJECTION)
        .processInstanceBusinessKey(s.key()).setVariable(ProcessVariables.OPINION, "该户有经营性收入未申报").correlate();
    // then
    Assertions.assertThat(cases.passedIn(s, SharedStages.PUBLIC_NOTICE)).containsSubsequence(
        SharedStages.SERVICE_NOTICE_PUBLICITY, SharedStages.WAIT_PUBLIC_NOTICE, SharedStages.MESSAGE_OBJECTION,
        SharedStages.END_OBJECTION);
    assertThat(s.pi()).hasPassedInOrder(DibaoProcess.BOUNDARY_OBJECTION).isWaitingAt(DibaoProcess.TASK_INVESTIGATE);
    Assertions.assertThat(management.createJobQuery().timers().processInstanceId(s.pi().getId()).count()).isZero();
    Assertions.assertThat(cases.stage(s, SharedStages.PUBLIC_NOTICE)).isNull();
    // and the re-investigated case goes on 公示 again
    cases.investigate(s, false);
    cases.decide(s, "approve");
    Assertions.assertThat(cases.stageRuns(s, SharedStages.PUBLIC_NOTICE)).isEqualTo(2);
  }

  @Test
  void shouldFirePublicNoticeTimerOnlyWhenThePeriodHasPassed() {
    // given
    Case s = cases.onPublicNotice();
    Job timer = cases.timer(s);
    Date due = timer.getDuedate();
    // then: due after the configured P7D, not before
    Assertions.assertThat(due).isAfter(new Date(System.currentTimeMillis() + 6L * 24 * 3600 * 1000));
    Assertions.assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isZero();
    // when: the clock passes the end of the period
    ClockUtil.setCurrentTime(new Date(due.getTime() + 1000));
    Assertions.assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isEqualTo(1);
    execute(timer);
    // then
    Assertions.assertThat(cases.passedIn(s, SharedStages.PUBLIC_NOTICE)).containsSubsequence(
        SharedStages.TIMER_PUBLIC_NOTICE, SharedStages.END_NO_OBJECTION);
    assertThat(s.pi()).hasPassed(DibaoProcess.CALL_PUBLIC_NOTICE).isWaitingAt(DibaoProcess.TASK_DISTRICT_APPROVE)
        .task().hasCandidateGroup("420112000000-approver");
  }

  // ---- the decision (this model)

  @Test
  void shouldConfirmAndPublishWhenDistrictApproves() {
    // given
    Case s = cases.atDistrict();
    // when
    cases.decide(s, "approve", "homeVisitDone", false);
    // then
    assertThat(s.pi()).hasPassedInOrder(DibaoProcess.TASK_DISTRICT_APPROVE, DibaoProcess.SERVICE_NOTICE_APPROVED,
        DibaoProcess.SERVICE_PUBLISH, DibaoProcess.END_PUBLISHED).isEnded();
    Assertions.assertThat(cases.application(s).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    Assertions.assertThat(cases.application(s).getStage()).isEqualTo(DibaoProcess.END_PUBLISHED);
    Assertions.assertThat(cases.noticeKinds(s)).containsExactly("accepted", "publicity", "approved");
  }

  @Test
  void shouldReturnToStreetReviewWhenDistrictReturns() {
    // given
    Case s = cases.atDistrict();
    // when
    cases.decide(s, "return", "opinion", "请补充入户核查记录");
    // then
    assertThat(s.pi()).isWaitingAt(DibaoProcess.TASK_STREET_REVIEW);
  }

  // ---- the appeal (shared stage)

  @Test
  void shouldIssueAppealDecisionWhenRefusalIsUpheld() {
    // given
    Case s = refused();
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, s.key());
    assertThat(cases.stage(s, SharedStages.APPEAL)).isWaitingAt(SharedStages.TASK_DECIDE_APPEAL).task()
        .hasCandidateGroup("420112000000-approver");
    // when
    cases.decide(s, "reject", "opinion", "复核确认家庭人均收入高于当地保障标准");
    // then
    Assertions.assertThat(cases.passedIn(s, SharedStages.APPEAL)).containsSubsequence(SharedStages.WAIT_APPEAL,
        SharedStages.MESSAGE_APPEAL, SharedStages.TASK_DECIDE_APPEAL, SharedStages.SERVICE_NOTICE_APPEAL_DECISION,
        SharedStages.END_REFUSAL_UPHELD);
    assertThat(s.pi()).hasPassedInOrder(DibaoProcess.SERVICE_NOTICE_REJECTED, DibaoProcess.CALL_APPEAL,
        DibaoProcess.END_REFUSED).isEnded();
    Assertions.assertThat(cases.application(s).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
    Assertions.assertThat(cases.noticeKinds(s)).containsExactly("accepted", "publicity", "rejected", "appeal_decision");
  }

  @Test
  void shouldReopenDistrictReviewWhenAppealSucceeds() {
    // given
    Case s = refused();
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, s.key());
    // when
    cases.decide(s, "approve", "appealFacts", "补充了医疗支出证明");
    // then
    Assertions.assertThat(cases.passedIn(s, SharedStages.APPEAL)).containsSubsequence(SharedStages.TASK_DECIDE_APPEAL,
        SharedStages.END_REOPENED);
    assertThat(s.pi()).hasPassed(DibaoProcess.BOUNDARY_REOPENED).isWaitingAt(DibaoProcess.TASK_DISTRICT_APPROVE);
    cases.decide(s, "approve");
    assertThat(s.pi()).hasPassedInOrder(DibaoProcess.BOUNDARY_REOPENED, DibaoProcess.TASK_DISTRICT_APPROVE,
        DibaoProcess.END_PUBLISHED).isEnded();
    Assertions.assertThat(cases.application(s).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
  }

  @Test
  void shouldEndRefusedWhenTheAppealWindowPassesWithoutAppeal() {
    // given
    Case s = refused();
    assertThat(cases.stage(s, SharedStages.APPEAL)).isWaitingAt(SharedStages.WAIT_APPEAL);
    // when
    execute(cases.timer(s));
    // then
    Assertions.assertThat(cases.passedIn(s, SharedStages.APPEAL)).containsSubsequence(SharedStages.TIMER_APPEAL_WINDOW,
        SharedStages.END_NO_APPEAL);
    assertThat(s.pi()).hasPassedInOrder(DibaoProcess.CALL_APPEAL, DibaoProcess.END_REFUSED).isEnded();
    Assertions.assertThat(cases.application(s).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
  }

  private Case refused() {
    Case s = cases.refused("家庭人均收入高于当地保障标准");
    Assertions.assertThat(cases.application(s).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
    return s;
  }
}
