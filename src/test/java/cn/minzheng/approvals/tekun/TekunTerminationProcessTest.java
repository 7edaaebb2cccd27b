package cn.minzheng.approvals.tekun;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.ApplicationStatus;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.web.ApiException;

/**
 * Every path of processes/tekun-termination.bpmn (终止 of 特困 support) with the shared 公示 and appeal stages,
 * on the real engine and PostgreSQL: terminated after a quiet 公示 (appeal window passes, appeal upheld, appeal
 * re-opens), an objection founded or unfounded (posted again), and the district deciding not to terminate.
 */
@IntegrationTest
class TekunTerminationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired TekunTerminations terminations;
  @Autowired JdbcTemplate jdbc;

  DibaoCases cases;

  @BeforeEach
  void init() {
    cases = new DibaoCases(engine, applications, notices, users);
  }

  /** A confirmed 特困 person (home care) for whom the street has started a termination. */
  private Case terminationStarted() {
    ApplicationRecord created = applications.submit(TekunProcessTest.request("home"), users.load("wjs-clerk").orElseThrow());
    Case c = new Case(created.getId(), runtimeService().createProcessInstanceQuery()
        .processInstanceId(created.getProcessInstanceId()).singleResult());
    cases.decide(c, "approve");
    cases.decide(c, "approve", "investigator1", "王五", "investigator2", "赵六", "noWorkAbility", true, "noIncome", true,
        "noSupporter", true, "note", "符合条件", "canEat", true, "canDress", true, "canTransfer", true, "canToilet", true,
        "canWalk", true, "canBathe", true);
    execute(cases.timer(c));
    cases.decide(c, "approve", "spotCheck", "yes");
    assertThat(c.pi()).isEnded();
    String instance = terminations.start(c.applicationId(),
        new TekunTerminations.TerminationRequest("income", "2026年10月起在社区超市务工，月收入2300元"),
        users.load("wjs-clerk").orElseThrow());
    Case t = new Case(c.applicationId(), runtimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult());
    assertThat(t.pi()).isStarted().isWaitingAt(TekunTerminationProcess.CALL_PUBLIC_NOTICE);
    Assertions.assertThat(cases.application(t).getProcessInstanceId()).isEqualTo(instance);
    Assertions.assertThat(cases.application(t).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    return t;
  }

  private Case terminated() {
    Case t = terminationStarted();
    execute(cases.timer(t));
    assertThat(t.pi()).isWaitingAt(TekunTerminationProcess.TASK_DECIDE_TERMINATION).task()
        .hasCandidateGroup("420112000000-approver");
    Assertions.assertThat(cases.task(t).getDueDate()).isNotNull();
    cases.decide(t, "approve", ProcessVariables.OPINION, "经入户核实属实");
    assertThat(t.pi()).hasPassed(TekunTerminationProcess.SERVICE_NOTICE_TERMINATED)
        .isWaitingAt(TekunTerminationProcess.CALL_APPEAL);
    Assertions.assertThat(cases.application(t).getStatus()).isEqualTo(ApplicationStatus.TERMINATED);
    return t;
  }

  private String outcome(Case t) {
    return jdbc.queryForObject("SELECT outcome FROM mz_termination WHERE application_id = ?", String.class, t.applicationId());
  }

  @Test
  void shouldTerminateAfterAQuietPublicNoticeWithALawfulNoticeAndEndWhenTheAppealWindowPasses() {
    // given
    Case t = terminated();
    // then: the 公示 says 拟终止 and shows only the masked name and the kind of reason
    var publicities = notices.ofApplication(t.applicationId()).stream().filter(n -> "publicity".equals(n.getKind())).toList();
    String publicity = notices.get(publicities.get(publicities.size() - 1).getId(), users.load("qu-approver").orElseThrow())
        .getContentHtml();
    Assertions.assertThat(publicity).contains("拟终止特困人员救助供养", "已有收入来源")
        .doesNotContain("月收入2300元").doesNotContain(cases.application(t).getApplicantIdNumber());
    // and the 终止 notice carries domain.md §0's mandatory content
    var notice = cases.notice(t, "terminated");
    Assertions.assertThat(notice.getDocNumber()).matches("东民救〔\\d{4}〕\\d+号");
    Assertions.assertThat(notice.getContentHtml()).contains("终止特困人员救助供养决定书", notice.getDocNumber(),
        "武汉市东西湖区民政局", "（印章）", cn.minzheng.approvals.common.IdNumbers.mask(cases.application(t).getApplicantIdNumber()), "特困人员救助供养", cases.application(t).getNumber(),
        "收到日期", "本机关决定自", "起终止对你的特困人员救助供养", "事实和理由", "已有收入来源", "月收入2300元", "经入户核实属实",
        "第二十四条至第二十六条", "60日内向武汉市东西湖区人民政府申请行政复议", "6个月内直接向武汉市东西湖区人民法院提起行政诉讼")
        .doesNotContain(cases.application(t).getApplicantIdNumber());
    // when: nobody appeals within the window
    execute(cases.timer(t));
    // then
    assertThat(t.pi()).hasPassedInOrder(TekunTerminationProcess.CALL_PUBLIC_NOTICE,
        TekunTerminationProcess.TASK_DECIDE_TERMINATION, TekunTerminationProcess.SERVICE_NOTICE_TERMINATED,
        TekunTerminationProcess.CALL_APPEAL, TekunTerminationProcess.SERVICE_CLOSE_TERMINATED,
        TekunTerminationProcess.END_TERMINATED).isEnded();
    Assertions.assertThat(cases.application(t).getStatus()).isEqualTo(ApplicationStatus.TERMINATED);
    Assertions.assertThat(outcome(t)).isEqualTo(TekunTerminationProcess.OUTCOME_TERMINATED);
  }

  @Test
  void shouldStayTerminatedWhenTheAppealIsUpheld() {
    Case t = terminated();
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, t.key());
    assertThat(cases.stage(t, SharedStages.APPEAL)).isWaitingAt(SharedStages.TASK_DECIDE_APPEAL).variables()
        .containsEntry(ProcessVariables.REFUSED_BY, "test");
    cases.decide(t, "reject", ProcessVariables.OPINION, "复核维持");
    assertThat(t.pi()).hasPassedInOrder(TekunTerminationProcess.CALL_APPEAL, TekunTerminationProcess.END_TERMINATED).isEnded();
    Assertions.assertThat(cases.application(t).getStatus()).isEqualTo(ApplicationStatus.TERMINATED);
    Assertions.assertThat(cases.notice(t, "appeal_decision").getContentHtml()).contains("维持原终止救助供养决定");
  }

  @Test
  void shouldDecideAgainAndKeepSupportWhenTheAppealReopens() {
    Case t = terminated();
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, t.key());
    cases.decide(t, "approve", "appealFacts", "务工已于11月结束，无收入");
    assertThat(t.pi()).hasPassed(TekunTerminationProcess.BOUNDARY_REOPENED)
        .isWaitingAt(TekunTerminationProcess.TASK_DECIDE_TERMINATION);
    cases.decide(t, "reject", ProcessVariables.OPINION, "收入已中断，仍符合特困条件");
    assertThat(t.pi()).hasPassedInOrder(TekunTerminationProcess.SERVICE_KEEP_SUPPORT,
        TekunTerminationProcess.END_NOT_TERMINATED).isEnded();
    Assertions.assertThat(cases.application(t).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    Assertions.assertThat(outcome(t)).isEqualTo(TekunTerminationProcess.OUTCOME_KEPT);
  }

  @Test
  void shouldKeepSupportWhenTheDistrictDoesNotTerminate() {
    Case t = terminationStarted();
    execute(cases.timer(t));
    cases.decide(t, "reject", ProcessVariables.OPINION, "收入系一次性劳务报酬，仍符合条件");
    assertThat(t.pi()).hasPassedInOrder(TekunTerminationProcess.TASK_DECIDE_TERMINATION,
        TekunTerminationProcess.SERVICE_KEEP_SUPPORT, TekunTerminationProcess.END_NOT_TERMINATED)
        .hasNotPassed(TekunTerminationProcess.SERVICE_NOTICE_TERMINATED).isEnded();
    Assertions.assertThat(cases.application(t).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    Assertions.assertThat(cases.noticeKinds(t)).doesNotContain("terminated");
  }

  @Test
  void shouldKeepSupportWhenAnObjectionIsFounded() {
    // given
    Case t = terminationStarted();
    // when
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_OBJECTION, t.key(),
        Map.of(ProcessVariables.OPINION, "其务工已结束"));
    // then: decided within 15 working days by the district
    assertThat(t.pi()).hasPassed(TekunTerminationProcess.BOUNDARY_OBJECTION)
        .isWaitingAt(TekunTerminationProcess.TASK_REVIEW_OBJECTION).task().hasCandidateGroup("420112000000-approver");
    Assertions.assertThat(cases.task(t).getDueDate()).isNotNull();
    cases.decide(t, "approve", TekunTerminationProcess.VAR_OBJECTION_FOUNDED, "yes", "findings", "核实务工已结束");
    assertThat(t.pi()).hasPassedInOrder(TekunTerminationProcess.TASK_REVIEW_OBJECTION,
        TekunTerminationProcess.SERVICE_KEEP_SUPPORT, TekunTerminationProcess.END_NOT_TERMINATED).isEnded();
    Assertions.assertThat(cases.application(t).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
  }

  @Test
  void shouldPostAgainWhenTheObjectionIsUnfounded() {
    Case t = terminationStarted();
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_OBJECTION, t.key(),
        Map.of(ProcessVariables.OPINION, "不应终止"));
    cases.decide(t, "approve", TekunTerminationProcess.VAR_OBJECTION_FOUNDED, "no", "findings", "收入属实");
    assertThat(t.pi()).isWaitingAt(TekunTerminationProcess.CALL_PUBLIC_NOTICE);
    Assertions.assertThat(cases.stageRuns(t, SharedStages.PUBLIC_NOTICE)).isEqualTo(3); // the case's own, then twice
    execute(cases.timer(t));
    assertThat(t.pi()).isWaitingAt(TekunTerminationProcess.TASK_DECIDE_TERMINATION);
  }

  @Test
  void shouldRefuseASecondTerminationWhileOneRuns() {
    Case t = terminationStarted();
    Throwable refused = Assertions.catchThrowable(() -> terminations.start(t.applicationId(),
        new TekunTerminations.TerminationRequest("death", "已死亡"), users.load("wjs-clerk").orElseThrow()));
    Assertions.assertThat(refused).isInstanceOf(ApiException.class).hasMessage("error.termination-running");
  }
}
