package cn.minzheng.approvals.admin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.minzheng.approvals.admin.AdminAudit;
import cn.minzheng.approvals.admin.AdminAction;
import cn.minzheng.approvals.support.IntegrationTest;

/** Administrators (models): every hostile model refused with its rule and nothing deployed, by our API and by /engine-rest. */
@IntegrationTest
class ModelApiTest {

  private static final String PASSWORD = "demo123";
  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired AdminAudit audit;

  /** Deployments made here, removed afterwards: other tests expect the start-up deployment to be the latest. */
  private final List<String> deployed = new java.util.ArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void removeDeployments() {
    deployed.forEach(id -> repository.deleteDeployment(id, true));
    deployed.clear();
  }

  static HostileModels.Case[] hostile() {
    return HostileModels.all("model_api_hostile");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void shouldRefuseAHostileModelWithItsRuleAndDeployNothing(HostileModels.Case model) {
    // given
    long deployments = repository.createDeploymentQuery().count();
    // when
    ResponseEntity<Map<String, Object>> answer = upload("admin", "/api/admin/models", model.filename(), model.bytes(), "恶意模型");
    // then
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody()).containsEntry("ok", false);
    assertThat(errors(answer)).anySatisfy(error -> {
      assertThat(error).containsEntry("rule", model.rule()).containsEntry("element", model.element());
      assertThat((String) error.get("message")).matches(".*\\p{IsHan}.*");
      assertThat((String) error.get("messageEn")).isNotBlank();
    });
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void shouldRefuseTheSameHostileModelThroughEngineRest(HostileModels.Case model) {
    // given
    long deployments = repository.createDeploymentQuery().count();
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", "engine-rest-hostile");
    body.add("data", file(model.filename(), model.bytes()));
    // when
    ResponseEntity<String> answer = rest.withBasicAuth("admin", PASSWORD).exchange("/engine-rest/deployment/create",
        HttpMethod.POST, new HttpEntity<>(body, multipart()), String.class);
    // then
    assertThat(answer.getStatusCode().is4xxClientError()).as(answer.getBody()).isTrue();
    assertThat(answer.getBody()).contains(model.rule());
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void shouldReportAHostileModelOnCheckWithoutDeploying(HostileModels.Case model) {
    long deployments = repository.createDeploymentQuery().count();
    ResponseEntity<Map<String, Object>> answer = upload("admin", "/api/admin/models/check", model.filename(), model.bytes(), null);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).containsEntry("ok", false);
    assertThat(errors(answer)).anySatisfy(error -> assertThat(error).containsEntry("rule", model.rule()));
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void shouldDeployAGoodModelAsTheNextVersionWithItsNoteListedAndReadBack() {
    // given: version 1 of a small model
    String key = "model_api_good_" + System.nanoTime();
    byte[] first = HostileModels.good(key).getBytes(StandardCharsets.UTF_8);
    ResponseEntity<Map<String, Object>> v1 = upload("admin", "/api/admin/models", key + ".bpmn", first, "初版");
    assertThat(v1.getStatusCode()).as(String.valueOf(v1.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(v1.getBody()).containsEntry("key", key).containsEntry("version", 1);
    String running = runtime.startProcessInstanceByKey(key, Map.of("streetCode", "420112001")).getProcessDefinitionId();
    // when: a changed due date, with a note
    byte[] second = HostileModels.good(key).replace("dueIn(3)", "dueIn(5)").getBytes(StandardCharsets.UTF_8);
    ResponseEntity<Map<String, Object>> v2 = upload("admin", "/api/admin/models", key + ".bpmn", second, "审核期限改为 5 个工作日");
    // then
    assertThat(v2.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(v2.getBody()).containsEntry("key", key).containsEntry("version", 2);
    String deploymentId = (String) v2.getBody().get("deploymentId");
    assertThat(repository.createProcessDefinitionQuery().deploymentId(deploymentId).processDefinitionKey(key).singleResult().getVersion())
        .isEqualTo(2);
    // the running case stays on version 1; a new one starts on version 2
    assertThat(repository.getProcessDefinition(running).getVersion()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(running).count()).isEqualTo(1);
    String started = runtime.startProcessInstanceByKey(key, Map.of("streetCode", "420112001")).getProcessDefinitionId();
    assertThat(repository.getProcessDefinition(started).getVersion()).isEqualTo(2);

    ResponseEntity<List<Map<String, Object>>> list = rest.withBasicAuth("admin", PASSWORD)
        .exchange("/api/admin/models", HttpMethod.GET, null, LIST);
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> model = list.getBody().stream().filter(m -> key.equals(m.get("key"))).findFirst().orElseThrow();
    assertThat(model).containsEntry("kind", "bpmn").containsEntry("name", "模型检查测试");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> versions = (List<Map<String, Object>>) model.get("versions");
    assertThat(versions).extracting(v -> v.get("version")).containsExactly(1, 2);
    assertThat(versions.get(0)).containsEntry("note", "初版").containsEntry("runningInstances", 1);
    assertThat(versions.get(1)).containsEntry("note", "审核期限改为 5 个工作日").containsEntry("deployedBy", "admin")
        .containsEntry("runningInstances", 1).containsKey("deployedAt");

    ResponseEntity<byte[]> file = rest.withBasicAuth("admin", PASSWORD)
        .getForEntity("/api/admin/models/" + key + "/versions/2", byte[].class);
    assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(new String(file.getBody(), StandardCharsets.UTF_8)).contains("dueIn(5)");

    AdminAction record = audit.recent(ModelAdmin.target(cn.minzheng.approvals.admin.check.ModelResource.Kind.BPMN, key, 2), 1).get(0);
    assertThat(record.getAction()).isEqualTo("model.deploy");
    assertThat(record.getNote()).isEqualTo("审核期限改为 5 个工作日");
    assertThat(record.getOldContent()).contains("dueIn(3)");
    assertThat(record.getNewContent()).contains("dueIn(5)");
  }

  @Test
  void shouldDeployTheDibaoModelWithTheFormsAndStagesItBindsByDeployment() throws IOException {
    // given
    byte[] dibao = Files.readAllBytes(Path.of("processes/dibao.bpmn"));
    int before = repository.createProcessDefinitionQuery().processDefinitionKey("dibao").latestVersion().singleResult().getVersion();
    // when
    ResponseEntity<Map<String, Object>> answer = upload("admin", "/api/admin/models", "dibao.bpmn", dibao, "重新部署低保模型");
    // then: version N+1, in a deployment that also holds the forms and the stages it binds by deployment
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(answer.getBody()).containsEntry("version", before + 1);
    List<String> resources = repository.getDeploymentResourceNames((String) answer.getBody().get("deploymentId"));
    assertThat(resources).contains("processes/dibao.bpmn", "processes/stage-acceptance.bpmn", "processes/stage-appeal.bpmn",
        "processes/stage-public-notice.bpmn", "forms/dibao-investigate.form", "forms/stage-accept.form");
    assertThat(resources).doesNotContain("processes/tekun.bpmn");
  }

  @Test
  void shouldDeployAFormWithTheStageThatBindsItAndThatStagesCallers() throws IOException {
    // given
    byte[] form = Files.readAllBytes(Path.of("forms/stage-accept.form"));
    // when
    ResponseEntity<Map<String, Object>> answer = upload("admin", "/api/admin/models", "stage-accept.form", form, "受理表单说明更新");
    // then: the shared 受理 stage binds the form, and every approval binds the stage
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(answer.getBody()).containsEntry("key", "stage-accept");
    List<String> resources = repository.getDeploymentResourceNames((String) answer.getBody().get("deploymentId"));
    assertThat(resources).contains("forms/stage-accept.form", "processes/stage-acceptance.bpmn", "processes/dibao.bpmn",
        "processes/shzz.bpmn", "forms/dibao-investigate.form");
    ResponseEntity<List<Map<String, Object>>> list = rest.withBasicAuth("admin", PASSWORD)
        .exchange("/api/admin/models", HttpMethod.GET, null, LIST);
    Map<String, Object> model = list.getBody().stream().filter(m -> "stage-accept".equals(m.get("key"))).findFirst().orElseThrow();
    assertThat(model).containsEntry("kind", "form");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> versions = (List<Map<String, Object>>) model.get("versions");
    assertThat(versions.get(versions.size() - 1)).containsEntry("version", answer.getBody().get("version"))
        .containsEntry("note", "受理表单说明更新");
  }

  @Test
  void shouldDeployADecisionTableOnItsOwn() throws IOException {
    byte[] dmn = Files.readAllBytes(Path.of("processes/dibao-standard.dmn"));
    int before = repository.createDecisionDefinitionQuery().decisionDefinitionKey("dibao-standard").latestVersion().singleResult().getVersion();
    ResponseEntity<Map<String, Object>> answer = upload("admin", "/api/admin/models", "dibao-standard.dmn", dmn, "标准不变，重新部署");
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(answer.getBody()).containsEntry("key", "dibao-standard").containsEntry("version", before + 1);
    assertThat(repository.getDeploymentResourceNames((String) answer.getBody().get("deploymentId")))
        .containsExactly("processes/dibao-standard.dmn");
  }

  @Test
  void shouldRequireAChangeNote() {
    byte[] model = HostileModels.good("model_api_no_note").getBytes(StandardCharsets.UTF_8);
    long deployments = repository.createDeploymentQuery().count();
    assertThat(upload("admin", "/api/admin/models", "model_api_no_note.bpmn", model, null).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(upload("admin", "/api/admin/models", "model_api_no_note.bpmn", model, "  ").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void shouldRefuseEveryoneButAdministrators() {
    byte[] model = HostileModels.good("model_api_forbidden").getBytes(StandardCharsets.UTF_8);
    assertThat(upload("wjs-worker", "/api/admin/models", "m.bpmn", model, "试图部署").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(upload("auditor", "/api/admin/models/check", "m.bpmn", model, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("auditor", PASSWORD).exchange("/api/admin/models", HttpMethod.GET, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("wjs-worker", PASSWORD).getForEntity("/api/admin/models/dibao/versions/1", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ResponseEntity<Map<String, Object>> upload(String user, String path, String filename, byte[] bytes, String note) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", file(filename, bytes));
    if (note != null) {
      body.add("note", note);
    }
    ResponseEntity<Map<String, Object>> answer =
        rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, multipart()), MAP);
    if (answer.getStatusCode() == HttpStatus.CREATED) {
      deployed.add((String) answer.getBody().get("deploymentId"));
    }
    return answer;
  }

  private static ByteArrayResource file(String filename, byte[] bytes) {
    return new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return filename;
      }
    };
  }

  private static HttpHeaders multipart() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return headers;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> answer) {
    return (List<Map<String, Object>>) answer.getBody().get("errors");
  }
}
