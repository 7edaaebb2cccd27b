package cn.minzheng.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.board.PublicBoardProperties;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.region.Region;
import cn.minzheng.approvals.region.RegionService;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.TestIds;

/**
 * The public 公示 board without login: what it shows (and never shows), objections with receipt numbers
 * reaching the process as staff-entered ones do, the rate limit and the end of a 公示.
 */
@IntegrationTest
class PublicBoardApiTest {

  /** GB 11643 ID numbers, mobile phones, bank accounts (digits that are not part of a longer number). */
  static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?!\\d)");
  static final Pattern PHONE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
  static final Pattern BANK_ACCOUNT = Pattern.compile("(?<!\\d)\\d{12,19}(?!\\d)");

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired CaseHistory history;
  @Autowired RegionService regions;
  @Autowired PublicBoardProperties properties;
  @Autowired JdbcTemplate jdbc;
  @Autowired cn.minzheng.approvals.tekun.TekunTerminations terminations;

  ApiClient anonymous;
  DibaoCases cases;

  @BeforeEach
  void init() {
    anonymous = new ApiClient(rest, null);
    cases = new DibaoCases(engine, applications, notices, users);
    // the rate limit counts this client's objections of the last hour: start each test with none
    jdbc.update("DELETE FROM mz_public_objection");
  }

  @Test
  void shouldShowNoPersonalDataOnAnyPublicPageOrAnswer() {
    // given: cases of three types on 公示 in two streets, with phones, bank accounts, ID numbers and an address
    Case dibaoWjs = cases.onPublicNotice();
    Case dibaoJjl = onPublicNotice(Applications.dibao(Applications.JJL_COMMUNITY));
    Case tekun = tekunOnPublicNotice();
    Case linshi = linshiOnPublicNotice();
    List<ApplicationRecord> shown = List.of(dibaoWjs, dibaoJjl, tekun, linshi).stream().map(cases::application).toList();
    // when
    List<String> bodies = new ArrayList<>();
    ResponseEntity<String> all = anonymous.getText("/public/notices");
    bodies.add(all.getBody());
    for (String region : List.of("420112001000", Applications.JJL_COMMUNITY, "420112000000")) {
      bodies.add(anonymous.getText("/public/notices?regionCode=" + region).getBody());
    }
    bodies.add(anonymous.getText("/public/places").getBody());
    bodies.add(anonymous.getText("/public/board").getBody());
    bodies.add(anonymous.getText("/js/public-board.js").getBody());
    String id = publicIdOf(dibaoWjs);
    bodies.add(anonymous.postText("/public/notices/" + id + "/objections", Map.of("content", "")).getBody());
    bodies.add(anonymous.postText("/public/notices/nosuchnotice/objections", Map.of("content", "x")).getBody());
    bodies.add(anonymous.postText("/public/notices/" + id + "/objections",
        Map.of("content", "该户有车辆", "contact", "13900001111")).getBody());
    bodies.add(anonymous.postText("/public/notices/" + id + "/objections", Map.of("content", "再次异议")).getBody());
    // then
    assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(all.getBody()).contains("张*三", "刘*老", "王*五");
    Set<String> regionCodes = regions.all().stream().map(Region::getCode).collect(Collectors.toSet());
    for (String body : bodies) {
      assertThat(body).isNotNull();
      assertThat(matches(ID_NUMBER, body)).as("ID numbers in %s", body).isEmpty();
      assertThat(matches(PHONE, body)).as("phones in %s", body).isEmpty();
      // the 12-digit statistical codes of streets and communities are public (the board filters by them)
      assertThat(matches(BANK_ACCOUNT, body)).as("account-like numbers in %s", body).isSubsetOf(regionCodes);
      for (ApplicationRecord a : shown) {
        assertThat(body).doesNotContain(a.getApplicantName(), a.getApplicantIdNumber(), "6228480012345678901",
            "13812345678", "13900001111", "临空港大道", "李四", "因病致贫", "突发重病", "grade2",
            a.getNumber());
      }
    }
    List<Map<String, Object>> rows = anonymous.getList("/public/notices").getBody();
    // only the lawful fields (a missing amount or household size is left out, never replaced by anything else)
    assertThat(rows).allSatisfy(row -> assertThat(List.of("id", "regionName", "maskedName", "householdSize", "amount",
        "type", "typeName", "startsAt", "endsAt")).containsAll(row.keySet()).contains("id", "maskedName", "type"));
  }

  @Test
  void shouldListOnlyTheCasesOnPublicNoticeOfTheChosenPlace() {
    // given
    Case wjs = cases.onPublicNotice();
    Case jjl = onPublicNotice(Applications.dibao(Applications.JJL_COMMUNITY));
    Case notYet = cases.accepted();
    // when
    List<Map<String, Object>> inJjl = anonymous.getList("/public/notices?regionCode=" + Applications.JJL_COMMUNITY).getBody();
    List<Map<String, Object>> all = anonymous.getList("/public/notices").getBody();
    // then
    assertThat(inJjl).extracting(r -> r.get("id")).contains(publicIdOf(jjl)).doesNotContain(publicIdOf(wjs));
    assertThat(inJjl).allSatisfy(r -> assertThat(r.get("regionName")).isEqualTo(regionName(Applications.JJL_COMMUNITY)));
    Map<String, Object> row = all.stream().filter(r -> r.get("id").equals(publicIdOf(wjs))).findFirst().orElseThrow();
    assertThat(row).containsEntry("maskedName", "张*三").containsEntry("householdSize", 2).containsEntry("type", "dibao")
        .containsEntry("typeName", "最低生活保障");
    assertThat(((Number) row.get("amount")).doubleValue()).isEqualTo(1160.0);
    assertThat((String) row.get("endsAt")).isGreaterThan((String) row.get("startsAt"));
    assertThat(all).hasSize((int) all.stream().map(r -> r.get("id")).distinct().count());
    assertThat(cases.waitingAt(notYet)).doesNotContain(DibaoProcess.CALL_PUBLIC_NOTICE);
    assertThat((String) row.get("id")).matches("[a-z]{20}");
  }

  @Test
  void shouldSendTheCaseBackToInvestigationWithAReceiptWhenTheBoardTakesAnObjection() {
    // given
    Case c = cases.onPublicNotice();
    String id = publicIdOf(c);
    // when
    ResponseEntity<Map<String, Object>> filed = anonymous.post("/public/notices/" + id + "/objections",
        Map.of("content", "该户有未申报的经营收入", "contact", "13900001111"));
    // then
    assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String receiptNo = (String) filed.getBody().get("receiptNo");
    assertThat(receiptNo).matches("YY\\d{8}-\\d{4}");
    assertThat(cases.waitingAt(c)).contains(DibaoProcess.TASK_INVESTIGATE);
    assertThat(cases.application(c).getStage()).isEqualTo(DibaoProcess.TASK_INVESTIGATE);
    assertThat(history.of(c.applicationId())).anySatisfy(e -> {
      assertThat(e.getAction()).isEqualTo("objection");
      assertThat(e.getActor()).isEqualTo("public");
      assertThat(e.getOpinion()).isEqualTo("该户有未申报的经营收入");
      assertThat(e.getDetailJson()).contains(receiptNo);
    });
    assertThat(jdbc.queryForObject("SELECT contact FROM mz_public_objection WHERE receipt_no = ?", String.class, receiptNo))
        .isEqualTo("13900001111");
    assertThat(anonymous.getList("/public/notices").getBody()).extracting(r -> r.get("id")).doesNotContain(id);
  }

  @Test
  void shouldAnswer409WhenThePublicNoticeHasEnded() {
    // given
    Case c = cases.onPublicNotice();
    String id = publicIdOf(c);
    execute(cases.timer(c));
    // when
    ResponseEntity<Map<String, Object>> late = anonymous.post("/public/notices/" + id + "/objections", Map.of("content", "晚了"));
    // then
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody().get("detail")).isEqualTo("该公示已结束，不能再提出异议。");
    assertThat(cases.waitingAt(c)).contains(DibaoProcess.TASK_DISTRICT_APPROVE);
    assertThat(history.of(c.applicationId())).noneSatisfy(e -> assertThat(e.getAction()).isEqualTo("objection"));
  }

  @Test
  void shouldRefuseEmptyOversizedAndUnknown() {
    Case c = cases.onPublicNotice();
    String id = publicIdOf(c);
    assertThat(anonymous.post("/public/notices/" + id + "/objections", Map.of("content", "  ")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(anonymous.post("/public/notices/" + id + "/objections", Map.of("content", "长".repeat(2001))).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(anonymous.post("/public/notices/abcdefghjkabcdefghjk/objections", Map.of("content", "x")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(cases.waitingAt(c)).doesNotContain(DibaoProcess.TASK_INVESTIGATE);
  }

  @Test
  void shouldRefuseAPostFromAnotherSite() {
    Case c = cases.onPublicNotice();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setOrigin("https://evil.example");
    ResponseEntity<String> forged = rest.exchange("/public/notices/" + publicIdOf(c) + "/objections", HttpMethod.POST,
        new HttpEntity<>(Map.of("content", "伪造"), headers), String.class);
    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(cases.waitingAt(c)).doesNotContain(DibaoProcess.TASK_INVESTIGATE);
  }

  @Test
  void shouldAnswer429WithRetryAfterOnceAClientHasFiledItsObjectionsForTheHour() {
    // given: the limit (3 in the test profile) and one more case on 公示
    int limit = properties.getObjectionsPerHour();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i <= limit; i++) {
      ids.add(publicIdOf(cases.onPublicNotice()));
    }
    // when
    for (int i = 0; i < limit; i++) {
      assertThat(anonymous.post("/public/notices/" + ids.get(i) + "/objections", Map.of("content", "异议" + i))
          .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
    ResponseEntity<Map<String, Object>> refused = anonymous.post("/public/notices/" + ids.get(limit) + "/objections",
        Map.of("content", "又一条"));
    // then
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    long retryAfter = Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    assertThat(retryAfter).isBetween(1L, 3600L);
    assertThat((String) refused.getBody().get("detail")).startsWith("提交异议过于频繁");
    assertThat(anonymous.getList("/public/notices").getBody()).extracting(r -> r.get("id")).contains(ids.get(limit));
  }

  @Test
  void shouldSayWhenThePublicNoticeIsAboutATermination() {
    // given: a confirmed 特困 person whose benefit the street proposes to stop, on 公示
    Case c = tekunOnPublicNotice();
    execute(cases.timer(c));
    cases.decide(c, "approve", "spotCheck", "no");
    terminations.start(c.applicationId(),
        new cn.minzheng.approvals.tekun.TekunTerminations.TerminationRequest("income", "在超市务工，月收入2300元"),
        users.load("wjs-clerk").orElseThrow());
    // when
    String id = publicIdOf(c);
    String body = anonymous.getText("/public/notices?regionCode=" + Applications.WJS_COMMUNITY).getBody();
    // then: labelled a termination, the reason not shown
    assertThat(anonymous.getList("/public/notices").getBody()).filteredOn(r -> id.equals(r.get("id"))).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("typeName", "特困人员救助供养（终止）").containsEntry("maskedName", "刘*老"));
    assertThat(body).doesNotContain("2300", "超市");
  }

  // --- helpers

  private String publicIdOf(Case c) {
    ApplicationRecord a = cases.application(c);
    String region = a.getCommunityCode() != null ? a.getCommunityCode() : a.getStreetCode();
    // the board is the only way to learn a public id: the newest row of that place's 公示 started for this case
    List<Map<String, Object>> before = anonymous.getList("/public/notices?regionCode=" + region).getBody();
    String id = jdbc.queryForObject("SELECT public_id FROM mz_public_notice WHERE application_id = ? "
        + "ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY", String.class, c.applicationId());
    assertThat(before).extracting(r -> r.get("id")).contains(id);
    return id;
  }

  private String regionName(String code) {
    return regions.find(code).map(Region::getName).orElseThrow();
  }

  private Case onPublicNotice(ApplicationRequest request) {
    ApplicationRecord created = applications.submit(request, users.load(
        request.regionCode().startsWith("420112002") ? "jjl-clerk" : "wjs-clerk").orElseThrow());
    Case c = new Case(created.getId(), engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(created.getProcessInstanceId()).singleResult());
    cases.decide(c, "approve");
    cases.investigate(c, false);
    cases.decide(c, "approve");
    assertThat(cases.waitingAt(c)).contains(DibaoProcess.CALL_PUBLIC_NOTICE);
    return c;
  }

  private Case tekunOnPublicNotice() {
    ApplicationRequest request = new ApplicationRequest("tekun", Applications.WJS_COMMUNITY,
        new ApplicationRequest.Applicant("刘孤老", TestIds.random(), "13812345678"), null, null, "中国农业银行",
        "6228480012345678901", "年老无依",
        Map.<String, Object>of("category", "elderly", "supporter", "none", "careMode", "home", "address", "东西湖区临空港大道88号"),
        List.of(new ApplicationRequest.Material("id_card", "身份证", true)));
    ApplicationRecord created = applications.submit(request, users.load("wjs-clerk").orElseThrow());
    Case c = new Case(created.getId(), engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(created.getProcessInstanceId()).singleResult());
    cases.decide(c, "approve");
    cases.decide(c, "approve", "investigator1", "王五", "investigator2", "赵六", "noWorkAbility", true, "noIncome", true,
        "noSupporter", true, "note", "符合", "canEat", true, "canDress", true, "canTransfer", false, "canToilet", false,
        "canWalk", true, "canBathe", true);
    return c;
  }

  private Case linshiOnPublicNotice() {
    String idNumber = TestIds.random();
    ApplicationRequest request = new ApplicationRequest("linshi", Applications.WJS_COMMUNITY,
        new ApplicationRequest.Applicant("王小五", idNumber, "13812345678"),
        List.of(new ApplicationRequest.Member("王小五", idNumber, "self", true, new java.math.BigDecimal("500"), "partial", "none", null)),
        null, "中国工商银行", "6222020012345678", "突发重病",
        Map.of("kind", "expense", "cause", "重大疾病住院", "requestedAmount", 3000, "advance", false),
        List.of(new ApplicationRequest.Material("id_card", "身份证", true),
            new ApplicationRequest.Material("medical_proof", "住院费用清单", true)));
    ApplicationRecord created = applications.submit(request, users.load("wjs-clerk").orElseThrow());
    Case c = new Case(created.getId(), engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(created.getProcessInstanceId()).singleResult());
    cases.decide(c, "approve");
    cases.decide(c, "approve", "investigator1", "王五", "investigator2", "赵六", "visitDate", "2026-11-18",
        "verificationResult", "consistent", "holdDemocraticReview", false, "skipReason", "情况清楚，无争议");
    return c;
  }

  private static List<String> matches(Pattern pattern, String body) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(body);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
