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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.ModelVersions;
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

  DibaoCases cases;
  ModelVersions versions;

  @BeforeEach
  void setUp() {
    cases = new DibaoCases(engine, applications, notices, users);
    versions = new ModelVersions(repository);
    browser.open(port);
  }

  @AfterEach
  void removeVersions() {
    versions.removeAll();
  }

  @Test
  void shouldOpenAFileFromTheDesktopModelerWithTheCamundaPropertiesAndBpmnlint() {
    // given: the administrator on the workbench
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
    browser.screenshot("model-editor");
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

  private void selectTask(String id) {
    browser.click(By.cssSelector("#canvas g.djs-element[data-element-id='" + id + "']"));
    browser.waitForText(By.cssSelector(".bio-properties-panel-header-label"), "");
  }

  private void typeInto(WebElement field, String text) {
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
  }

  private ProcessDefinition definitionOf(String processInstanceId) {
    String id = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getProcessDefinitionId();
    return repository.getProcessDefinition(id);
  }

  @SuppressWarnings("unused")
  private static Map<String, Object> none() {
    return Map.of();
  }
}
