package cn.minzheng.approvals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.PublicNoticeTimer;
import cn.minzheng.approvals.support.WorkspaceBrowser;

/**
 * The approvers' workspace in a real headless Chromium against the running application: the demo
 * users of two streets and the district work 低保 cases through the pages alone. Cases are filed
 * through the service (there is no page to file one); stages a scenario does not exercise are moved
 * on through the API.
 */
@IntegrationTest
class WorkspacePagesBrowserTest {

  @RegisterExtension
  final WorkspaceBrowser browser = new WorkspaceBrowser();

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ApplicationService applications;
  @Autowired UserDirectory users;
  @Autowired ManagementService management;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired TaskService taskService;

  @BeforeEach
  void openBrowser() {
    browser.open(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldCarryACaseToPublicationThroughThePagesAlone() {
    // given: a case filed in 吴家山街
    ApplicationRecord app = submit();
    String number = app.getNumber();

    // a wrong password is answered in Chinese
    browser.go("/login");
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("民政审批工作台");
    // (an unknown user: a wrong password would hold wjs-clerk back for a few seconds, Camunda's login delay)
    browser.typeInto(By.id("username"), "no-such-user");
    browser.typeInto(By.id("password"), "wrong-password");
    browser.click(By.id("login-submit"));
    browser.waitForText(By.id("login-message"), "用户名或密码错误");

    // 受理 by the street clerk: find by number, claim, a refusal needs an opinion, accept
    browser.login("wjs-clerk");
    assertThat(browser.text(By.id("current-user"))).contains("吴家山街道经办人").contains("吴家山街道");
    browser.click(By.id("tab-group"));
    browser.find(By.cssSelector("#task-table tr.task-row"));
    browser.screenshot("inbox");
    openTask("group", number, DibaoProcess.TASK_ACCEPT, "受理");
    claim();
    uploadScan("id_card");
    browser.click(By.id("decide-reject"));
    browser.waitForText(By.cssSelector(".field-error[data-error-for='opinion']"), "必须填写办理意见");
    decide("approve", "通过");

    // 调查: the form's required fields, then the server's rule of two investigators, shown by the fields
    openTask("group", number, DibaoProcess.TASK_INVESTIGATE, "家庭经济状况调查");
    assertThat(browser.text(By.cssSelector("#summary [data-name='applicantIdNumber'] dd"))).doesNotContain("*");
    claim();
    browser.click(By.id("decide-approve"));
    browser.waitForText(By.id("action-message"), "表单还有必填项");
    typeFormField("Field_investigator1", "王五");
    typeFormField("Field_investigator2", "王五");
    typeDate("Field_visitDate", 2026, 11, 18);
    chooseOption("Field_verificationResult", "与申报一致");
    browser.typeInto(By.cssSelector("#form-container textarea[id$='Field_skipReason']"), "家庭情况清楚，无争议");
    browser.click(By.id("decide-approve"));
    browser.waitForText(By.id("form-errors"), "两名不同的调查人员");
    assertThat(browser.text(By.id("form-errors"))).contains("调查人员二");
    typeFormField("Field_investigator2", "赵六");
    browser.screenshot("task");
    decide("approve", "通过");
    browser.logout();

    // 街道初审 by the reviewer
    browser.login("wjs-reviewer");
    openTask("group", number, DibaoProcess.TASK_STREET_REVIEW, "街道初审");
    assertThat(browser.text(By.cssSelector("#summary [data-name='applicantIdNumber'] dd"))).contains("********");
    assertThat(browser.text(By.id("materials-table"))).contains("身份证", "id-card-");
    claim();
    browser.typeInto(By.cssSelector("#form-container textarea[id$='Field_note']"), "同意上报");
    decide("approve", "通过");
    browser.logout();

    // 公示 runs out
    assertThat(applications.getForProcess(app.getId()).getStage()).isEqualTo(DibaoProcess.WAIT_PUBLIC_NOTICE);
    firePublicNoticeTimer(app.getProcessInstanceId());

    // 区民政局审核确认 by the district approver
    browser.login("qu-approver");
    openTask("group", number, DibaoProcess.TASK_DISTRICT_APPROVE, "区民政局审核确认");
    claim();
    browser.click(By.cssSelector("#form-container input[id$='Field_homeVisitDone']"));
    decide("approve", "通过");

    // then: the application page shows the decision, the notices and every opinion
    browser.go("/applications/" + app.getId());
    assertThat(browser.text(By.cssSelector("#summary [data-name='status'] dd"))).isEqualTo("已批准");
    assertThat(browser.text(By.cssSelector("#summary [data-name='stage'] dd"))).isEqualTo("已确认并公布");
    browser.find(By.cssSelector("#notice-list li[data-kind='approved'] a.notice-pdf"));
    assertThat(browser.text(By.id("notice-list"))).contains("受理通知书", "公示", "确认通知书");
    browser.find(By.cssSelector("#history-list li[data-action='published']"));
    assertThat(browser.findAll(By.cssSelector("#history-list li[data-action='approve']"))).hasSize(4);
    assertThat(applications.getForProcess(app.getId()).getStatus()).isEqualTo("approved");
    browser.screenshot("application");
  }

  @Test
  void shouldFileAnApplicationInTheBrowserAndFindItWaitingForAcceptance() {
    // given
    browser.login("wjs-clerk");
    browser.click(By.id("nav-applications"));
    browser.waitReady();
    browser.click(By.id("new-application-link"));
    browser.waiting().until(ExpectedConditions.urlContains("/applications/new"));
    browser.waitReady();

    // when: the applicant and a spouse, the spouse's ID number mistyped
    new org.openqa.selenium.support.ui.Select(browser.find(By.id("regionCode"))).selectByVisibleText("吴家山街示范一社区");
    browser.typeInto(By.id("applicantName"), "王小花");
    browser.typeInto(By.id("applicantIdNumber"), cn.minzheng.approvals.support.TestIds.random());
    browser.typeInto(By.id("applicantPhone"), "13812345678");
    browser.typeInto(By.id("selfIncome"), "300");
    browser.click(By.id("add-member"));
    WebElement spouse = browser.find(By.cssSelector("#member-rows tbody tr.member-row"));
    spouse.findElement(By.name("name")).sendKeys("刘大力");
    spouse.findElement(By.name("idNumber")).sendKeys("420112198001010010");
    WebElement income = spouse.findElement(By.name("monthlyIncome"));
    income.clear();
    income.sendKeys("200");
    browser.typeInto(By.id("reason"), "因病致贫");
    browser.click(By.cssSelector("#material-checks input[value='id_card']"));
    browser.click(By.id("submit-application"));

    // then: the server's field error is shown by the spouse's ID number
    browser.waitForText(By.cssSelector(".field-error[data-error-for='members[1].idNumber']"), "校验位");
    browser.screenshot("new-application");
    WebElement idField = spouse.findElement(By.name("idNumber"));
    idField.clear();
    idField.sendKeys(cn.minzheng.approvals.support.TestIds.random());
    browser.click(By.id("submit-application"));
    browser.waiting().until(d -> browser.currentPath().matches("/applications/\\d+"));
    browser.waitReady();
    browser.waitForText(By.id("page-message"), "申请已登记");
    String number = browser.text(By.cssSelector("#summary [data-name='number'] dd"));
    assertThat(browser.text(By.cssSelector("#summary [data-name='stage'] dd"))).isEqualTo("受理");
    assertThat(browser.text(By.id("members-table"))).contains("王小花", "刘大力", "配偶");

    // and the 受理 task is in the street's 待领
    browser.click(By.id("nav-inbox"));
    browser.waitReady();
    openTask("group", number, DibaoProcess.TASK_ACCEPT, "受理");

    // when the applicant withdraws in writing, the clerk 撤回s it: a reason is required, and a confirmation
    browser.click(By.id("withdraw-submit"));
    browser.waitForText(By.cssSelector(".field-error[data-error-for='reason']"), "请填写理由");
    browser.typeInto(By.id("withdraw-text"), "申请人书面申请撤回");
    browser.click(By.id("withdraw-submit"));
    browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
    browser.waiting().until(d -> "/".equals(browser.currentPath()));
    browser.waitReady();
    browser.waitForText(By.id("page-message"), "申请已撤回");
    browser.go("/applications");
    browser.typeInto(By.id("search"), number);
    browser.click(By.id("search-button"));
    browser.waitForText(By.cssSelector("#application-table tr[data-number='" + number + "']"), "已撤回");
  }

  @Test
  void shouldShowTheClerkACaseTheReviewerReturnedWithAnOpinion() {
    // given: a case at 街道初审, accepted and investigated by the clerk
    ApplicationRecord app = submit();
    String number = app.getNumber();
    complete("wjs-clerk", number, DibaoProcess.TASK_ACCEPT, "approve", null, Map.of());
    complete("wjs-clerk", number, DibaoProcess.TASK_INVESTIGATE, "approve", null, investigation());

    // when: the reviewer returns it, first without the mandatory opinion
    browser.login("wjs-reviewer");
    openTask("group", number, DibaoProcess.TASK_STREET_REVIEW, "街道初审");
    claim();
    browser.click(By.id("decide-return"));
    browser.waitForText(By.cssSelector(".field-error[data-error-for='opinion']"), "必须填写办理意见");
    assertThat(browser.text(By.id("return-to"))).contains("家庭经济状况调查");
    browser.typeInto(By.id("opinion"), "调查记录不完整，请补充收入证明");
    decide("return", "退回");
    browser.logout();

    // then: the clerk is told, and has the investigation back
    browser.login("wjs-clerk");
    browser.find(By.id("notif-count"));
    assertThat(Integer.parseInt(browser.text(By.id("notif-count")))).isPositive();
    browser.click(By.id("notif-button"));
    WebElement returned = browser.find(By.xpath(
        "//ul[@class='notif-list']/li[@data-kind='returned'][contains(., '" + number + "')]"));
    assertThat(returned.getText()).contains("被退回").contains("调查记录不完整");
    browser.click(By.id("notif-button"));
    assertThat(findTaskRow(number, DibaoProcess.TASK_INVESTIGATE)).isTrue();
    browser.go("/applications/" + app.getId());
    browser.waitForText(By.cssSelector("#history-list li[data-action='return']"), "调查记录不完整，请补充收入证明");
  }

  @Test
  void shouldTransferToTheOtherApproverAndLetAReviewerUrgeAnOverdueTask() {
    // given: a case at the district stage
    String number = atDistrict().getNumber();

    // when: 转办 — only those who may act on the stage are offered
    browser.login("qu-approver");
    openTask("group", number, DibaoProcess.TASK_DISTRICT_APPROVE, "区民政局审核确认");
    claim();
    WebElement picker = browser.find(By.id("transfer-user"));
    assertThat(picker.getText()).contains("qu-approver2").doesNotContain("wjs-clerk");
    new org.openqa.selenium.support.ui.Select(picker).selectByValue("qu-approver2");
    browser.click(By.id("transfer-submit"));
    browser.waitForText(By.id("page-message"), "已转办给");
    browser.logout();

    // then: the other approver has it in 待办
    browser.login("qu-approver2");
    browser.click(By.id("tab-mine"));
    search(number);
    browser.find(rowOf(number, DibaoProcess.TASK_DISTRICT_APPROVE));
    browser.logout();

    // given: an investigation claimed by the clerk and past its due date
    ApplicationRecord late = submit();
    complete("wjs-clerk", late.getNumber(), DibaoProcess.TASK_ACCEPT, "approve", null, Map.of());
    String investigation = taskId("wjs-clerk", late.getNumber(), DibaoProcess.TASK_INVESTIGATE);
    assertThat(call("wjs-clerk", HttpMethod.POST, "/api/tasks/" + investigation + "/claim", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    taskService.setDueDate(investigation, new Date(System.currentTimeMillis() - 3L * 24 * 3600 * 1000));

    // when: the street reviewer urges it from the overdue list
    browser.login("wjs-reviewer");
    browser.click(By.id("nav-overdue"));
    browser.waitReady();
    WebElement row = browser.find(By.cssSelector("#overdue-task-table tr[data-task-id='" + investigation + "']"));
    row.findElement(By.cssSelector("input.urge-message")).sendKeys("请今天内完成入户调查");
    row.findElement(By.cssSelector("button.urge")).click();
    browser.waitForText(By.id("page-message"), "已催办");
    browser.screenshot("overdue");

    // then: the clerk is told
    List<Map<String, Object>> notifications = notifications("wjs-clerk");
    assertThat(notifications).anySatisfy(n -> assertThat(n).containsEntry("kind", "urged").containsEntry("taskId", investigation));
  }

  @Test
  void shouldAskForACoSignatureCopyAndDelegateAndGetTheTaskBack() {
    // given: a case at the district stage, claimed by the approver
    ApplicationRecord app = atDistrict();
    String number = app.getNumber();
    browser.login("qu-approver");
    openTask("group", number, DibaoProcess.TASK_DISTRICT_APPROVE, "区民政局审核确认");
    claim();

    // 加签: the stage cannot be completed until the other approver has signed
    new org.openqa.selenium.support.ui.Select(browser.find(By.id("signer-user"))).selectByValue("qu-approver2");
    browser.click(By.id("signer-submit"));
    browser.waitForText(By.id("page-message"), "加签");
    browser.waitForText(By.id("task-signers"), "qu-approver2 待签");
    browser.click(By.id("decide-approve"));
    browser.waitForText(By.id("action-message"), "加签人尚未签署");

    // 抄送 to the street clerk
    browser.click(By.cssSelector("input[name='cc-user'][value='wjs-clerk']"));
    browser.click(By.id("cc-submit"));
    browser.waitForText(By.id("page-message"), "已抄送");
    browser.logout();

    // the co-signer signs from 待会签
    browser.login("qu-approver2");
    browser.click(By.id("tab-signs"));
    WebElement card = browser.find(By.xpath("//ul[@id='sign-list']/li[.//a[@href='/applications/" + app.getId() + "']]"));
    card.findElement(By.cssSelector("button[data-sign='approve']")).click();
    browser.waitForText(By.id("page-message"), "会签意见已提交");
    browser.logout();

    // 委派 to the other approver, who gives it back with an opinion
    browser.login("qu-approver");
    openTask("mine", number, DibaoProcess.TASK_DISTRICT_APPROVE, "区民政局审核确认");
    browser.waitForText(By.id("task-signers"), "qu-approver2 同意");
    new org.openqa.selenium.support.ui.Select(browser.find(By.id("delegate-user"))).selectByValue("qu-approver2");
    browser.click(By.id("delegate-submit"));
    browser.waitForText(By.id("page-message"), "已委派给");
    browser.logout();
    browser.login("qu-approver2");
    openTask("mine", number, DibaoProcess.TASK_DISTRICT_APPROVE, "区民政局审核确认");
    browser.typeInto(By.id("resolve-opinion"), "已核实，建议同意");
    browser.click(By.id("resolve"));
    browser.waitForText(By.id("page-message"), "已归还委派人");
    browser.logout();

    // then: the clerk has the copy, and the approver the task again, free to decide
    browser.login("wjs-clerk");
    browser.click(By.id("tab-cc"));
    browser.find(rowOf(number, DibaoProcess.TASK_DISTRICT_APPROVE));
    browser.logout();
    browser.login("qu-approver");
    openTask("mine", number, DibaoProcess.TASK_DISTRICT_APPROVE, "区民政局审核确认");
    decide("approve", "通过");
    browser.go("/applications/" + app.getId());
    browser.waitForText(By.cssSelector("#history-list li[data-action='resolve']"), "已核实，建议同意");
    assertThat(browser.findAll(By.cssSelector("#history-list li[data-action='sign_approved']"))).hasSize(1);
  }

  @Test
  void shouldNeverShowAStreetUserAnotherStreetsTask() {
    // given: a 吴家山街 case waiting for 受理
    ApplicationRecord app = submit();
    String task = taskId("wjs-clerk", app.getNumber(), DibaoProcess.TASK_ACCEPT);

    // when: the clerk of 将军路街 looks for it
    browser.login("jjl-clerk");
    for (String tab : List.of("group", "mine")) {
      browser.click(By.id("tab-" + tab));
      search(app.getNumber());
      browser.waitForText(By.cssSelector("#list .empty"), "没有符合条件的任务");
    }

    // then: neither the task page nor the application page shows it
    browser.go("/tasks/" + task);
    browser.waitForText(By.id("page-message"), "未找到该任务");
    assertThat(browser.findAll(By.cssSelector("#task-root:not([hidden])"))).isEmpty();
    browser.go("/applications/" + app.getId());
    browser.waitForText(By.id("page-message"), "未找到该申请");

    // and the workspace speaks English on request, and remembers it
    browser.go("/");
    browser.click(By.id("lang-switch"));
    browser.waitForText(By.id("nav-inbox"), "Inbox");
    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(420, 900));
    browser.go("/");
    browser.find(By.id("filters"));
    browser.screenshot("inbox-en-narrow");
    browser.go("/overdue");
    browser.waitForText(By.tagName("h1"), "Overdue");
    browser.click(By.id("lang-switch"));
    browser.waitForText(By.id("nav-inbox"), "待办");
  }

  // ---- page steps

  private By rowOf(String number, String taskKey) {
    return By.cssSelector("tr.task-row[data-number='" + number + "'][data-task-key='" + taskKey + "']");
  }

  private void search(String number) {
    browser.typeInto(By.id("search"), number);
    browser.click(By.id("search-button"));
    browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("#list tr.task-row"));
      boolean onlyThis = !rows.isEmpty() && rows.stream().allMatch(r -> number.equals(r.getAttribute("data-number")));
      return onlyThis || !d.findElements(By.cssSelector("#list .empty")).isEmpty();
    });
  }

  /** Finds the case's task in 待办 or 待领, by its number, and opens it. */
  private void openTask(String tab, String number, String taskKey, String stageName) {
    browser.click(By.id("tab-" + tab));
    search(number);
    // the list may be drawn again while we click: try until the click lands
    browser.waiting().until(d -> {
      d.findElement(rowOf(number, taskKey)).findElement(By.cssSelector("a.task-link")).click();
      return true;
    });
    browser.waiting().until(ExpectedConditions.urlContains("/tasks/"));
    browser.waitReady();
    browser.waitForText(By.id("task-heading"), stageName);
    assertThat(browser.text(By.id("task-heading"))).contains(number);
  }

  private boolean findTaskRow(String number, String taskKey) {
    for (String tab : List.of("mine", "group")) {
      browser.go("/#" + tab);
      search(number);
      if (!browser.findAll(rowOf(number, taskKey)).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private void claim() {
    browser.click(By.id("claim"));
    browser.find(By.id("decide-approve"));
    browser.waitForText(By.id("page-message"), "已认领");
  }

  private void decide(String decision, String label) {
    browser.click(By.id("decide-" + decision));
    browser.waiting().until(d -> "/".equals(browser.currentPath()));
    browser.waitReady();
    browser.waitForText(By.id("page-message"), "已提交：" + label);
  }

  /** Attaches a small PNG scan of the given kind on the task page and waits for it in the list. */
  private void uploadScan(String kind) {
    try {
      Path scan = Files.createTempFile("id-card-", ".png");
      ImageIO.write(new BufferedImage(16, 10, BufferedImage.TYPE_INT_RGB), "png", scan.toFile());
      new org.openqa.selenium.support.ui.Select(browser.find(By.id("material-kind"))).selectByValue(kind);
      browser.find(By.id("material-file")).sendKeys(scan.toAbsolutePath().toString());
      browser.click(By.id("material-upload"));
      browser.waitForText(By.id("material-message"), "已上传");
      browser.waitForText(By.id("materials-table"), scan.getFileName().toString());
      assertThat(browser.find(By.cssSelector("#materials-table a[href^='/api/materials/']")).getAttribute("target")).isEqualTo("_blank");
      Files.deleteIfExists(scan);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void typeFormField(String componentId, String text) {
    browser.typeInto(By.cssSelector("#form-container input[id$='" + componentId + "']"), text);
  }

  /** Types a date as the browser's locale writes it (form-js reads the locale's format), then leaves the field. */
  private void typeDate(String componentId, int year, int month, int day) {
    String text = (String) browser.script("return new Intl.DateTimeFormat().format(new Date(Date.UTC(arguments[0], arguments[1] - 1, arguments[2], 4)))",
        year, month, day);
    WebElement input = browser.find(By.cssSelector("#form-container input[id$='" + componentId + "-date']"));
    input.clear();
    input.sendKeys(text);
    input.sendKeys(org.openqa.selenium.Keys.TAB);
  }

  private void chooseOption(String componentId, String optionLabel) {
    // focus alone opens the list (leaving the date field with TAB may have done so already); a click would toggle it
    browser.script("arguments[0].focus()", browser.driver().findElement(By.cssSelector("#form-container input[id$='" + componentId + "']")));
    browser.click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + optionLabel + "']"));
    browser.waitForText(By.cssSelector("#form-container [id$='" + componentId + "-display']"), optionLabel);
  }

  // ---- set-up through the service and the API

  private ApplicationRecord submit() {
    return applications.submit(Applications.dibao(Applications.WJS_COMMUNITY), users.load("wjs-clerk").orElseThrow());
  }

  /** A case past 公示, waiting for the district's decision (stages worked through the API). */
  private ApplicationRecord atDistrict() {
    ApplicationRecord app = submit();
    complete("wjs-clerk", app.getNumber(), DibaoProcess.TASK_ACCEPT, "approve", null, Map.of());
    complete("wjs-clerk", app.getNumber(), DibaoProcess.TASK_INVESTIGATE, "approve", null, investigation());
    complete("wjs-reviewer", app.getNumber(), DibaoProcess.TASK_STREET_REVIEW, "approve", null, Map.of());
    firePublicNoticeTimer(app.getProcessInstanceId());
    return app;
  }

  private static Map<String, Object> investigation() {
    return Map.of("investigator1", "王五", "investigator2", "赵六", "visitDate", "2026-11-18",
        "verificationResult", "consistent", "holdDemocraticReview", false, "skipReason", "家庭情况清楚，无争议");
  }

  private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, WorkspaceBrowser.PASSWORD).exchange(path, method, new HttpEntity<>(body, headers),
        new ParameterizedTypeReference<Map<String, Object>>() {
        });
  }

  private String taskId(String user, String number, String taskKey) {
    Map<String, Object> page = call(user, HttpMethod.GET, "/api/tasks?q=" + number, null).getBody();
    return ((List<?>) page.get("items")).stream().map(t -> (Map<?, ?>) t)
        .filter(t -> taskKey.equals(t.get("taskKey"))).map(t -> (String) t.get("id")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + taskKey + " task for " + number + " in " + page));
  }

  private void complete(String user, String number, String taskKey, String decision, String opinion, Map<String, Object> data) {
    Map<String, Object> body = new HashMap<>();
    body.put("decision", decision);
    body.put("opinion", opinion);
    body.put("data", data);
    ResponseEntity<Map<String, Object>> answer = call(user, HttpMethod.POST,
        "/api/tasks/" + taskId(user, number, taskKey) + "/complete", body);
    assertThat(answer.getStatusCode()).as("%s %s: %s", taskKey, decision, answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private List<Map<String, Object>> notifications(String user) {
    return rest.withBasicAuth(user, WorkspaceBrowser.PASSWORD).exchange("/api/notifications", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {
        }).getBody();
  }

  /** Moves the engine clock past the 公示 and runs its timer, as the job executor would. */
  private void firePublicNoticeTimer(String processInstanceId) {
    Job timer = PublicNoticeTimer.of(management, runtime, processInstanceId);
    assertThat(timer).isNotNull();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    management.executeJob(timer.getId());
    ClockUtil.reset();
  }
}
