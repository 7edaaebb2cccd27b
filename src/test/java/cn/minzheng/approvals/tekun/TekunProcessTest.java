package cn.minzheng.approvals.tekun;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.ApplicationStatus;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.TestIds;
import cn.minzheng.approvals.yanglao.YanglaoProcess;

/**
 * Every path of processes/tekun.bpmn with the shared stages it calls (acceptance, public notice, appeal),
 * on the real engine and PostgreSQL with the real delegates (self-care grade, standard, notices, 集中供养).
 */
@IntegrationTest
class TekunProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;

  DibaoCases cases;

  @BeforeEach
  void init() {
    cases = new DibaoCases(engine, applications, notices, users);
  }

  static ApplicationRequest request(String careMode) {
    return new ApplicationRequest("tekun", Applications.WJS_COMMUNITY,
        new ApplicationRequest.Applicant("刘孤老", TestIds.random(), "13812345678"), null, null, null, null,
        "年老无依", Map.of("category", "elderly", "supporter", "none", "careMode", careMode),
        List.of(new ApplicationRequest.Material("id_card", "身份证", true)));
  }

  private Case submit(String careMode) {
    ApplicationRecord created = applications.submit(request(careMode), users.load("wjs-clerk").orElseThrow());
    return new Case(created.getId(), runtimeService().createProcessInstanceQuery()
        .processInstanceId(created.getProcessInstanceId()).singleResult());
  }

  /** Six items; {@code failed} of them the person cannot manage. */
  private void investigate(Case c, int failed) {
    Object[] values = {"investigator1", "王五", "investigator2", "赵六", "noWorkAbility", true, "noIncome", true,
        "noSupporter", true, "note", "符合特困人员认定条件", "canEat", failed < 1, "canDress", failed < 2,
        "canTransfer", failed < 3, "canToilet", failed < 4, "canWalk", failed < 5, "canBathe", failed < 6};
    cases.decide(c, "approve", values);
  }

  private Case atDistrict(String careMode, int failed) {
    Case c = submit(careMode);
    cases.decide(c, "approve");
    investigate(c, failed);
    assertThat(c.pi()).isWaitingAt(TekunProcess.CALL_PUBLIC_NOTICE);
    execute(cases.timer(c));
    assertThat(c.pi()).isWaitingAt(TekunProcess.TASK_DISTRICT_REVIEW).task().hasCandidateGroup("420112000000-approver");
    return c;
  }

  @Test
  void shouldConfirmWithStandardCertificateAndHomeCare() {
    // given
    Case c = atDistrict("home", 2);
    Assertions.assertThat(runtimeService().getVariable(c.pi().getId(), TekunProcess.VAR_SELF_CARE)).isEqualTo("部分失能");
    // when
    cases.decide(c, "approve", "spotCheck", "yes");
    // then
    assertThat(c.pi()).hasPassedInOrder(TekunProcess.CALL_ACCEPTANCE, TekunProcess.TASK_INVESTIGATE,
        TekunProcess.SERVICE_SELF_CARE, TekunProcess.SERVICE_STANDARD, TekunProcess.CALL_PUBLIC_NOTICE,
        TekunProcess.TASK_DISTRICT_REVIEW, TekunProcess.SERVICE_NOTICE_APPROVED, TekunProcess.SERVICE_NOTICE_CERTIFICATE,
        TekunProcess.SERVICE_PUBLISH, TekunProcess.END_HOME_CARE).hasNotPassed(TekunProcess.SERVICE_START_ADMISSION)
        .isEnded();
    ApplicationRecord app = cases.application(c);
    Assertions.assertThat(app.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    Assertions.assertThat(app.getAmount()).isEqualByComparingTo("1660");
    Assertions.assertThat(cases.noticeKinds(c)).containsExactly("accepted", "publicity", "approved", "certificate");
  }

  @Test
  void shouldStartAWelfareHomeAdmissionWithTekunPriorityForInstitutionCare() {
    // given
    Case c = atDistrict("institution", 5);
    Assertions.assertThat(runtimeService().getVariable(c.pi().getId(), TekunProcess.VAR_SELF_CARE)).isEqualTo("完全失能");
    // when
    cases.decide(c, "approve", "spotCheck", "no");
    // then
    assertThat(c.pi()).hasPassedInOrder(TekunProcess.SERVICE_PUBLISH, TekunProcess.SERVICE_START_ADMISSION,
        TekunProcess.END_INSTITUTION_CARE).isEnded();
    long admissionId = ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(c.pi().getId()).variableName(TekunProcess.VAR_ADMISSION_ID).singleResult().getValue()).longValue();
    ApplicationRecord admission = applications.getForProcess(admissionId);
    Assertions.assertThat(admission.getType()).isEqualTo(YanglaoProcess.KEY);
    Assertions.assertThat(admission.getApplicantIdNumber()).isEqualTo(cases.application(c).getApplicantIdNumber());
    Assertions.assertThat(admission.getDataJson()).contains("\"tekun\":true");
    Case yl = new Case(admissionId, runtimeService().createProcessInstanceQuery()
        .processInstanceId(admission.getProcessInstanceId()).singleResult());
    assertThat(yl.pi()).isWaitingAt(YanglaoProcess.CALL_ACCEPTANCE);
  }

  @Test
  void shouldInvestigateAgainAndPostAgainWhenAnObjectionArrives() {
    // given
    Case c = submit("home");
    cases.decide(c, "approve");
    investigate(c, 0);
    Assertions.assertThat(runtimeService().getVariable(c.pi().getId(), TekunProcess.VAR_SELF_CARE)).isEqualTo("自理");
    // when
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_OBJECTION, c.key(),
        Map.of(ProcessVariables.OPINION, "其子女有赡养能力"));
    // then
    assertThat(c.pi()).hasPassed(TekunProcess.BOUNDARY_OBJECTION).isWaitingAt(TekunProcess.TASK_INVESTIGATE);
    investigate(c, 0);
    assertThat(c.pi()).isWaitingAt(TekunProcess.CALL_PUBLIC_NOTICE);
    Assertions.assertThat(cases.stageRuns(c, SharedStages.PUBLIC_NOTICE)).isEqualTo(2);
  }

  @Test
  void shouldReturnToInvestigationWhenTheDistrictReturns() {
    Case c = atDistrict("home", 0);
    cases.decide(c, "return", "opinion", "缺少赡养人经济状况核查");
    assertThat(c.pi()).isWaitingAt(TekunProcess.TASK_INVESTIGATE);
  }

  @Test
  void shouldEndNotAcceptedWhenRefusedAtAcceptance() {
    Case c = submit("home");
    cases.decide(c, "reject", "opinion", "户籍不在本街道");
    assertThat(c.pi()).hasPassedInOrder(TekunProcess.BOUNDARY_NOT_ACCEPTED, TekunProcess.END_NOT_ACCEPTED).isEnded();
    Assertions.assertThat(cases.application(c).getStatus()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
    Assertions.assertThat(cases.noticeKinds(c)).containsExactly("not_accepted");
  }

  @Test
  void shouldUpholdTheRefusalOnAppeal() {
    Case c = refused();
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, c.key());
    cases.decide(c, "reject", "opinion", "复核维持");
    assertThat(c.pi()).hasPassedInOrder(TekunProcess.SERVICE_NOTICE_REJECTED, TekunProcess.CALL_APPEAL,
        TekunProcess.END_REFUSED).isEnded();
    Assertions.assertThat(cases.noticeKinds(c)).containsExactly("accepted", "publicity", "rejected", "appeal_decision");
  }

  @Test
  void shouldReopenTheReviewWhenTheAppealSucceeds() {
    Case c = refused();
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, c.key());
    cases.decide(c, "approve", "appealFacts", "补充了赡养人丧失劳动能力的证明");
    assertThat(c.pi()).hasPassed(TekunProcess.BOUNDARY_REOPENED).isWaitingAt(TekunProcess.TASK_DISTRICT_REVIEW);
    cases.decide(c, "approve", "spotCheck", "yes");
    assertThat(c.pi()).hasPassed(TekunProcess.END_HOME_CARE).isEnded();
    Assertions.assertThat(cases.application(c).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
  }

  @Test
  void shouldEndRefusedWhenTheAppealWindowPasses() {
    Case c = refused();
    execute(cases.timer(c));
    assertThat(c.pi()).hasPassedInOrder(TekunProcess.CALL_APPEAL, TekunProcess.END_REFUSED).isEnded();
    Assertions.assertThat(cases.application(c).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
  }

  private Case refused() {
    Case c = atDistrict("home", 0);
    cases.decide(c, "reject", "opinion", "其子女有赡养能力", ProcessVariables.REFUSED_BY, "qu-approver", "spotCheck", "yes");
    assertThat(c.pi()).isWaitingAt(TekunProcess.CALL_APPEAL);
    Assertions.assertThat(cases.application(c).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
    return c;
  }
}
