package cn.minzheng.approvals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.TestVersions;
import cn.minzheng.approvals.support.WorkspaceBrowser;

/**
 * The administrators' model workbench in a real headless Chromium: the BPMN editor with the Camunda
 * properties panel and bpmnlint, the server's checks as you work, deployment with a note, and the
 * migration of a running case to the new version.
 */
@IntegrationTest
class ModelWorkbenchBrowserTest {

  static final String DUE_DATE_FIELD = "bio-properties-panel-dueDate";
  static final String USER_ASSIGNMENT_GROUP = "[data-group-id='group-CamundaPlatform__UserAssignment'] .bio-properties-panel-group-header";

  @RegisterExtension
  final WorkspaceBrowser browser = new WorkspaceBrowser();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired TestRestTemplate rest;

  DibaoCases cases;
  TestVersions versions;

  @BeforeEach
  void setUp() {
    cases = new DibaoCases(engine, applications, notices, users);
    versions = new TestVersions(repository);
    browser.open(port);
  }

  /** The version of 低保 before the test; versions deployed through the pages are removed afterwards. */
  int baseline;

  @AfterEach
  void removeVersions() {
    if (baseline > 0) {
      versions.rememberVersionsAfter(DibaoProcess.KEY, baseline);
    }
    versions.removeAll();
  }

  @Test
  void shouldChangeADueDateDeployAndMigrateTheOldCaseToTheNewVersion() {
    // given: a 低保 case running on the current version
    Case old = cases.submit();
    baseline = versions.latest(DibaoProcess.KEY).getVersion();
    int next = baseline + 1;

    // when: the administrator opens that version, changes 调查's due date in the properties panel ...
    browser.login("admin");
    browser.go("/admin/models");
    browser.find(By.cssSelector(versionRow(baseline) + " td.running"));
    browser.click(By.cssSelector(versionRow(baseline) + " a.edit"));
    browser.waitReady();
    int checked = awaitCheck(0, "ok");
    selectTask(DibaoProcess.TASK_INVESTIGATE);
    browser.click(By.cssSelector(USER_ASSIGNMENT_GROUP));
    typeInto(browser.find(By.id(DUE_DATE_FIELD)), "${workdays.dueIn(15)}");
    // ... the server checks the changed model as he works ...
    awaitCheck(checked, "ok");
    assertThat(browser.findAll(By.cssSelector("#check-errors li.check-error"))).isEmpty();

    // ... and deploys it with a note
    browser.typeInto(By.id("deploy-note"), "调查时限延长为 15 个工作日");
    browser.click(By.id("deploy"));
    browser.waiting().until(d -> d.getCurrentUrl().endsWith("/admin/models"));
    browser.waitReady();

    // then: the new version is listed with who deployed it and the note
    assertThat(browser.text(By.id("page-message"))).contains("第 " + next + " 版");
    WebElement row = browser.find(By.cssSelector(versionRow(next)));
    assertThat(row.getText()).contains("调查时限延长为 15 个工作日").contains("admin");
    ProcessDefinition deployed = versions.latest(DibaoProcess.KEY);
    assertThat(deployed.getVersion()).isEqualTo(next);
    assertThat(versions.model(DibaoProcess.KEY)).contains("${workdays.dueIn(15)}");

    // a new application (API) starts on the new version; the old one stays on its version
    long fresh = fileApplication();
    assertThat(definitionOf(instanceOf(fresh)).getVersion()).isEqualTo(next);
    assertThat(definitionOf(old.pi().getId()).getVersion()).isEqualTo(baseline);

    // when: the old case is migrated in the page
    browser.go("/admin/migration/" + DibaoProcess.KEY);
    new Select(browser.find(By.id("from-version"))).selectByValue(String.valueOf(baseline));
    new Select(browser.find(By.id("to-version"))).selectByValue(String.valueOf(next));
    browser.click(By.id("preview"));
    By oldRow = By.cssSelector("#instance-table tr[data-instance-id='" + old.pi().getId() + "']");
    assertThat(browser.text(oldRow)).contains("受理").contains("可以迁移");
    assertThat(browser.text(By.id("mapping-table"))).contains("家庭经济状况调查");
    assertThat(browser.findAll(By.id("unmapped-list"))).isEmpty();
    browser.click(By.cssSelector("#instance-table tr[data-instance-id='" + old.pi().getId() + "'] input.pick"));
    browser.typeInto(By.id("migration-note"), "按新时限办理");
    browser.click(By.id("migrate"));
    browser.waiting().until(d -> "completed".equals(browser.find(By.id("progress-box")).getDomAttribute("data-state")));

    // then: the page reports it moved, and it runs on the new version
    assertThat(browser.text(By.id("progress-text"))).contains("1 个已迁移到第 " + next + " 版").contains("0 个失败");
    assertThat(definitionOf(old.pi().getId()).getVersion()).isEqualTo(next);
    assertThat(browser.findAll(oldRow)).isEmpty();
    browser.screenshot("model-migration");
  }

  private static String versionRow(int version) {
    return ".model-card[data-key='" + DibaoProcess.KEY + "'] tr.version-row[data-version='" + version + "']";
  }

  /** Waits for a check newer than {@code after} to end in {@code state}; answers its run number. */
  private int awaitCheck(int after, String state) {
    browser.waiting().until(d -> {
      WebElement status = d.findElement(By.id("check-status"));
      String run = status.getDomAttribute("data-run");
      return run != null && Integer.parseInt(run) > after && state.equals(status.getDomAttribute("data-state"));
    });
    return Integer.parseInt(browser.find(By.id("check-status")).getDomAttribute("data-run"));
  }

  /** Files a 低保 application through the API as the clerk of 吴家山街; answers its id. */
  private long fileApplication() {
    ResponseEntity<Map<String, Object>> created = rest.withBasicAuth("wjs-clerk", WorkspaceBrowser.PASSWORD).exchange(
        "/api/applications", HttpMethod.POST, new HttpEntity<>(Applications.dibao(Applications.WJS_COMMUNITY)),
        new ParameterizedTypeReference<Map<String, Object>>() {
        });
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private String instanceOf(long applicationId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(DibaoProcess.KEY)
        .processInstanceBusinessKey(String.valueOf(applicationId)).singleResult().getId();
  }

  @Test
  void shouldOpenAFileFromTheDesktopModelerWithTheCamundaPropertiesAndBpmnlint() {
    // given: the administrator on the workbench
    baseline = versions.latest(DibaoProcess.KEY).getVersion();
    browser.login("admin");
    browser.click(By.id("nav-models"));
    browser.waitReady();

    // when: dibao.bpmn, as the desktop Modeler saves it, is opened
    browser.find(By.id("upload-file")).sendKeys(Path.of("processes", "dibao.bpmn").toAbsolutePath().toString());
    browser.click(By.id("upload-open"));
    browser.waitReady();

    // then: the diagram is drawn, a user task shows its Camunda 7 properties, bpmnlint runs in the canvas
    assertThat(browser.text(By.id("editor-heading"))).contains("dibao.bpmn").contains("流程");
    selectTask(DibaoProcess.TASK_INVESTIGATE);
    browser.click(By.cssSelector(USER_ASSIGNMENT_GROUP));
    assertThat(browser.find(By.id("bio-properties-panel-candidateGroups")).getAttribute("value")).isEqualTo("${streetCode}-clerk");
    assertThat(browser.find(By.id(DUE_DATE_FIELD)).getAttribute("value")).isEqualTo("${workdays.dueIn(10)}");
    browser.find(By.cssSelector("#canvas .bjsl-button"));
    int checked = awaitCheck(0, "ok");

    // when: the task loses its candidate group, the server's checks name the element and the rule
    typeInto(browser.find(By.id("bio-properties-panel-candidateGroups")), Keys.DELETE.toString());
    awaitCheck(checked, "errors");
    By error = By.cssSelector("#check-errors li.check-error[data-element='" + DibaoProcess.TASK_INVESTIGATE
        + "'][data-rule='user-task-group']");
    assertThat(browser.text(error)).contains(DibaoProcess.TASK_INVESTIGATE);
    browser.screenshot("model-editor");

    // and a model that fails is not deployed, whatever the note
    browser.typeInto(By.id("deploy-note"), "删除候选组");
    browser.click(By.id("deploy"));
    browser.waitForText(By.id("deploy-message"), "");
    assertThat(browser.currentPath()).isEqualTo("/admin/models/upload");
    assertThat(browser.find(By.id("deploy-message")).getDomAttribute("role")).isEqualTo("alert");
    assertThat(versions.latest(DibaoProcess.KEY).getVersion()).isEqualTo(baseline);
  }

  @Test
  void shouldOpenADecisionTableAndAFormInTheirEditors() {
    browser.login("admin");

    // the 低保 standards table in dmn-js
    upload(Path.of("processes", "dibao-standard.dmn"));
    assertThat(browser.text(By.id("editor-heading"))).contains("决策表");
    browser.find(By.cssSelector("#canvas .tjs-table, #canvas .djs-container"));

    // the investigation form in the form-js editor, with its own properties panel
    upload(Path.of("forms", "dibao-investigate.form"));
    assertThat(browser.text(By.id("editor-heading"))).contains("表单");
    browser.find(By.cssSelector("#canvas .fjs-editor-container"));
    assertThat(browser.text(By.cssSelector("#canvas .fjs-editor-container"))).contains("调查人员");
  }

  private void upload(Path file) {
    browser.go("/admin/models");
    browser.find(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
    browser.click(By.id("upload-open"));
    browser.waitReady();
  }

  /** Selects 家庭经济状况调查 (the only task the tests change) in the canvas. */
  private void selectTask(String id) {
    browser.click(By.cssSelector("#canvas g.djs-element[data-element-id='" + id + "']"));
    browser.waitForText(By.cssSelector("#properties .bio-properties-panel-header-label"), "家庭经济状况调查");
  }

  private void typeInto(WebElement field, String text) {
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
  }

  private ProcessDefinition definitionOf(String processInstanceId) {
    String id = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getProcessDefinitionId();
    return repository.getProcessDefinition(id);
  }

}
