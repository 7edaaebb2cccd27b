package cn.minzheng.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.audit.cases.CaseExport;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.PdfText;
import cn.minzheng.approvals.support.PublicNoticeTimer;
import cn.minzheng.approvals.support.TestIds;

/**
 * The auditors' case view end to end: one 低保 case driven through every operation, refused and appealed,
 * then read back as the auditor reads it (timeline, search, export, case file).
 */
@IntegrationTest
class AuditCaseApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired ApplicationService applications;

  ApiClient auditor;
  ApiClient wjsClerk;
  ApiClient wjsReviewer;
  ApiClient wjsWorker;
  ApiClient jjlClerk;
  ApiClient approver;
  ApiClient approver2;

  @BeforeEach
  void clients() {
    auditor = new ApiClient(rest, "auditor");
    wjsClerk = new ApiClient(rest, "wjs-clerk");
    wjsReviewer = new ApiClient(rest, "wjs-reviewer");
    wjsWorker = new ApiClient(rest, "wjs-worker");
    jjlClerk = new ApiClient(rest, "jjl-clerk");
    approver = new ApiClient(rest, "qu-approver");
    approver2 = new ApiClient(rest, "qu-approver2");
  }

  @Test
  void shouldShowEveryOperationDecisionChangeAndNoticeOfACaseInOneTimeline() {
    // given: a case taken through every operation, refused and appealed
    Case c = walkedThroughEverything();
    // when
    ResponseEntity<List<Map<String, Object>>> answer = auditor.getList("/api/audit/applications/" + c.id + "/timeline");
    // then
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> timeline = answer.getBody();
    assertThat(entry(timeline, "transfer")).containsEntry("actor", "qu-approver").containsEntry("kind", "operation");
    assertThat(map(entry(timeline, "transfer").get("detail"))).containsEntry("to", "qu-approver2");
    assertThat(entry(timeline, "delegate")).containsEntry("actor", "wjs-clerk");
    assertThat(entry(timeline, "resolve")).containsEntry("actor", "wjs-worker").containsEntry("opinion", "材料已核对");
    assertThat(entry(timeline, "add_signer")).containsEntry("actor", "wjs-clerk");
    assertThat(entry(timeline, "sign_approved")).containsEntry("actor", "wjs-reviewer").containsEntry("opinion", "同意受理");
    assertThat(entry(timeline, "cc")).containsEntry("actor", "wjs-clerk");
    assertThat(entry(timeline, "urge")).containsEntry("actor", "wjs-reviewer").containsEntry("opinion", "请尽快受理");
    assertThat(entry(timeline, "return")).containsEntry("actor", "qu-approver").containsEntry("opinion", "请街道重新审核");
    assertThat(entry(timeline, "objection")).containsEntry("opinion", "该户有未申报的经营收入");
    assertThat(entry(timeline, "reject")).containsEntry("actor", "qu-approver2").containsEntry("kind", "decision")
        .containsEntry("opinion", "家庭人均收入高于保障标准");
    assertThat(entry(timeline, "appeal")).containsEntry("actor", "wjs-clerk").containsEntry("opinion", "收入计算有误");
    assertThat(timeline).allSatisfy(e -> assertThat(e).containsKeys("at", "kind"));
    // every entry with an actor names them
    assertThat(timeline.stream().filter(e -> e.get("actor") != null && !"stage".equals(e.get("kind"))))
        .allSatisfy(e -> assertThat(e.get("actorName")).isNotNull());
    // the second investigation changed the visit date: old → new
    assertThat(timeline).anySatisfy(e -> assertThat(list(e.get("changes"))).anySatisfy(ch ->
        assertThat(map(ch)).containsEntry("field", "visitDate").containsEntry("old", "2026-11-18")
            .containsEntry("new", "2026-11-20")));
    // notices with their document number and hash
    List<Map<String, Object>> notices = timeline.stream().filter(e -> "notice".equals(e.get("kind")))
        .map(e -> map(e.get("notice"))).toList();
    assertThat(notices).extracting(n -> n.get("kind")).contains("accepted", "publicity", "rejected", "appeal_decision");
    assertThat(notices).allSatisfy(n -> {
      assertThat((String) n.get("sha256")).matches("[0-9a-f]{64}");
      assertThat((String) n.get("docNumber")).contains("〔");
    });
    // stages and tasks of the case's model and of the called stage models, with their versions
    Set<String> versions = timeline.stream().map(e -> (String) e.get("modelVersion")).filter(v -> v != null)
        .collect(Collectors.toSet());
    assertThat(versions).anyMatch(v -> v.matches("dibao:\\d+")).anyMatch(v -> v.matches("stage_public_notice:\\d+"));
    assertThat(timeline).anySatisfy(e -> assertThat(e).containsEntry("kind", "stage")
        .containsEntry("stage", DibaoProcess.CALL_APPEAL).containsEntry("action", "entered"));
    assertThat(timeline).anySatisfy(e -> assertThat(e).containsEntry("kind", "task")
        .containsEntry("stage", DibaoProcess.TASK_DISTRICT_APPROVE).containsEntry("actor", "qu-approver2")
        .containsEntry("action", "completed"));
    // in order of time
    List<String> times = timeline.stream().map(e -> (String) e.get("at")).toList();
    assertThat(times).isSorted();
    assertThat(noIdNumber(answer.toString(), c)).isTrue();
  }

  @Test
  void shouldShowAWithdrawalWithItsReasonAndNotice() {
    // given
    Case c = submitted(Applications.dibao(Applications.WJS_COMMUNITY));
    // when
    assertThat(wjsClerk.post("/api/applications/" + c.id + "/withdraw", Map.of("reason", "申请人书面要求撤回")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // then
    List<Map<String, Object>> timeline = auditor.getList("/api/audit/applications/" + c.id + "/timeline").getBody();
    assertThat(entry(timeline, "withdraw")).containsEntry("actor", "wjs-clerk").containsEntry("kind", "operation")
        .containsEntry("opinion", "申请人书面要求撤回");
    assertThat(timeline).anySatisfy(e -> assertThat(map(e.get("notice"))).containsEntry("kind", "withdrawn"));
  }

  @Test
  void shouldRecordDataWrittenByAStageAsOldToNewWithIdNumbersMasked() {
    // given
    Case c = submitted(Applications.dibao(Applications.WJS_COMMUNITY));
    String someoneElse = TestIds.random();
    // when: a stage records data twice
    applications.recordData(c.id, Map.of("guardianIdNumber", someoneElse, "advancePaid", "300"));
    applications.recordData(c.id, Map.of("advancePaid", "500"));
    // then
    ResponseEntity<String> raw = auditor.getText("/api/audit/applications/" + c.id + "/timeline");
    assertThat(raw.getBody()).doesNotContain(someoneElse).contains(someoneElse.substring(0, 6) + "********");
    List<Map<String, Object>> changes = auditor.getList("/api/audit/applications/" + c.id + "/timeline").getBody().stream()
        .filter(e -> "data_change".equals(e.get("kind"))).flatMap(e -> list(e.get("changes")).stream()).map(AuditCaseApiTest::map)
        .toList();
    assertThat(changes).anySatisfy(ch -> assertThat(ch).containsEntry("field", "advancePaid").containsEntry("old", null)
        .containsEntry("new", "300"));
    assertThat(changes).anySatisfy(ch -> assertThat(ch).containsEntry("field", "advancePaid").containsEntry("old", "300")
        .containsEntry("new", "500"));
  }

  @Test
  void shouldFindACaseByIdNumberWithoutShowingItAndSeeBothStreets() {
    // given: one case in each street
    ApplicationRequest wjs = Applications.dibao(Applications.WJS_COMMUNITY);
    Case c = submitted(wjs);
    Case other = submittedBy(jjlClerk, Applications.dibao(Applications.JJL_COMMUNITY));
    String spouseId = wjs.members().get(1).idNumber();
    // when: searched by a household member's ID number, in the header and as a parameter
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Person-Id-Number", spouseId);
    ResponseEntity<String> byHeader = rest.withBasicAuth("auditor", ApiClient.PASSWORD)
        .exchange("/api/audit/applications", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    ResponseEntity<String> byParam = auditor.getText("/api/audit/applications?idNumber=" + wjs.applicant().idNumber());
    // then: found, and no answer holds a full ID number
    assertThat(byHeader.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(byHeader.getBody()).contains(c.number).doesNotContain(other.number);
    assertThat(byParam.getBody()).contains(c.number).doesNotContain(other.number);
    assertThat(noIdNumber(byHeader.getBody(), c)).isTrue();
    assertThat(noIdNumber(byParam.getBody(), c)).isTrue();
    // the auditor sees both streets; filters narrow
    assertThat(auditor.getText("/api/audit/applications?type=dibao&size=200").getBody()).contains(c.number, other.number);
    assertThat(auditor.getText("/api/audit/applications?size=200&regionCode=" + Applications.JJL_COMMUNITY).getBody())
        .contains(other.number).doesNotContain(c.number);
    assertThat(auditor.getText("/api/audit/applications?size=200&actor=jjl-clerk").getBody())
        .contains(other.number).doesNotContain(c.number);
    assertThat(auditor.getText("/api/audit/applications?size=200&status=withdrawn&idNumber=" + spouseId).getBody())
        .doesNotContain(c.number);
    assertThat(auditor.getText("/api/audit/applications?from=2000-01-01&to=2000-12-31").getBody()).doesNotContain(c.number);
    assertThat(auditor.get("/api/audit/applications?idNumber=123").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // a clerk is no auditor
    assertThat(wjsClerk.get("/api/audit/applications").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(wjsClerk.get("/api/audit/applications/" + c.id + "/timeline").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(wjsClerk.getBytes("/api/audit/applications/" + c.id + "/dossier.pdf").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(wjsClerk.getBytes("/api/audit/applications/export?format=csv").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void shouldExportTheFoundCasesAsXlsxAndCsvWithChineseHeaders() throws Exception {
    // given
    ApplicationRequest request = Applications.dibao(Applications.WJS_COMMUNITY);
    Case c = submitted(request);
    String id = request.applicant().idNumber();
    // when
    ResponseEntity<byte[]> xlsx = auditor.getBytes("/api/audit/applications/export?format=xlsx&idNumber=" + id);
    ResponseEntity<byte[]> csv = auditor.getBytes("/api/audit/applications/export?format=csv&idNumber=" + id);
    // then: the workbook opens, with the headers and the one case
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = book.getSheet(CaseExport.SHEET);
      Row header = sheet.getRow(0);
      for (int i = 0; i < CaseExport.HEADERS.size(); i++) {
        assertThat(header.getCell(i).getStringCellValue()).isEqualTo(CaseExport.HEADERS.get(i));
      }
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("编号");
      assertThat(sheet.getLastRowNum()).isEqualTo(1);
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(c.number);
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("最低生活保障");
      assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("办理中");
      assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
    }
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    byte[] bytes = csv.getBody();
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    String[] lines = text.split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("编号,类型,区划,状态");
    assertThat(lines[1]).startsWith(c.number + ",最低生活保障,").doesNotContain(id);
    assertThat(auditor.getBytes("/api/audit/applications/export?format=pdf").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void shouldPutApplicationMaterialsTimelineAndEveryNoticeIntoOneCaseFile() throws Exception {
    // given: a refused case
    Case c = toDistrict(submitted(Applications.dibao(Applications.WJS_COMMUNITY)));
    complete(approver, c.number, DibaoProcess.TASK_DISTRICT_APPROVE, "reject", "家庭人均收入高于保障标准", Map.of());
    // when
    ResponseEntity<byte[]> pdf = auditor.getBytes("/api/audit/applications/" + c.id + "/dossier.pdf");
    // then
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    String text = PdfText.of(pdf.getBody());
    assertThat(text).contains("卷宗", c.number, "张*三", "材料清单", "户口簿", "办理过程", "家庭人均收入高于保障标准");
    List<Map<String, Object>> notices = list(wjsClerk.get("/api/applications/" + c.id).getBody().get("notices")).stream()
        .map(AuditCaseApiTest::map).toList();
    assertThat(notices).hasSizeGreaterThanOrEqualTo(3);
    for (Map<String, Object> notice : notices) {
      String doc = ((String) notice.get("docNumber")).replaceAll("\\s", "");
      // once in the timeline, once on the notice itself
      assertThat(text.split(java.util.regex.Pattern.quote(doc), -1).length - 1).as(doc).isGreaterThanOrEqualTo(2);
    }
  }

  // ---- the case

  private Case walkedThroughEverything() {
    Case c = submitted(Applications.dibao(Applications.WJS_COMMUNITY));
    String accept = wjsClerk.taskId(c.number, DibaoProcess.TASK_ACCEPT);
    ok(wjsClerk.post("/api/tasks/" + accept + "/cc", Map.of("userIds", List.of("qu-approver"))));
    taskService.setDueDate(accept, new Date(System.currentTimeMillis() - 3_600_000));
    ok(wjsReviewer.post("/api/tasks/" + accept + "/urge", Map.of("message", "请尽快受理")));
    ok(wjsClerk.post("/api/tasks/" + accept + "/delegate", Map.of("userId", "wjs-worker")));
    ok(wjsWorker.post("/api/tasks/" + accept + "/resolve", Map.of("opinion", "材料已核对")));
    ResponseEntity<Map<String, Object>> added = wjsClerk.post("/api/tasks/" + accept + "/signers", Map.of("userId", "wjs-reviewer"));
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ok(wjsReviewer.post("/api/signs/" + ((Number) added.getBody().get("id")).longValue(),
        Map.of("decision", "approve", "opinion", "同意受理")));
    complete(wjsClerk, c.number, DibaoProcess.TASK_ACCEPT, "approve", null, Map.of());
    complete(wjsClerk, c.number, DibaoProcess.TASK_INVESTIGATE, "approve", null, investigation("2026-11-18"));
    complete(wjsReviewer, c.number, DibaoProcess.TASK_STREET_REVIEW, "approve", null, Map.of());
    // 异议 during the 公示: back to investigation, which finds a later visit date
    assertThat(wjsClerk.post("/api/applications/" + c.id + "/objections",
        Map.of("content", "该户有未申报的经营收入")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    complete(wjsClerk, c.number, DibaoProcess.TASK_INVESTIGATE, "approve", null, investigation("2026-11-20"));
    complete(wjsReviewer, c.number, DibaoProcess.TASK_STREET_REVIEW, "approve", null, Map.of());
    firePublicNotice(c);
    // 退回 from the district to the street's review, then on again
    complete(approver, c.number, DibaoProcess.TASK_DISTRICT_APPROVE, "return", "请街道重新审核",
        Map.of("returnTo", DibaoProcess.TASK_STREET_REVIEW));
    complete(wjsReviewer, c.number, DibaoProcess.TASK_STREET_REVIEW, "approve", null, Map.of());
    firePublicNotice(c);
    // 转办 to the second approver, who refuses; the household appeals; the first approver decides it
    ok(approver.post("/api/tasks/" + approver.taskId(c.number, DibaoProcess.TASK_DISTRICT_APPROVE) + "/transfer",
        Map.of("userId", "qu-approver2")));
    complete(approver2, c.number, DibaoProcess.TASK_DISTRICT_APPROVE, "reject", "家庭人均收入高于保障标准", Map.of());
    assertThat(wjsClerk.post("/api/applications/" + c.id + "/appeal", Map.of("reason", "收入计算有误")).getStatusCode().is2xxSuccessful())
        .isTrue();
    complete(approver, c.number, DibaoProcess.TASK_DECIDE_APPEAL, "reject", "经复核，原决定认定事实清楚", Map.of());
    return c;
  }

  private Case toDistrict(Case c) {
    complete(wjsClerk, c.number, DibaoProcess.TASK_ACCEPT, "approve", null, Map.of());
    complete(wjsClerk, c.number, DibaoProcess.TASK_INVESTIGATE, "approve", null, investigation("2026-11-18"));
    complete(wjsReviewer, c.number, DibaoProcess.TASK_STREET_REVIEW, "approve", null, Map.of());
    firePublicNotice(c);
    return c;
  }

  private void firePublicNotice(Case c) {
    String processInstanceId = (String) wjsClerk.get("/api/applications/" + c.id).getBody().get("processInstanceId");
    Job timer = PublicNoticeTimer.of(management, runtime, processInstanceId);
    assertThat(timer).as("公示 timer").isNotNull();
    management.executeJob(timer.getId());
  }

  private static Map<String, Object> investigation(String visitDate) {
    return Map.of("investigator1", "王五", "investigator2", "赵六", "visitDate", visitDate,
        "verificationResult", "consistent", "holdDemocraticReview", false, "skipReason", "家庭情况清楚，无争议");
  }

  // ---- helpers

  private record Case(Long id, String number, ApplicationRequest request) {
  }

  private Case submitted(ApplicationRequest request) {
    return submittedBy(wjsClerk, request);
  }

  private Case submittedBy(ApiClient clerk, ApplicationRequest request) {
    ResponseEntity<Map<String, Object>> created = clerk.post("/api/applications", request);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    return new Case(((Number) created.getBody().get("id")).longValue(), (String) created.getBody().get("number"), request);
  }

  /** No ID number of the case's people in the text, in clear. */
  private static boolean noIdNumber(String text, Case c) {
    if (text.contains(c.request.applicant().idNumber())) {
      return false;
    }
    return c.request.members().stream().noneMatch(m -> text.contains(m.idNumber()));
  }

  private static void ok(ResponseEntity<Map<String, Object>> answer) {
    assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private void complete(ApiClient client, String number, String taskKey, String decision, String opinion,
                        Map<String, Object> data) {
    Map<String, Object> body = new HashMap<>();
    body.put("decision", decision);
    body.put("data", data);
    if (opinion != null) {
      body.put("opinion", opinion);
    }
    ok(client.post("/api/tasks/" + client.taskId(number, taskKey) + "/complete", body));
  }

  private static Map<String, Object> entry(List<Map<String, Object>> timeline, String action) {
    return timeline.stream().filter(e -> action.equals(e.get("action"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + action + " in " + timeline.stream().map(e -> e.get("action")).toList()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }
}
