package cn.minzheng.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.minzheng.approvals.support.IntegrationTest;

/**
 * GET /api/types: every type the API runs, with a name for each stage its cases can reach (from the messages and
 * the deployed models) and for each decision, in the caller's language — the one source the workspace reads.
 */
@IntegrationTest
class TypesApiTest {

  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  private static final Pattern ELEMENT_ID = Pattern.compile("(Task|Wait|End)_\\w+");

  @Autowired TestRestTemplate rest;

  @Test
  void shouldNameEveryTypeStageAndDecisionInChinese() {
    // when
    ResponseEntity<List<Map<String, Object>>> answer = types("wjs-clerk", "zh-CN");
    // then
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> types = answer.getBody();
    assertThat(types).extracting(t -> t.get("type")).containsExactly("dibao", "tekun", "linshi", "yanglao", "shzz", "binzang");
    for (Map<String, Object> type : types) {
      assertThat((String) type.get("name")).as("name of %s", type.get("type")).containsPattern(CJK);
      assertThat(stages(type)).as("stages of %s", type.get("type")).isNotEmpty().allSatisfy(stage -> {
        assertThat((String) stage.get("name")).as("%s of %s", stage.get("id"), type.get("type"))
            .containsPattern(CJK).doesNotMatch(ELEMENT_ID);
      });
      assertThat(decisions(type)).containsOnlyKeys("approve", "supplement", "reject", "return")
          .allSatisfy((code, name) -> assertThat(name).containsPattern(CJK));
    }
    // a stage id two types share is named as each type names it
    assertThat(stageName(types, "dibao", "Task_DistrictApprove")).isEqualTo("区民政局审核确认");
    assertThat(stageName(types, "linshi", "Task_DistrictApprove")).isEqualTo("区民政局审批");
    assertThat(stageName(types, "yanglao", "Task_Assess")).isEqualTo("老年人能力评估");
    assertThat(stageName(types, "yanglao", "Wait_Bed")).isEqualTo("轮候床位");
    assertThat(stageName(types, "yanglao", "End_Refused")).isEqualTo("不予入住");
    assertThat(stageName(types, "tekun", "Task_Verify")).isEqualTo("调查核实并初审");
    // the shared stages a type calls are among its stages, and user tasks are marked as such
    assertThat(stages(type(types, "yanglao"))).extracting(s -> s.get("id")).contains("Start", "Task_Accept",
        "Task_AwaitSupplement", "End_NotAccepted", "Task_Assess", "Task_Decide", "Wait_Bed", "End_Placed",
        "Wait_Appeal", "Task_DecideAppeal", "End_Refused", "Withdrawn");
    assertThat(stages(type(types, "yanglao"))).filteredOn(s -> Boolean.TRUE.equals(s.get("task")))
        .extracting(s -> s.get("id")).containsExactly("Task_Accept", "Task_AwaitSupplement", "Task_Assess", "Task_Decide",
            "Task_DecideAppeal");
    assertThat(stages(type(types, "dibao"))).extracting(s -> s.get("id")).contains("Wait_PublicNotice", "End_Published");
  }

  @Test
  void shouldNameThemInEnglishWhenAskedForEnglish() {
    List<Map<String, Object>> types = types("qu-approver", "en").getBody();
    assertThat(types).hasSize(6);
    for (Map<String, Object> type : types) {
      assertThat((String) type.get("name")).doesNotContainPattern(CJK);
      assertThat(stages(type)).allSatisfy(stage -> assertThat((String) stage.get("name"))
          .as("English name of %s of %s (messages_en.properties)", stage.get("id"), type.get("type"))
          .doesNotContainPattern(CJK));
      assertThat(decisions(type)).containsEntry("approve", "Approve");
    }
    assertThat(stageName(types, "yanglao", "Wait_Bed")).isEqualTo("Waiting for a bed (queue)");
  }

  @Test
  void shouldAskForALogin() {
    assertThat(rest.getForEntity("/api/types", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<List<Map<String, Object>>> types(String user, String language) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    return rest.withBasicAuth(user, ApiClient.PASSWORD).exchange("/api/types", HttpMethod.GET, new HttpEntity<>(headers),
        new ParameterizedTypeReference<List<Map<String, Object>>>() {
        });
  }

  private static Map<String, Object> type(List<Map<String, Object>> types, String code) {
    return types.stream().filter(t -> code.equals(t.get("type"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> stages(Map<String, Object> type) {
    return (List<Map<String, Object>>) type.get("stages");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> decisions(Map<String, Object> type) {
    return (Map<String, String>) type.get("decisions");
  }

  private static String stageName(List<Map<String, Object>> types, String code, String stageId) {
    return (String) stages(type(types, code)).stream().filter(s -> stageId.equals(s.get("id"))).findFirst()
        .orElseThrow(() -> new AssertionError(code + " has no stage " + stageId)).get("name");
  }
}
