package cn.minzheng.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.shzz.ShzzProcess;
import cn.minzheng.approvals.shzz.UnifiedCreditCodes;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.ShzzCases;

/**
 * 社会组织登记 end to end through the HTTP API: the street window registers the application, the
 * district (登记管理机关) records the sponsor's approval, accepts, reviews and registers.
 */
@IntegrationTest
class ShzzApiTest {

  @Autowired TestRestTemplate rest;

  ApiClient wjsClerk;
  ApiClient approver;
  ApiClient approver2;

  @BeforeEach
  void clients() {
    wjsClerk = new ApiClient(rest, "wjs-clerk");
    approver = new ApiClient(rest, "qu-approver");
    approver2 = new ApiClient(rest, "qu-approver2");
  }

  @Test
  void shouldCarryARegistrationFromSubmissionToTheCertificateWithAValidCreditCode() {
    // given
    Map<String, Object> data = ShzzCases.socialGroup();
    ResponseEntity<Map<String, Object>> created = wjsClerk.post("/api/applications",
        ShzzCases.request(Applications.WJS_COMMUNITY, data));
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    String number = (String) created.getBody().get("number");
    assertThat(number).matches("SZ-420112-\\d{4}-\\d{6}");
    assertThat(created.getBody()).containsEntry("status", "in_progress").containsEntry("stage", ShzzProcess.TASK_SPONSOR_REVIEW);

    // when
    assertThat(complete(approver, number, ShzzProcess.TASK_SPONSOR_REVIEW, "approve", null, Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    complete(approver, number, ShzzProcess.TASK_SPONSOR_REVIEW, "approve", null, Map.of("sponsorDocNumber", "东文旅〔2026〕21号"));
    complete(approver, number, SharedStages.TASK_ACCEPT, "approve", null, Map.of());
    complete(approver, number, ShzzProcess.TASK_REVIEW, "approve", null, Map.of("premisesChecked", true, "fundsChecked", true));

    // then
    Map<String, Object> application = wjsClerk.get("/api/applications/" + id).getBody();
    assertThat(application).containsEntry("status", "approved").containsEntry("stage", ShzzProcess.END_REGISTERED);
    String creditCode = (String) application.get("creditCode");
    assertThat(creditCode).startsWith("51420112");
    assertThat(UnifiedCreditCodes.isValid(creditCode)).isTrue();
    List<?> notices = (List<?>) application.get("notices");
    assertThat(notices.stream().map(n -> ((Map<?, ?>) n).get("kind")).map(String::valueOf).toList())
        .containsExactly("accepted", "approved", "certificate");
    List<Map<String, Object>> history = wjsClerk.getList("/api/applications/" + id + "/history").getBody();
    assertThat(history).anySatisfy(e -> assertThat(e).containsEntry("action", "published"));

    // and the name is taken now
    Map<String, Object> again = ShzzCases.socialGroup();
    again.put("name", data.get("name"));
    ResponseEntity<Map<String, Object>> duplicate = wjsClerk.post("/api/applications",
        ShzzCases.request(Applications.WJS_COMMUNITY, again));
    assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errorFields(duplicate)).contains("data.name");
  }

  @Test
  void shouldRefuseToRegisterThenUpholdOnAppealByAnotherApprover() {
    // given
    ResponseEntity<Map<String, Object>> created = wjsClerk.post("/api/applications",
        ShzzCases.request(Applications.WJS_COMMUNITY, ShzzCases.directNonEnterprise()));
    long id = ((Number) created.getBody().get("id")).longValue();
    String number = (String) created.getBody().get("number");
    complete(approver, number, SharedStages.TASK_ACCEPT, "approve", null, Map.of());
    complete(approver, number, ShzzProcess.TASK_REVIEW, "reject", "住所证明与实际不符", Map.of());
    assertThat(wjsClerk.get("/api/applications/" + id).getBody()).containsEntry("status", "rejected")
        .doesNotContainKey("creditCode");
    // when
    assertThat(wjsClerk.post("/api/applications/" + id + "/appeal", Map.of("reason", "已更换住所")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    String appealTask = approver2.taskId(number, SharedStages.TASK_DECIDE_APPEAL);
    assertThat(approver.post("/api/tasks/" + appealTask + "/complete", Map.of("decision", "reject", "opinion", "x"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    complete(approver2, number, SharedStages.TASK_DECIDE_APPEAL, "reject", "复核维持", Map.of());
    // then
    Map<String, Object> application = wjsClerk.get("/api/applications/" + id).getBody();
    assertThat(application).containsEntry("status", "rejected").containsEntry("stage", ShzzProcess.END_REFUSED);
  }

  @Test
  void shouldRefuseAFoundationPointingToTheProvincialRegistrar() {
    // given
    Map<String, Object> data = ShzzCases.directNonEnterprise();
    data.put("orgKind", "foundation");
    // when
    ResponseEntity<Map<String, Object>> answer = wjsClerk.post("/api/applications",
        ShzzCases.request(Applications.WJS_COMMUNITY, data));
    // then
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errorFields(answer)).containsExactly("data.orgKind");
    assertThat(errorMessages(answer).get(0)).contains("湖北省民政厅");
  }

  @Test
  void shouldValidateTheDataOfTheRegistration() {
    // given
    Map<String, Object> data = ShzzCases.socialGroup();
    data.put("name", "东西湖区中国书画研究会");
    data.remove("sponsorUnit");
    data.remove("domicile");
    data.put("funds", "很多");
    data.put("orgKind", "social_group");
    Map<String, Object> unknown = ShzzCases.directNonEnterprise();
    unknown.put("orgKind", "cooperative");
    unknown.put("directCategory", "sports");
    // when
    ResponseEntity<Map<String, Object>> answer = wjsClerk.post("/api/applications",
        ShzzCases.request(Applications.WJS_COMMUNITY, data));
    ResponseEntity<Map<String, Object>> enums = wjsClerk.post("/api/applications",
        ShzzCases.request(Applications.WJS_COMMUNITY, unknown));
    ResponseEntity<Map<String, Object>> taken = wjsClerk.post("/api/applications",
        ShzzCases.request(Applications.WJS_COMMUNITY, withName(ShzzCases.socialGroup(), "东西湖区老年人体育协会")));
    // then
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errorFields(answer)).contains("data.name", "data.sponsorUnit", "data.domicile", "data.funds");
    assertThat(enums.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errorFields(enums)).contains("data.orgKind", "data.directCategory");
    assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errorFields(taken)).containsExactly("data.name");
  }

  private static Map<String, Object> withName(Map<String, Object> data, String name) {
    data.put("name", name);
    return data;
  }

  private ResponseEntity<Map<String, Object>> complete(ApiClient client, String number, String taskKey, String decision,
                                                       String opinion, Map<String, Object> data) {
    String task = client.taskId(number, taskKey);
    Map<String, Object> body = new HashMap<>();
    body.put("decision", decision);
    body.put("data", data);
    if (opinion != null) {
      body.put("opinion", opinion);
    }
    ResponseEntity<Map<String, Object>> answer = client.post("/api/tasks/" + task + "/complete", body);
    if (!data.isEmpty() || opinion != null || !ShzzProcess.TASK_SPONSOR_REVIEW.equals(taskKey)) {
      assertThat(answer.getStatusCode()).as("%s %s: %s", taskKey, decision, answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }
    return answer;
  }

  private static List<String> errorFields(ResponseEntity<Map<String, Object>> answer) {
    return ((List<?>) answer.getBody().get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
  }

  private static List<String> errorMessages(ResponseEntity<Map<String, Object>> answer) {
    return ((List<?>) answer.getBody().get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("message")).toList();
  }
}
