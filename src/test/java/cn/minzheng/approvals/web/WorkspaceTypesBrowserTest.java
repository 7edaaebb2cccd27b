package cn.minzheng.approvals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.TestIds;
import cn.minzheng.approvals.support.WorkspaceBrowser;
import cn.minzheng.approvals.support.YanglaoCases;
import cn.minzheng.approvals.yanglao.YanglaoBedMapper;
import cn.minzheng.approvals.yanglao.YanglaoProcess;

/**
 * The workspace with the types other than 低保, in a real headless Chromium: the names of types and stages come
 * from GET /api/types (never a raw element id), and the new-application page files any type with its own fields.
 */
@IntegrationTest
class WorkspaceTypesBrowserTest {

  /** What an element id looks like; the pages must never show one. */
  private static final Pattern RAW_ID = Pattern.compile("\\b(Task|Wait|End|Service|Call|Gateway)_[A-Za-z]+");

  @RegisterExtension
  final WorkspaceBrowser browser = new WorkspaceBrowser();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired YanglaoBedMapper beds;

  YanglaoCases cases;

  @BeforeEach
  void open() {
    cases = new YanglaoCases(engine, applications, notices, users, beds);
    browser.open(port);
  }

  @Test
  void shouldShowAYanglaoTaskWithChineseTypeAndStageNamesInTheInboxAndOnItsPage() {
    // given: an admission accepted, waiting for the street's 老年人能力评估
    Case c = cases.submit(cases.institution(1, 0), "alone");
    cases.on.decide(c, "approve");
    String number = cases.application(c).getNumber();

    // when: the street clerk looks at the group inbox
    browser.login("wjs-clerk");
    browser.click(By.id("tab-group"));
    search(number);
    By row = By.cssSelector("tr.task-row[data-number='" + number + "'][data-task-key='" + YanglaoProcess.TASK_ASSESS + "']");
    WebElement found = browser.find(row);

    // then: the row names the type and the stage in Chinese
    assertThat(found.findElement(By.cssSelector("td.type-name")).getText()).isEqualTo("福利院、养老机构入住");
    assertThat(found.findElement(By.cssSelector("td.stage-name")).getText()).isEqualTo("老年人能力评估");
    assertThat(browser.text(By.id("list"))).doesNotContainPattern(RAW_ID);
    // and the stage filter offers the type's stages by name once the type is chosen
    new Select(browser.find(By.id("filter-type"))).selectByValue("yanglao");
    browser.waiting().until(d -> d.findElements(By.cssSelector("#filter-stage option")).stream()
        .anyMatch(o -> "Task_Decide".equals(o.getAttribute("value")) && o.getText().equals("区民政局入住审批")));
    browser.screenshot("inbox-yanglao");

    // when: the clerk opens the task
    browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
      d.findElement(row).findElement(By.cssSelector("a.task-link")).click();
      return true;
    });
    browser.waiting().until(ExpectedConditions.urlContains("/tasks/"));
    browser.waitReady();

    // then: heading, summary and history name the stages; the decision buttons are named
    assertThat(browser.text(By.id("task-heading"))).contains("老年人能力评估", number);
    assertThat(browser.text(By.cssSelector("#summary [data-name='type'] dd"))).isEqualTo("福利院、养老机构入住");
    assertThat(browser.text(By.cssSelector("#summary [data-name='stage'] dd"))).isEqualTo("老年人能力评估");
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#history-list .event-stage")).isEmpty());
    List<String> historyStages = browser.findAll(By.cssSelector("#history-list .event-stage")).stream()
        .map(WebElement::getText).toList();
    assertThat(historyStages).contains("受理").allSatisfy(name -> assertThat(name).doesNotContainPattern(RAW_ID));
    browser.click(By.id("claim"));
    browser.waitForText(By.id("decide-approve"), "通过");
    assertThat(browser.text(By.id("main"))).doesNotContainPattern(RAW_ID);
    browser.screenshot("task-yanglao");
    assertThat(browser.scriptErrors()).isEmpty();
  }

  @Test
  void shouldFileAWelfareHomeAdmissionWithItsOwnFieldsAndShowTheServersErrorsForATemporaryAssistance() {
    // given
    browser.login("wjs-clerk");
    browser.go("/applications/new?type=linshi");
    assertThat(new Select(browser.find(By.id("type"))).getFirstSelectedOption().getText()).isEqualTo("临时救助");
    assertThat(browser.findAll(By.id("members-section")).get(0).isDisplayed()).isFalse();
    new Select(browser.find(By.id("regionCode"))).selectByVisibleText("吴家山街示范一社区");
    browser.typeInto(By.id("applicantName"), "李大伯");
    browser.typeInto(By.id("applicantIdNumber"), TestIds.random());

    // when: 临时救助 without its cause and amount
    browser.click(By.id("submit-application"));

    // then: the server's errors stand by the type's own fields
    browser.waitForText(By.cssSelector(".field-error[data-error-for='data.cause']"), "必填");
    browser.waitForText(By.cssSelector(".field-error[data-error-for='data.requestedAmount']"), "必填");
    browser.screenshot("new-application-linshi");

    // when: the clerk switches to 福利院、养老机构入住, names an institution and a priority
    new Select(browser.find(By.id("type"))).selectByValue("yanglao");
    browser.waitForText(By.id("new-type-fields-title"), "福利院、养老机构入住");
    new Select(browser.find(By.id("data-institutionCode"))).selectByValue("YL420112001");
    browser.click(By.cssSelector("input[name='priority.alone']"));
    browser.click(By.id("submit-application"));

    // then: filed, waiting for 受理, with the type and stage named
    browser.waiting().until(d -> browser.currentPath().matches("/applications/\\d+"));
    browser.waitReady();
    assertThat(browser.text(By.cssSelector("#summary [data-name='type'] dd"))).isEqualTo("福利院、养老机构入住");
    assertThat(browser.text(By.cssSelector("#summary [data-name='stage'] dd"))).isEqualTo("受理");
    long id = Long.parseLong(browser.currentPath().substring("/applications/".length()));
    assertThat(applications.getForProcess(id).getDataJson()).contains("\"institutionCode\":\"YL420112001\"", "\"alone\":true");
    assertThat(browser.scriptErrors()).isEmpty();
  }

  private void search(String number) {
    browser.typeInto(By.id("search"), number);
    browser.click(By.id("search-button"));
    browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("#list tr.task-row"));
      return !rows.isEmpty() && rows.stream().allMatch(r -> number.equals(r.getAttribute("data-number")));
    });
  }
}
