package cn.minzheng.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.audit.ledger.LedgerController;
import cn.minzheng.approvals.security.SecurityConfig;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.TestIds;

/**
 * The ledger through HTTP: auditors search, verify and export it; nobody else may; logins and views of
 * unmasked personal data land in it; the person filter finds a person's rows without any answer
 * showing the ID number.
 */
@IntegrationTest
class LedgerApiTest {

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  ApiClient auditor;
  ApiClient admin;
  ApiClient wjsClerk;
  ApiClient anonymous;

  @BeforeEach
  void clients() {
    auditor = new ApiClient(rest, "auditor");
    admin = new ApiClient(rest, "admin");
    wjsClerk = new ApiClient(rest, "wjs-clerk");
    anonymous = new ApiClient(rest, null);
  }

  @Test
  void shouldLetOnlyAuditorsAndAdministratorsIn() {
    assertThat(auditor.get("/api/audit/ledger/verify").getBody()).containsEntry("ok", true).containsKey("checked");
    assertThat(admin.get("/api/audit/ledger/verify").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(wjsClerk.get("/api/audit/ledger").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(wjsClerk.get("/api/audit/ledger/verify").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(wjsClerk.getBytes("/api/audit/export?format=csv").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(new ApiClient(rest, "qu-approver").getText("/audit/ledger").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(anonymous.get("/api/audit/ledger").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(auditor.getText("/audit/ledger").getBody()).contains("/js/ledger.js");
    assertThat(auditor.get("/api/audit/export?format=pdf").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void shouldRecordLoginsAndFailedAttemptsWithTheClientAddress() throws Exception {
    // a sign-in at the login page
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    CookieManager cookies = (CookieManager) browser.cookieHandler().orElseThrow();
    browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> SecurityConfig.CSRF_COOKIE.equals(c.getName()))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
    long before = total("/api/audit/ledger?actor=wjs-reviewer&action=login");
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=wjs-reviewer&password=demo123&_csrf="
            + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(total("/api/audit/ledger?actor=wjs-reviewer&action=login")).isEqualTo(before + 1);
    Map<String, Object> row = items("/api/audit/ledger?actor=wjs-reviewer&action=login").get(0);
    assertThat(row).containsEntry("target", "user:wjs-reviewer").containsEntry("client", "127.0.0.1");
    assertThat(row.get("hash")).asString().hasSize(64);

    // a wrong password through the API
    String stranger = "nobody-" + Long.toString(System.nanoTime(), 36);
    assertThat(new ApiClient(rest, stranger).get("/api/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    List<Map<String, Object>> failed = items("/api/audit/ledger?action=login_failed&actor=" + stranger);
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).get("detail")).asString().contains("\"method\":\"basic\"", "BadCredentialsException");
  }

  @Test
  void shouldRecordViewsOfUnmaskedDataAndFindAPersonsRowsWithoutShowingTheIdNumber() throws IOException {
    // given: an application, its 受理 task opened (full ID numbers) and the case read by a clerk (incomes)
    ApplicationRequest request = Applications.dibao(Applications.WJS_COMMUNITY);
    String applicantId = request.applicant().idNumber();
    String memberId = request.members().get(1).idNumber();
    Map<String, Object> created = wjsClerk.post("/api/applications", request).getBody();
    long id = ((Number) created.get("id")).longValue();
    String taskId = taskOf(id, (String) created.get("number"));
    assertThat(wjsClerk.get("/api/tasks/" + taskId).getBody().toString()).contains(applicantId);
    assertThat(wjsClerk.get("/api/applications/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);

    // then: both views are in the ledger, with viewer, fields and address
    List<Map<String, Object>> views = items("/api/audit/ledger?action=view_personal_data&applicationId=" + id);
    assertThat(views).hasSize(2).allSatisfy(v -> assertThat(v)
        .containsEntry("actor", "wjs-clerk").containsEntry("client", "127.0.0.1").containsEntry("target", "application:" + id));
    assertThat(views).extracting(v -> (String) v.get("detail")).anySatisfy(d -> assertThat(d)
        .contains("viewed unmasked idNumbers, phone, incomes of application " + id));
    assertThat(views).extracting(v -> (String) v.get("detail")).anySatisfy(d -> assertThat(d)
        .contains("viewed unmasked incomes of application " + id));

    // the person filter: the applicant's and a member's ID number find this case's rows, never shown
    for (String person : List.of(applicantId, memberId)) {
      ResponseEntity<String> found = withPerson("/api/audit/ledger?size=200", person, String.class);
      assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(found.getBody()).contains("\"target\":\"application:" + id + "\"", "\"action\":\"submit\"")
          .doesNotContain(applicantId, memberId);
    }
    Map<String, Object> page = withPerson("/api/audit/ledger", applicantId, Map.class).getBody();
    assertThat(((List<Map<String, Object>>) page.get("items"))).allSatisfy(r ->
        assertThat(r).containsEntry("target", "application:" + id));
    assertThat(((Number) withPerson("/api/audit/ledger", TestIds.random(), Map.class).getBody().get("total")).longValue()).isZero();
    assertThat(withPerson("/api/audit/ledger", "12345", Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    // export of the person's rows: .xlsx with Chinese headers, and CSV with a BOM; no ID number in either
    ResponseEntity<byte[]> xlsx = withPerson("/api/audit/export?format=xlsx", applicantId, byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = workbook.getSheetAt(0);
      Row header = sheet.getRow(0);
      assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
          header.getCell(2).getStringCellValue(), header.getCell(3).getStringCellValue(), header.getCell(4).getStringCellValue(),
          header.getCell(5).getStringCellValue(), header.getCell(8).getStringCellValue()))
          .containsExactly("序号", "时间", "操作人", "操作", "对象", "详情", "本行哈希");
      Row first = sheet.getRow(1);
      assertThat(first.getCell(0).getNumericCellValue()).isPositive();
      assertThat(first.getCell(2).getStringCellValue()).isEqualTo("wjs-clerk");
      assertThat(first.getCell(3).getStringCellValue()).isEqualTo("submit");
      assertThat(first.getCell(4).getStringCellValue()).isEqualTo("application:" + id);
      assertThat(first.getCell(8).getStringCellValue()).hasSize(64);
      assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(3);
      for (Row row : sheet) {
        row.forEach(cell -> assertThat(cell.toString()).doesNotContain(applicantId, memberId));
      }
    }
    ResponseEntity<byte[]> csv = withPerson("/api/audit/export?format=csv", applicantId, byte[].class);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    byte[] bytes = csv.getBody();
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    String[] lines = text.split("\r\n");
    assertThat(lines[0]).isEqualTo("序号,时间,操作人,操作,对象,详情,客户端地址,前一行哈希,本行哈希");
    assertThat(lines[1]).contains(",wjs-clerk,submit,application:" + id + ",");
    assertThat(text).doesNotContain(applicantId, memberId);

    // the export itself is in the ledger, the person masked
    Map<String, Object> export = items("/api/audit/ledger?action=ledger_export&actor=auditor").get(0);
    assertThat((String) export.get("detail")).contains("\"format\":\"csv\"", "\"person\":\"" + applicantId.substring(0, 6))
        .doesNotContain(applicantId);
    assertThat(auditor.get("/api/audit/ledger/verify").getBody()).containsEntry("ok", true);
  }

  @SuppressWarnings("unchecked")
  private String taskOf(long applicationId, String number) {
    List<Map<String, Object>> tasks = (List<Map<String, Object>>) wjsClerk.get("/api/tasks?q=" + number).getBody().get("items");
    return tasks.stream().filter(t -> ((Number) t.get("applicationId")).longValue() == applicationId)
        .map(t -> (String) t.get("id")).findFirst().orElseThrow();
  }

  private <T> ResponseEntity<T> withPerson(String path, String idNumber, Class<T> type) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(LedgerController.ID_NUMBER_HEADER, idNumber);
    return rest.withBasicAuth("auditor", ApiClient.PASSWORD).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
  }

  private long total(String path) {
    return ((Number) auditor.get(path).getBody().get("total")).longValue();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> items(String path) {
    return (List<Map<String, Object>>) auditor.get(path).getBody().get("items");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
