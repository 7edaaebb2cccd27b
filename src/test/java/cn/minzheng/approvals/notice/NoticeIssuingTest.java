package cn.minzheng.approvals.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.MemberRecord;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.IntegrationTest;

/** Notices as issued by the real process: mandatory content, privacy, PDF text, 文号 under concurrency. */
@IntegrationTest
class NoticeIssuingTest {

  private static final String REASONS = "经入户调查和信息核对，该户家庭月人均收入高于本区最低生活保障标准";

  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired TransactionTemplate transactions;

  @Test
  void shouldCarryEveryMandatoryElementInTheRefusal() {
    // given
    DibaoCases cases = new DibaoCases(engine, applications, notices, users);
    Case refused = cases.refused(REASONS);
    ApplicationRecord application = cases.application(refused);
    // when
    Notice rejection = notices.ofApplication(refused.applicationId()).stream()
        .filter(n -> "rejected".equals(n.getKind())).findFirst().orElseThrow();
    String html = notices.get(rejection.getId(), users.load("qu-approver").orElseThrow()).getContentHtml();
    // then: domain.md §0 — organ, 文号, date, seal; applicant with masked ID; item and date received;
    // decision; facts and reasons; legal basis; 复议 (body, 60 days); 诉讼 (court, 6 months)
    assertThat(html).contains("不予批准决定书");
    assertThat(html).contains("武汉市东西湖区民政局");
    assertThat(rejection.getDocNumber()).matches("东民救〔\\d{4}〕\\d+号");
    assertThat(html).contains(rejection.getDocNumber());
    assertThat(html).containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日");
    assertThat(html).contains("（印章）");
    assertThat(html).contains(application.getApplicantName())
        .contains(application.getApplicantIdNumber().substring(0, 6) + "********" + application.getApplicantIdNumber().substring(14));
    assertThat(html).contains("最低生活保障").contains("收到申请日期");
    assertThat(html).contains("决定不予批准");
    assertThat(html).contains(REASONS);
    assertThat(html).contains("民发〔2021〕57号");
    assertThat(html).contains("武汉市东西湖区人民政府").contains("60日").contains("行政复议");
    assertThat(html).contains("武汉市东西湖区人民法院").contains("6个月").contains("行政诉讼");
    assertThat(rejection.getSha256()).isEqualTo(NoticeService.sha256(html));
  }

  @Test
  void shouldNeverPrintAFullIdNumberInAnyNotice() {
    // given: a case that went through every notice of the refusal path and its appeal
    DibaoCases cases = new DibaoCases(engine, applications, notices, users);
    Case refused = cases.refused(REASONS);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService()
        .correlateMessage("appeal", String.valueOf(refused.applicationId()));
    cases.decide(refused, "reject", "opinion", "维持");
    List<MemberRecord> members = applications.members(refused.applicationId());
    // when
    List<Notice> issued = notices.ofApplication(refused.applicationId());
    // then
    assertThat(issued).extracting(Notice::getKind).containsExactly("accepted", "publicity", "rejected", "appeal_decision");
    for (Notice notice : issued) {
      String html = notices.get(notice.getId(), users.load("qu-approver").orElseThrow()).getContentHtml();
      for (MemberRecord member : members) {
        assertThat(html).as(notice.getKind()).doesNotContain(member.getIdNumber());
      }
    }
    String publicity = notices.get(issued.get(1).getId(), users.load("qu-approver").orElseThrow()).getContentHtml();
    assertThat(publicity).contains("张*三").doesNotContain("张小三").doesNotContain("6228480012345678901").doesNotContain("13812345678");
  }

  @Test
  void shouldListEverythingMissingAtOnceInTheSupplementNotice() {
    // given: the application declared its ID cards and 户口簿; the clerk lists one more thing
    DibaoCases cases = new DibaoCases(engine, applications, notices, users);
    Case c = cases.submit();
    // when
    cases.decide(c, "supplement", "missing", "近三个月银行流水");
    // then: the clerk's item and every required kind not handed in, and nothing that was
    Notice supplement = notices.ofApplication(c.applicationId()).get(0);
    String html = notices.get(supplement.getId(), users.load("wjs-clerk").orElseThrow()).getContentHtml();
    assertThat(supplement.getKind()).isEqualTo("supplement");
    assertThat(html).contains("近三个月银行流水", "家庭收入证明", "承诺书", "家庭经济状况核对授权书")
        .doesNotContain("申请人及家庭成员居民身份证");
  }

  @Test
  void shouldBeSignedByTheOfficeWhoseStaffTookTheDecision() {
    // given: two cases of 吴家山街
    DibaoCases cases = new DibaoCases(engine, applications, notices, users);
    Case byStreet = cases.submit();
    Case byDistrict = cases.submit();
    // when: one refusal taken by street staff (分级审批), one by the district
    Notice streetRefusal = transactions.execute(tx -> notices.issue(byStreet.applicationId(), NoticeKind.REJECTED,
        new NoticeService.DecisionInput("金额在街道审批权限内，经审核不符合条件", null, "wjs-reviewer")));
    Notice districtRefusal = transactions.execute(tx -> notices.issue(byDistrict.applicationId(), NoticeKind.REJECTED,
        new NoticeService.DecisionInput("经审核不符合条件", null, "qu-approver")));
    // then
    assertThat(streetRefusal.getDocNumber()).startsWith("吴街民〔");
    assertThat(streetRefusal.getContentHtml()).contains("武汉市东西湖区吴家山街道办事处").contains("武汉市东西湖区人民政府");
    assertThat(districtRefusal.getDocNumber()).startsWith("东民救〔");
    assertThat(districtRefusal.getContentHtml()).contains("武汉市东西湖区民政局");
  }

  @Test
  void shouldEmbedTheChineseTitleInThePdf() throws Exception {
    // given
    DibaoCases cases = new DibaoCases(engine, applications, notices, users);
    Case refused = cases.refused(REASONS);
    Notice rejection = notices.ofApplication(refused.applicationId()).stream()
        .filter(n -> "rejected".equals(n.getKind())).findFirst().orElseThrow();
    // when
    byte[] pdf = notices.pdf(notices.get(rejection.getId(), users.load("qu-approver").orElseThrow()));
    // then
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    String text = cn.minzheng.approvals.support.PdfText.of(pdf);
    assertThat(text).contains("不予批准决定书").contains("武汉市东西湖区人民政府");
  }

  @Test
  void shouldNumberConcurrentNoticesOfOneOfficeWithoutGapsOrDuplicates() throws Exception {
    // given: cases of one street on the way to acceptance
    DibaoCases cases = new DibaoCases(engine, applications, notices, users);
    List<Case> pending = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      pending.add(cases.submit());
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String>> numbers = new ArrayList<>();
    try {
      for (Case c : pending) {
        Callable<String> issue = () -> {
          start.await();
          return transactions.execute(tx -> notices.issue(c.applicationId(), NoticeKind.ACCEPTED,
              new NoticeService.DecisionInput(null, null, "wjs-clerk")).getDocNumber());
        };
        numbers.add(pool.submit(issue));
      }
      // when
      start.countDown();
      List<Integer> issued = new ArrayList<>();
      for (Future<String> number : numbers) {
        Matcher m = Pattern.compile("吴街民〔\\d{4}〕(\\d+)号").matcher(number.get());
        assertThat(m.matches()).as(number.get()).isTrue();
        issued.add(Integer.parseInt(m.group(1)));
      }
      // then: eight distinct numbers forming one unbroken run
      Set<Integer> distinct = issued.stream().collect(Collectors.toSet());
      assertThat(distinct).hasSize(8);
      int min = issued.stream().mapToInt(Integer::intValue).min().orElseThrow();
      int max = issued.stream().mapToInt(Integer::intValue).max().orElseThrow();
      assertThat(max - min).isEqualTo(7);
    } finally {
      pool.shutdownNow();
    }
  }

}
