package cn.minzheng.approvals.binzang;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
import cn.minzheng.approvals.web.ApiException;

/**
 * Every path of processes/binzang.bpmn (惠民殡葬): 基本殡葬服务费减免 for a local resident, with the extra items
 * of a 低保 family, refused for a non-local 户籍; 节地生态安葬奖补 through 材料审核 and district 审批, refused for a
 * non-qualifying burial, returned, and the appeal (upheld, reopened, window passed).
 */
@IntegrationTest
class BinzangProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;

  DibaoCases walk;

  @BeforeEach
  void init() {
    walk = new DibaoCases(engine, applications, notices, users);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static ApplicationRequest request(String applicantId, String subsidy, String hukou, String burialType, double plotArea) {
    Map<String, Object> deceased = new HashMap<>();
    deceased.put("name", "李老汉");
    deceased.put("idNumber", TestIds.random());
    deceased.put("deathDate", LocalDate.now().minusDays(2).toString());
    deceased.put("deathCertificateNo", "SW2026001234");
    deceased.put("hukouRegionCode", hukou);
    Map<String, Object> data = new HashMap<>();
    data.put("subsidy", subsidy);
    data.put("deceased", deceased);
    data.put("burialType", burialType);
    data.put("plotArea", plotArea);
    data.put("cemetery", "东西湖区公墓");
    return new ApplicationRequest("binzang", Applications.WJS_COMMUNITY,
        new ApplicationRequest.Applicant("李小明", applicantId, "13812345678"), null, null, null, null, "办理丧事", data,
        List.of(new ApplicationRequest.Material("other", "死亡证明", true)));
  }

  Case submit(ApplicationRequest request) {
    var created = applications.submit(request, users.load("wjs-clerk").orElseThrow());
    return new Case(created.getId(), runtimeService().createProcessInstanceQuery()
        .processInstanceId(created.getProcessInstanceId()).singleResult());
  }

  Case accepted(String subsidy, String hukou, String burialType, double plotArea) {
    Case c = submit(request(TestIds.random(), subsidy, hukou, burialType, plotArea));
    walk.decide(c, "approve");
    return c;
  }

  @Test
  void shouldBeDeployedWithItsDecisionTables() {
    var repository = engine.getRepositoryService();
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey(BinzangProcess.KEY).latestVersion()
        .singleResult();
    Assertions.assertThat(repository.getDeploymentResourceNames(definition.getDeploymentId())).contains(
        "processes/binzang.bpmn", "processes/binzang-fee-waiver.dmn", "processes/binzang-eco-award.dmn",
        "forms/binzang-review.form");
  }

  @Test
  void shouldEndNotAcceptedWhenRefusedAtAcceptance() {
    Case s = submit(request(TestIds.random(), "fee_waiver", "420112", null, 0));
    walk.decide(s, "reject", ProcessVariables.OPINION, "未提供死亡证明");
    assertThat(s.pi()).hasPassed(BinzangProcess.END_NOT_ACCEPTED).isEnded();
    Assertions.assertThat(walk.application(s).getStatus()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
  }

  @Test
  void shouldWaiveTheFourBasicItemsForALocalResident() {
    String arranger = TestIds.random();
    Case s = submit(request(arranger, "fee_waiver", "420112001001", null, 0));
    walk.decide(s, "approve");
    assertThat(s.pi()).hasPassed(BinzangProcess.SERVICE_ELIGIBILITY).isWaitingAt(BinzangProcess.TASK_WAIVER_REVIEW)
        .task().hasCandidateGroup("420112001000-reviewer");
    walk.decide(s, "approve", "papersChecked", true);
    assertThat(s.pi()).hasPassedInOrder(BinzangProcess.SERVICE_CALCULATE_AWARD, BinzangProcess.SERVICE_NOTICE_APPROVED,
        BinzangProcess.SERVICE_CLOSE, BinzangProcess.END_APPROVED).isEnded();
    Assertions.assertThat(walk.application(s).getAmount()).isEqualByComparingTo(new BigDecimal("1140"));
    Assertions.assertThat(walk.application(s).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    Assertions.assertThat(walk.noticeKinds(s)).containsExactly("accepted", "approved");
    // and the arranger may apply again, e.g. for another deceased of the family
    assertThat(submit(request(arranger, "fee_waiver", "420112", null, 0)).pi()).isWaitingAt(BinzangProcess.CALL_ACCEPTANCE);
  }

  @Test
  void shouldWaiveMoreForADibaoFamilyFoundInOurOwnRecords() {
    // given: the arranger's household has an approved 低保
    ApplicationRequest dibao = Applications.dibao(Applications.WJS_COMMUNITY);
    Case family = new Case(applications.submit(dibao, users.load("wjs-clerk").orElseThrow()).getId(), null);
    walk.decide(family, "approve");
    walk.investigate(family, false);
    walk.decide(family, "approve");
    execute(walk.timer(family));
    walk.decide(family, "approve");
    Assertions.assertThat(walk.application(family).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    // when
    Case s = submit(request(dibao.applicant().idNumber(), "fee_waiver", "420112", null, 0));
    walk.decide(s, "approve");
    walk.decide(s, "approve");
    // then: 1140 + 300 + 200
    assertThat(s.pi()).hasPassed(BinzangProcess.END_APPROVED).isEnded();
    Assertions.assertThat(walk.application(s).getAmount()).isEqualByComparingTo(new BigDecimal("1640"));
  }

  @Test
  void shouldRefuseANonLocalHukouAndEndWhenTheAppealWindowPasses() {
    Case s = accepted("fee_waiver", "421002", null, 0);
    assertThat(s.pi()).hasPassed(BinzangProcess.SERVICE_NOTICE_REJECTED).hasNotPassed(BinzangProcess.TASK_WAIVER_REVIEW)
        .isWaitingAt(BinzangProcess.CALL_APPEAL);
    Assertions.assertThat(walk.application(s).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
    execute(walk.timer(s));
    assertThat(s.pi()).hasPassed(BinzangProcess.END_REFUSED).isEnded();
    Assertions.assertThat(walk.noticeKinds(s)).containsExactly("accepted", "rejected");
  }

  @Test
  void shouldRefuseAtWaiverReviewAndUpholdOnAppeal() {
    Case s = accepted("fee_waiver", "420112", null, 0);
    walk.decide(s, "reject", ProcessVariables.OPINION, "死亡证明与身份证件不符", ProcessVariables.REFUSED_BY, "wjs-reviewer");
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, s.key());
    walk.decide(s, "reject", ProcessVariables.OPINION, "复核维持");
    Assertions.assertThat(walk.passedIn(s, SharedStages.APPEAL)).contains(SharedStages.END_REFUSAL_UPHELD);
    assertThat(s.pi()).hasPassed(BinzangProcess.END_REFUSED).isEnded();
    Assertions.assertThat(walk.noticeKinds(s)).containsExactly("accepted", "rejected", "appeal_decision");
  }

  @Test
  void shouldAwardAnEcoBurialAfterMaterialReviewAndDistrictApproval() {
    Case s = accepted("eco_burial", "420112", "tree", 0.8);
    assertThat(s.pi()).isWaitingAt(BinzangProcess.TASK_MATERIAL_REVIEW).task().hasCandidateGroup("420112001000-reviewer");
    walk.decide(s, "approve", "papersChecked", true);
    assertThat(s.pi()).isWaitingAt(BinzangProcess.TASK_DISTRICT_APPROVE).task().hasCandidateGroup("420112000000-approver");
    walk.decide(s, "return", ProcessVariables.OPINION, "缺公墓收据");
    assertThat(s.pi()).isWaitingAt(BinzangProcess.TASK_MATERIAL_REVIEW);
    walk.decide(s, "approve");
    walk.decide(s, "approve");
    assertThat(s.pi()).hasPassed(BinzangProcess.END_APPROVED).isEnded();
    Assertions.assertThat(walk.application(s).getAmount()).isEqualByComparingTo(new BigDecimal("840"));
  }

  @Test
  void shouldRefuseANonQualifyingBurialAndReopenOnAppeal() {
    Case s = accepted("eco_burial", "420112", "other", 4);
    assertThat(s.pi()).hasNotPassed(BinzangProcess.TASK_MATERIAL_REVIEW).isWaitingAt(BinzangProcess.CALL_APPEAL);
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, s.key());
    walk.decide(s, "approve", "appealFacts", "实为草坪葬");
    assertThat(s.pi()).hasPassed(BinzangProcess.BOUNDARY_REOPENED).isWaitingAt(BinzangProcess.TASK_MATERIAL_REVIEW);
    walk.decide(s, "reject", ProcessVariables.OPINION, "现场核查为传统墓葬", ProcessVariables.REFUSED_BY, "wjs-reviewer");
    assertThat(s.pi()).isWaitingAt(BinzangProcess.CALL_APPEAL);
  }

  @Test
  void shouldRefuseTheDistrictRefusalIntoTheAppeal() {
    Case s = accepted("eco_burial", "420112", "lawn", 1);
    walk.decide(s, "approve");
    walk.decide(s, "reject", ProcessVariables.OPINION, "重复申领", ProcessVariables.REFUSED_BY, "qu-approver");
    assertThat(s.pi()).isWaitingAt(BinzangProcess.CALL_APPEAL);
    Assertions.assertThat(walk.application(s).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
  }

  @Test
  void shouldRefuseInvalidDeceasedData() {
    ApplicationRequest request = request(TestIds.random(), "eco_burial", "420112", "cave", 1);
    @SuppressWarnings("unchecked")
    Map<String, Object> deceased = (Map<String, Object>) request.data().get("deceased");
    deceased.put("idNumber", "420112199001011234");
    deceased.put("deathDate", LocalDate.now().plusDays(3).toString());
    Throwable refused = Assertions.catchThrowable(() -> submit(request));
    Assertions.assertThat(refused).isInstanceOf(ApiException.class);
    Assertions.assertThat(((ApiException) refused).fieldProblems()).extracting(ApiException.FieldProblem::field)
        .contains("data.deceased.idNumber", "data.deceased.deathDate", "data.burialType");
  }
}
