package cn.minzheng.approvals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.WorkspaceBrowser;

/** The auditor's page in headless Chromium: find a case by a person's ID number, open it, follow its path. */
@IntegrationTest
class AuditCasesBrowserTest {

  @RegisterExtension
  final WorkspaceBrowser browser = new WorkspaceBrowser();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;

  @BeforeEach
  void openBrowser() {
    browser.open(port);
  }

  @Test
  void shouldFindACaseByIdNumberAndShowItsTimelineAndTheHighlightedPath() {
    // given: a case past 公示, at the district's decision
    Case c = new DibaoCases(engine, applications, notices, users).atDistrict();
    ApplicationRecord app = applications.getForProcess(c.applicationId());
    String idNumber = app.getApplicantIdNumber();
    // when: the auditor searches by the applicant's ID number
    browser.login("auditor");
    browser.click(By.id("nav-audit-cases"));
    browser.waitReady();
    browser.typeInto(By.id("audit-id-number"), idNumber);
    browser.click(By.id("audit-search"));
    // then: the one case, with the ID number masked
    WebElement row = browser.find(By.cssSelector("#audit-table tbody tr[data-number='" + app.getNumber() + "']"));
    assertThat(browser.findAll(By.cssSelector("#audit-table tbody tr"))).hasSize(1);
    assertThat(row.getText()).contains(idNumber.substring(0, 6) + "********" + idNumber.substring(14))
        .doesNotContain(idNumber);
    // when: opened
    browser.click(By.cssSelector(".audit-open[data-id='" + app.getId() + "']"));
    browser.waiting().until(d -> "true".equals(d.findElement(By.id("audit-case")).getAttribute("data-ready")));
    // then: the timeline, with the submission, the stages' tasks (worked on the engine here) and the notices
    browser.find(By.cssSelector("#audit-timeline-table tr[data-action='submit']"));
    assertThat(browser.findAll(By.cssSelector("#audit-timeline-table tr[data-kind='task'][data-action='completed']")))
        .isNotEmpty();
    assertThat(browser.findAll(By.cssSelector("#audit-timeline-table tr[data-kind='stage'][data-action='entered']")))
        .isNotEmpty();
    assertThat(browser.findAll(By.cssSelector("#audit-timeline-table tr[data-kind='notice']"))).isNotEmpty();
    assertThat(browser.text(By.id("audit-timeline"))).contains("dibao:");
    // and the diagram of the case's model: the path taken is marked, a stage not taken is not
    browser.find(By.cssSelector("#audit-diagram svg"));
    assertThat(marked(DibaoProcess.TASK_INVESTIGATE)).isTrue();
    assertThat(marked(DibaoProcess.TASK_STREET_REVIEW)).isTrue();
    assertThat(marked(DibaoProcess.TASK_DEMOCRATIC_REVIEW)).isFalse();
    assertThat(browser.findAll(By.cssSelector("#audit-diagram g.djs-element.mz-active[data-element-id='"
        + DibaoProcess.TASK_DISTRICT_APPROVE + "']"))).hasSize(1);
    assertThat(browser.findAll(By.cssSelector("#audit-diagram g.djs-connection.mz-path"))).isNotEmpty();
    browser.screenshot("audit-case");
    // a tab for each called stage model: the 公示 stage shows its own path
    List<WebElement> tabs = browser.findAll(By.cssSelector("#audit-diagram-tabs [role=tab]"));
    assertThat(tabs.size()).isGreaterThanOrEqualTo(2);
    browser.click(By.cssSelector("#audit-diagram-tabs [data-key='stage_public_notice']"));
    browser.waiting().until(d -> "stage_public_notice".equals(d.findElement(By.id("audit-diagram")).getAttribute("data-shown")));
    assertThat(browser.findAll(By.cssSelector("#audit-diagram g.djs-element.mz-path"))).isNotEmpty();
    // nowhere on the page the ID number in clear
    assertThat(browser.driver().getPageSource()).doesNotContain(idNumber);
    assertThat(browser.scriptErrors()).isEmpty();
  }

  @Test
  void shouldNotOfferTheAuditPageToAClerk() {
    browser.login("wjs-clerk");
    assertThat(browser.findAll(By.id("nav-audit-cases"))).isEmpty();
    // the page itself is refused to street staff (SecurityConfig: /audit/** for auditors and administrators)
    browser.driver().get(browser.url("/audit/cases"));
    assertThat(browser.driver().getPageSource()).doesNotContain("audit-search");
    assertThat(browser.findAll(By.id("audit-table"))).isEmpty();
  }

  private boolean marked(String elementId) {
    return !browser.findAll(By.cssSelector("#audit-diagram g.djs-element.mz-path[data-element-id='" + elementId + "']"))
        .isEmpty();
  }
}
