package cn.minzheng.approvals.shzz;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.approvals.application.ApplicationData;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.ApplicationStatus;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.ShzzCases;
import cn.minzheng.approvals.support.CaseWalker.Case;

/**
 * Every path of processes/shzz.bpmn (社会组织登记) and of the shared stages it calls (acceptance, appeal),
 * on the real engine and PostgreSQL with the real delegates (conditions, registration, notices).
 */
@IntegrationTest
class ShzzProcessTest {

  private static final String APPROVERS = "420112000000-approver";

  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired RegisteredOrgMapper orgs;

  ShzzCases cases;

  @BeforeEach
  void init() {
    cases = new ShzzCases(engine, applications, notices, users);
  }

  @Test
  void shouldBeDeployedWithItsForms() {
    var repository = engine.getRepositoryService();
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey(ShzzProcess.KEY).latestVersion()
        .singleResult();
    Assertions.assertThat(definition.getResourceName()).isEqualTo("processes/shzz.bpmn");
    Assertions.assertThat(repository.getDeploymentResourceNames(definition.getDeploymentId()))
        .contains("forms/shzz-sponsor-review.form", "forms/shzz-review.form");
  }

  // ---- 业务主管单位审查 or direct registration

  @Test
  void shouldGoStraightToAcceptanceByTheDistrictWhenDirectlyRegistered() {
    // when
    Case c = cases.submit(ShzzCases.directNonEnterprise());
    // then
    assertThat(c.pi()).hasPassed(ShzzProcess.GATEWAY_DIRECT).hasNotPassed(ShzzProcess.TASK_SPONSOR_REVIEW)
        .isWaitingAt(ShzzProcess.CALL_ACCEPTANCE);
    assertThat(cases.stage(c, SharedStages.ACCEPTANCE)).isWaitingAt(SharedStages.TASK_ACCEPT).task()
        .hasCandidateGroup(APPROVERS);
    Assertions.assertThat(cases.task(c).getDueDate()).isNotNull();
  }

  @Test
  void shouldRecordTheSponsorsApprovalBeforeAcceptanceWhenNotDirect() {
    // given
    Case c = cases.submit(ShzzCases.socialGroup());
    assertThat(c.pi()).isWaitingAt(ShzzProcess.TASK_SPONSOR_REVIEW).task().hasCandidateGroup(APPROVERS);
    // when
    cases.decide(c, "approve", "sponsorDocNumber", "东文旅〔2026〕12号");
    // then
    assertThat(c.pi()).hasPassedInOrder(ShzzProcess.TASK_SPONSOR_REVIEW).isWaitingAt(ShzzProcess.CALL_ACCEPTANCE);
    cases.decide(c, "approve");
    assertThat(c.pi()).isWaitingAt(ShzzProcess.TASK_REVIEW).task().hasCandidateGroup(APPROVERS);
    Assertions.assertThat(cases.noticeKinds(c)).containsExactly("accepted");
    // the 登记管理机关 accepts under its own name and 文号
    var accepted = cases.notice(c, "accepted");
    Assertions.assertThat(accepted.getOrganCode()).isEqualTo("420112000000");
    Assertions.assertThat(accepted.getContentHtml()).contains("60日内", "武汉市东西湖区民政局").doesNotContain("家庭经济状况调查");
  }

  @Test
  void shouldEndNotAcceptedWithANoticeWhenTheSponsorRefuses() {
    // given
    Case c = cases.submit(ShzzCases.socialGroup());
    // when
    cases.decide(c, "reject", ProcessVariables.OPINION, "业务主管单位认为该领域已有同类社会团体，不同意成立");
    // then
    assertThat(c.pi()).hasPassedInOrder(ShzzProcess.TASK_SPONSOR_REVIEW, ShzzProcess.SERVICE_NOTICE_SPONSOR_REFUSED,
        ShzzProcess.END_SPONSOR_REFUSED).hasNotPassed(ShzzProcess.CALL_ACCEPTANCE).isEnded();
    Assertions.assertThat(cases.application(c).getStatus()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
    Assertions.assertThat(cases.noticeKinds(c)).containsExactly("not_accepted");
    Assertions.assertThat(cases.notice(c, "not_accepted").getContentHtml()).contains("同类社会团体", "行政复议");
  }

  // ---- 受理 (shared stage)

  @Test
  void shouldEndNotAcceptedThroughTheSharedStage() {
    // given
    Case c = cases.submit(ShzzCases.directNonEnterprise());
    // when
    cases.decide(c, "reject", ProcessVariables.OPINION, "申请材料不属于本机关登记范围");
    // then
    Assertions.assertThat(cases.passedIn(c, SharedStages.ACCEPTANCE)).containsSubsequence(SharedStages.TASK_ACCEPT,
        SharedStages.SERVICE_NOTICE_NOT_ACCEPTED, SharedStages.END_NOT_ACCEPTED);
    assertThat(c.pi()).hasPassedInOrder(ShzzProcess.BOUNDARY_NOT_ACCEPTED, ShzzProcess.END_NOT_ACCEPTED)
        .hasNotPassed(ShzzProcess.TASK_REVIEW).isEnded();
    Assertions.assertThat(cases.application(c).getStatus()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
  }

  @Test
  void shouldAskForMaterialsOnceAndAcceptAfterSupplement() {
    // given
    Case c = cases.submit(ShzzCases.directNonEnterprise());
    // when
    cases.decide(c, "supplement", "missing", "章程草案\n验资报告");
    cases.decide(c, "approve", "resubmittedOn", "2026-11-20");
    cases.decide(c, "approve");
    // then
    assertThat(c.pi()).isWaitingAt(ShzzProcess.TASK_REVIEW);
    Assertions.assertThat(cases.noticeKinds(c)).containsExactly("supplement", "accepted");
    Assertions.assertThat(cases.notice(c, "supplement").getContentHtml()).contains("章程草案", "验资报告",
        "武汉市东西湖区民政局");
  }

  // ---- 审查, 准予登记

  @Test
  void shouldRegisterWithAValidCreditCodeCertificateAndAnnouncement() {
    // given
    Case c = cases.atReview();
    Assertions.assertThat(engine.getRuntimeService().getVariable(c.pi().getId(), ShzzProcess.VAR_CONDITIONS_MET))
        .isEqualTo(true);
    // when
    cases.decide(c, "approve", "premisesChecked", true, "fundsChecked", true);
    // then
    assertThat(c.pi()).hasPassedInOrder(ShzzProcess.SERVICE_CHECK_CONDITIONS, ShzzProcess.TASK_REVIEW,
        ShzzProcess.SERVICE_REGISTER, ShzzProcess.SERVICE_NOTICE_APPROVED, ShzzProcess.SERVICE_NOTICE_CERTIFICATE,
        ShzzProcess.SERVICE_ANNOUNCE, ShzzProcess.END_REGISTERED).isEnded();
    var application = cases.application(c);
    Assertions.assertThat(application.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    String code = ApplicationData.value(application.getDataJson(), "creditCode");
    Assertions.assertThat(code).startsWith("52420112");
    Assertions.assertThat(UnifiedCreditCodes.isValid(code)).isTrue();
    Assertions.assertThat(orgs.findByApplication(c.applicationId()).getCreditCode()).isEqualTo(code);
    Assertions.assertThat(cases.noticeKinds(c)).containsExactly("accepted", "approved", "certificate");
    Assertions.assertThat(cases.notice(c, "certificate").getContentHtml()).contains(code, "社会组织法人登记证书",
        ApplicationData.value(application.getDataJson(), "name"));
    Assertions.assertThat(cases.notice(c, "approved").getContentHtml()).contains("准予登记决定书", code);
  }

  @Test
  void shouldShowTheRegistrarWhatTheConditionsOfASocialGroupLack() {
    // given: 10 members, 1 000 元
    Map<String, Object> data = ShzzCases.socialGroup();
    data.put("individualMembers", 10);
    data.put("unitMembers", 2);
    data.put("funds", 1000);
    Case c = cases.submit(data);
    cases.decide(c, "approve", "sponsorDocNumber", "东文旅〔2026〕13号");
    // when
    cases.decide(c, "approve");
    // then
    assertThat(c.pi()).isWaitingAt(ShzzProcess.TASK_REVIEW);
    var runtime = engine.getRuntimeService();
    Assertions.assertThat(runtime.getVariable(c.pi().getId(), ShzzProcess.VAR_CONDITIONS_MET)).isEqualTo(false);
    Assertions.assertThat((String) runtime.getVariable(c.pi().getId(), ShzzProcess.VAR_CONDITION_FINDINGS))
        .contains("会员不足", "活动资金不足");
  }

  @Test
  void shouldRefuseToRegisterWithTheShzzTitleReasonsAndRights() {
    // when
    Case c = cases.refused("会员人数不足50人，活动资金不足3万元");
    // then
    assertThat(c.pi()).hasPassedInOrder(ShzzProcess.TASK_REVIEW, ShzzProcess.SERVICE_NOTICE_REJECTED)
        .isWaitingAt(ShzzProcess.CALL_APPEAL);
    Assertions.assertThat(cases.application(c).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
    String html = cases.notice(c, "rejected").getContentHtml();
    Assertions.assertThat(html).contains("不予登记决定书", "会员人数不足50人", "社会团体登记管理条例", "行政复议", "60日",
        "行政诉讼", "6个月", "420112").doesNotContain("不予批准决定书");
  }

  // ---- the appeal (shared stage)

  @Test
  void shouldUpholdTheRefusalOnAppeal() {
    // given
    Case c = cases.refused("住所证明不实");
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, c.key());
    assertThat(cases.stage(c, SharedStages.APPEAL)).isWaitingAt(SharedStages.TASK_DECIDE_APPEAL).task()
        .hasCandidateGroup(APPROVERS);
    // when
    cases.decide(c, "reject", ProcessVariables.OPINION, "复核确认住所证明不实");
    // then
    Assertions.assertThat(cases.passedIn(c, SharedStages.APPEAL)).containsSubsequence(SharedStages.MESSAGE_APPEAL,
        SharedStages.TASK_DECIDE_APPEAL, SharedStages.SERVICE_NOTICE_APPEAL_DECISION, SharedStages.END_REFUSAL_UPHELD);
    assertThat(c.pi()).hasPassedInOrder(ShzzProcess.CALL_APPEAL, ShzzProcess.END_REFUSED).isEnded();
    Assertions.assertThat(cases.noticeKinds(c)).containsExactly("accepted", "rejected", "appeal_decision");
    Assertions.assertThat(cases.application(c).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
  }

  @Test
  void shouldReopenTheReviewWhenTheAppealSucceedsAndThenRegister() {
    // given
    Case c = cases.refused("住所证明不实");
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, c.key());
    // when
    cases.decide(c, "approve", "appealFacts", "补交了房屋租赁合同");
    // then
    assertThat(c.pi()).hasPassed(ShzzProcess.BOUNDARY_REOPENED).isWaitingAt(ShzzProcess.TASK_REVIEW);
    cases.decide(c, "approve");
    assertThat(c.pi()).hasPassed(ShzzProcess.END_REGISTERED).isEnded();
    Assertions.assertThat(cases.application(c).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    Assertions.assertThat(UnifiedCreditCodes.isValid(ApplicationData.value(cases.application(c).getDataJson(),
        "creditCode"))).isTrue();
  }

  @Test
  void shouldEndRefusedWhenTheAppealWindowPasses() {
    // given
    Case c = cases.refused("住所证明不实");
    assertThat(cases.stage(c, SharedStages.APPEAL)).isWaitingAt(SharedStages.WAIT_APPEAL);
    // when
    execute(cases.timer(c));
    // then
    Assertions.assertThat(cases.passedIn(c, SharedStages.APPEAL)).containsSubsequence(SharedStages.TIMER_APPEAL_WINDOW,
        SharedStages.END_NO_APPEAL);
    assertThat(c.pi()).hasPassedInOrder(ShzzProcess.CALL_APPEAL, ShzzProcess.END_REFUSED).isEnded();
    Assertions.assertThat(cases.application(c).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
  }
}
