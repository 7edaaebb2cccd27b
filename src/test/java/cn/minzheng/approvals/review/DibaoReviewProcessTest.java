package cn.minzheng.approvals.review;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.ApplicationStatus;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.common.IdNumbers;
import cn.minzheng.approvals.inbox.TaskInbox;
import cn.minzheng.approvals.inbox.TaskRow;
import cn.minzheng.approvals.notice.Notice;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.web.ApiException;

/**
 * Every path of processes/dibao-review.bpmn (年度复核 of a 低保 household) with the shared appeal stage, on the
 * real engine and PostgreSQL: 维持 without a home visit, 增发 after one; 减发 and 停发 each with a lawful notice and
 * the appeal window passing, the appeal upheld, or the appeal re-opening the decision.
 */
@IntegrationTest
class DibaoReviewProcessTest {

  /** The year of the run these walks hang their reviews on (the API tests use the current year). */
  static final int PATH_YEAR = 2001;
  static final String DISTRICT = "420112000000";

  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired AnnualReviewRunner runner;
  @Autowired ReviewMapper reviews;
  @Autowired CaseHistory history;
  @Autowired TaskInbox inbox;
  @Autowired java.time.Clock clock;

  DibaoCases cases;

  @BeforeEach
  void init() {
    cases = new DibaoCases(engine, applications, notices, users);
  }

  /** A paused run of the district for PATH_YEAR: it never works off households of its own. */
  private ReviewRun pathRun() {
    ReviewRun run = reviews.findRunOf(DISTRICT, PATH_YEAR);
    if (run == null) {
      run = new ReviewRun();
      run.setRegionCode(DISTRICT);
      run.setReviewYear(PATH_YEAR);
      run.setState(ReviewRun.PAUSED);
      run.setActor("admin");
      run.setCreatedAt(LocalDateTime.now(clock));
      run.setUpdatedAt(LocalDateTime.now(clock));
      reviews.insertRun(run);
    }
    return run;
  }

  /** A confirmed 低保 household whose review of PATH_YEAR has started. */
  private Case reviewStarted() {
    Case c = cases.atDistrict();
    cases.decide(c, "approve", "homeVisitDone", false);
    assertThat(c.pi()).isEnded();
    String instance = runner.reviewHousehold(pathRun(), c.applicationId());
    Case r = new Case(c.applicationId(), runtimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult());
    assertThat(r.pi()).isStarted().isWaitingAt(DibaoReviewProcess.TASK_CHECK).task().hasCandidateGroup("420112001000-clerk");
    Assertions.assertThat(cases.task(r).getDueDate()).isNotNull();
    Assertions.assertThat(cases.application(r).getProcessInstanceId()).isEqualTo(instance);
    Assertions.assertThat(history.of(r.applicationId())).anyMatch(e -> DibaoReviewProcess.EVENT_STARTED.equals(e.getAction()));
    return r;
  }

  private BigDecimal previousAmount(Case r) {
    return reviews.findReview(r.applicationId(), PATH_YEAR).getPreviousAmount();
  }

  private void check(Case r, boolean homeVisit) {
    cases.decide(r, "approve", "checkResult", homeVisit ? "doubtful" : "consistent",
        DibaoReviewProcess.VAR_HOME_VISIT_NEEDED, homeVisit, "checkFindings", "经信息核对，家庭成员于2026年9月起有工资收入");
  }

  private void decide(Case r, String outcome, BigDecimal newAmount, String opinion) {
    assertThat(r.pi()).isWaitingAt(DibaoReviewProcess.TASK_DECIDE).task().hasCandidateGroup("420112000000-approver");
    cases.decide(r, "approve", DibaoReviewProcess.VAR_REVIEW_OUTCOME, outcome, DibaoReviewProcess.VAR_NEW_AMOUNT, newAmount,
        ProcessVariables.OPINION, opinion);
  }

  /** The latest notice of the kind (a reviewed case has its first 确认通知书 from the application too). */
  private Notice latest(Case r, String kind) {
    Notice found = notices.ofApplication(r.applicationId()).stream().filter(n -> kind.equals(n.getKind()))
        .max(java.util.Comparator.comparing(Notice::getId)).orElseThrow(() -> new AssertionError("no " + kind + " notice"));
    return notices.get(found.getId(), users.load("qu-approver").orElseThrow());
  }

  private String outcome(Case r) {
    return reviews.findReview(r.applicationId(), PATH_YEAR).getOutcome();
  }

  /** A 减发 (or 停发) decided without a home visit: the notice issued, the appeal window open. */
  private Case negative(String outcome) {
    Case r = reviewStarted();
    check(r, false);
    BigDecimal lower = DibaoReviewProcess.OUTCOME_REDUCE.equals(outcome)
        ? previousAmount(r).subtract(new BigDecimal("100")) : null;
    decide(r, outcome, lower, "家庭人均收入已提高");
    String notice = DibaoReviewProcess.OUTCOME_REDUCE.equals(outcome) ? "reduced" : "stopped";
    assertThat(r.pi()).hasPassedInOrder(DibaoReviewProcess.TASK_DECIDE, DibaoReviewProcess.SERVICE_APPLY_OUTCOME,
        DibaoReviewProcess.OUTCOME_REDUCE.equals(outcome) ? DibaoReviewProcess.SERVICE_NOTICE_REDUCED
            : DibaoReviewProcess.SERVICE_NOTICE_STOPPED).isWaitingAt(DibaoReviewProcess.CALL_APPEAL);
    Assertions.assertThat(cases.noticeKinds(r)).contains(notice);
    return r;
  }

  /** domain.md §0: every element of a negative notice, in the rendered text. */
  private void assertLawful(Case r, Notice notice, String decision) {
    var application = cases.application(r);
    Assertions.assertThat(notice.getDocNumber()).matches("东民救〔\\d{4}〕\\d+号");
    Assertions.assertThat(notice.getContentHtml()).contains(notice.getDocNumber(), "武汉市东西湖区民政局", "（印章）",
        IdNumbers.mask(application.getApplicantIdNumber()), "最低生活保障", application.getNumber(), "收到日期", decision,
        "事实和理由", "家庭成员于2026年9月起有工资收入", "家庭人均收入已提高", "《社会救助暂行办法》第十三条",
        "60日内向武汉市东西湖区人民政府申请行政复议", "6个月内直接向武汉市东西湖区人民法院提起行政诉讼")
        .contains(String.valueOf(LocalDateTime.now().getYear()) + "年")
        .doesNotContain(application.getApplicantIdNumber());
  }

  // ---- 维持 / 增发

  @Test
  void shouldKeepTheBenefitWithoutAHomeVisitWhenTheCheckAgrees() {
    // given
    Case r = reviewStarted();
    BigDecimal previous = previousAmount(r);
    // the review task is in the street clerks' inbox, as the case's
    TaskRow row = inbox.page(users.load("wjs-clerk").orElseThrow(), "group", null, null, null, null, 0, 500).items().stream()
        .filter(t -> r.applicationId() == t.applicationId()).findFirst().orElseThrow();
    Assertions.assertThat(row.taskKey()).isEqualTo(DibaoReviewProcess.TASK_CHECK);
    // when
    check(r, false);
    decide(r, DibaoReviewProcess.OUTCOME_KEEP, null, "");
    // then
    assertThat(r.pi()).hasPassedInOrder(DibaoReviewProcess.TASK_CHECK, DibaoReviewProcess.TASK_DECIDE,
        DibaoReviewProcess.SERVICE_APPLY_OUTCOME, DibaoReviewProcess.SERVICE_NOTICE_KEPT, DibaoReviewProcess.END_KEPT)
        .hasNotPassed(DibaoReviewProcess.TASK_HOME_VISIT).isEnded();
    Assertions.assertThat(cases.application(r).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    Assertions.assertThat(cases.application(r).getAmount()).isEqualByComparingTo(previous);
    Assertions.assertThat(latest(r, "approved").getContentHtml()).contains(PATH_YEAR + "年度复核", "继续保障");
    Assertions.assertThat(outcome(r)).isEqualTo(DibaoReviewProcess.OUTCOME_KEEP);
    Assertions.assertThat(history.of(r.applicationId())).anyMatch(e -> DibaoReviewProcess.EVENT_DECIDED.equals(e.getAction()));
  }

  @Test
  void shouldIncreaseTheBenefitAfterAHomeVisit() {
    // given
    Case r = reviewStarted();
    BigDecimal higher = previousAmount(r).add(new BigDecimal("120"));
    // when
    check(r, true);
    assertThat(r.pi()).isWaitingAt(DibaoReviewProcess.TASK_HOME_VISIT).task().hasCandidateGroup("420112001000-clerk");
    cases.decide(r, "approve", "investigator1", "王五", "investigator2", "赵六", "visitDate", "2026-11-18",
        "visitFindings", "一名成员因病失业");
    decide(r, DibaoReviewProcess.OUTCOME_INCREASE, higher, "");
    // then
    assertThat(r.pi()).hasPassedInOrder(DibaoReviewProcess.TASK_CHECK, DibaoReviewProcess.TASK_HOME_VISIT,
        DibaoReviewProcess.TASK_DECIDE, DibaoReviewProcess.SERVICE_NOTICE_KEPT, DibaoReviewProcess.END_KEPT).isEnded();
    Assertions.assertThat(cases.application(r).getAmount()).isEqualByComparingTo(higher);
    Assertions.assertThat(latest(r, "approved").getContentHtml()).contains("增发", higher.setScale(2).toPlainString() + "元");
    Assertions.assertThat(outcome(r)).isEqualTo(DibaoReviewProcess.OUTCOME_INCREASE);
  }

  @Test
  void shouldRefuseAnIncreaseThatIsNotHigher() {
    Case r = reviewStarted();
    check(r, false);
    Throwable refused = Assertions.catchThrowable(() -> decide(r, DibaoReviewProcess.OUTCOME_INCREASE, previousAmount(r), ""));
    Assertions.assertThat(refused).isInstanceOf(ApiException.class);
    assertThat(r.pi()).isWaitingAt(DibaoReviewProcess.TASK_DECIDE);
  }

  // ---- 减发

  @Test
  void shouldReduceWithALawfulNoticeAndEndWhenTheAppealWindowPasses() {
    // given
    Case r = negative(DibaoReviewProcess.OUTCOME_REDUCE);
    BigDecimal lower = previousAmount(r).subtract(new BigDecimal("100"));
    // then
    Assertions.assertThat(cases.application(r).getAmount()).isEqualByComparingTo(lower);
    Assertions.assertThat(cases.application(r).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    Notice notice = cases.notice(r, "reduced");
    assertLawful(r, notice, "起减发你家庭的最低生活保障金");
    Assertions.assertThat(notice.getContentHtml()).contains("减发最低生活保障金决定书", lower.setScale(2).toPlainString() + "元");
    // when: nobody appeals within the window
    execute(cases.timer(r));
    // then
    assertThat(r.pi()).hasPassedInOrder(DibaoReviewProcess.SERVICE_NOTICE_REDUCED, DibaoReviewProcess.CALL_APPEAL,
        DibaoReviewProcess.SERVICE_CLOSE_REVIEW, DibaoReviewProcess.END_DECIDED).isEnded();
    Assertions.assertThat(outcome(r)).isEqualTo(DibaoReviewProcess.OUTCOME_REDUCE);
  }

  @Test
  void shouldStayReducedWhenTheAppealIsUpheld() {
    Case r = negative(DibaoReviewProcess.OUTCOME_REDUCE);
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, r.key());
    assertThat(cases.stage(r, SharedStages.APPEAL)).isWaitingAt(SharedStages.TASK_DECIDE_APPEAL).variables()
        .containsEntry(ProcessVariables.REFUSED_BY, "test");
    cases.decide(r, "reject", ProcessVariables.OPINION, "复核维持");
    assertThat(r.pi()).hasPassedInOrder(DibaoReviewProcess.CALL_APPEAL, DibaoReviewProcess.SERVICE_CLOSE_REVIEW, DibaoReviewProcess.END_DECIDED).isEnded();
    Assertions.assertThat(cases.notice(r, "appeal_decision").getContentHtml()).contains("维持原减发最低生活保障金决定");
    Assertions.assertThat(cases.application(r).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
  }

  @Test
  void shouldDecideAgainAndRestoreTheAmountWhenTheAppealReopensAReduction() {
    Case r = negative(DibaoReviewProcess.OUTCOME_REDUCE);
    BigDecimal previous = previousAmount(r);
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, r.key());
    cases.decide(r, "approve", "appealFacts", "工资收入已于10月中断");
    assertThat(r.pi()).hasPassed(DibaoReviewProcess.BOUNDARY_REOPENED).isWaitingAt(DibaoReviewProcess.TASK_DECIDE);
    decide(r, DibaoReviewProcess.OUTCOME_KEEP, null, "收入已中断");
    assertThat(r.pi()).hasPassedInOrder(DibaoReviewProcess.BOUNDARY_REOPENED, DibaoReviewProcess.TASK_DECIDE,
        DibaoReviewProcess.SERVICE_NOTICE_KEPT, DibaoReviewProcess.END_KEPT).isEnded();
    Assertions.assertThat(cases.application(r).getAmount()).isEqualByComparingTo(previous);
    Assertions.assertThat(outcome(r)).isEqualTo(DibaoReviewProcess.OUTCOME_KEEP);
  }

  // ---- 停发

  @Test
  void shouldStopWithALawfulNoticeAndEndWhenTheAppealWindowPasses() {
    // given
    Case r = negative(DibaoReviewProcess.OUTCOME_STOP);
    // then
    Assertions.assertThat(cases.application(r).getStatus()).isEqualTo(ApplicationStatus.TERMINATED);
    Notice notice = cases.notice(r, "stopped");
    assertLawful(r, notice, "起停发你家庭的最低生活保障金");
    Assertions.assertThat(notice.getContentHtml()).contains("停发最低生活保障金决定书");
    // when
    execute(cases.timer(r));
    // then
    assertThat(r.pi()).hasPassedInOrder(DibaoReviewProcess.SERVICE_NOTICE_STOPPED, DibaoReviewProcess.CALL_APPEAL,
        DibaoReviewProcess.SERVICE_CLOSE_REVIEW, DibaoReviewProcess.END_DECIDED).hasNotPassed(DibaoReviewProcess.TASK_HOME_VISIT).isEnded();
    Assertions.assertThat(cases.application(r).getStatus()).isEqualTo(ApplicationStatus.TERMINATED);
    Assertions.assertThat(outcome(r)).isEqualTo(DibaoReviewProcess.OUTCOME_STOP);
  }

  @Test
  void shouldStayStoppedWhenTheAppealIsUpheld() {
    Case r = negative(DibaoReviewProcess.OUTCOME_STOP);
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, r.key());
    cases.decide(r, "reject", ProcessVariables.OPINION, "复核维持");
    assertThat(r.pi()).hasPassedInOrder(DibaoReviewProcess.CALL_APPEAL, DibaoReviewProcess.SERVICE_CLOSE_REVIEW, DibaoReviewProcess.END_DECIDED).isEnded();
    Assertions.assertThat(cases.application(r).getStatus()).isEqualTo(ApplicationStatus.TERMINATED);
    Assertions.assertThat(cases.notice(r, "appeal_decision").getContentHtml()).contains("维持原停发最低生活保障金决定");
  }

  @Test
  void shouldDecideAgainAndKeepTheBenefitWhenTheAppealReopensAStop() {
    Case r = negative(DibaoReviewProcess.OUTCOME_STOP);
    runtimeService().correlateMessage(ProcessVariables.MESSAGE_APPEAL, r.key());
    cases.decide(r, "approve", "appealFacts", "收入证明有误");
    assertThat(r.pi()).hasPassed(DibaoReviewProcess.BOUNDARY_REOPENED).isWaitingAt(DibaoReviewProcess.TASK_DECIDE);
    decide(r, DibaoReviewProcess.OUTCOME_KEEP, null, "收入证明有误，仍符合条件");
    assertThat(r.pi()).hasPassedInOrder(DibaoReviewProcess.BOUNDARY_REOPENED, DibaoReviewProcess.SERVICE_NOTICE_KEPT,
        DibaoReviewProcess.END_KEPT).isEnded();
    Assertions.assertThat(cases.application(r).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
  }
}
