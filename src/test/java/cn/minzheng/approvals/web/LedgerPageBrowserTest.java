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

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.WorkspaceBrowser;

/** The ledger page in a real headless Chromium: the verify result, the search, the person filter. */
@IntegrationTest
class LedgerPageBrowserTest {

  @RegisterExtension
  final WorkspaceBrowser browser = new WorkspaceBrowser();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;

  @BeforeEach
  void open() {
    browser.open(port);
  }

  @Test
  void shouldShowTheAuditorTheVerifyResultAndFindAPersonsRowsWithoutShowingTheIdNumber() {
    // given: a 低保 case
    Case c = new DibaoCases(engine, applications, notices, users).submit();
    String idNumber = applications.getForProcess(c.applicationId()).getApplicantIdNumber();

    // when: the auditor opens the ledger from the navigation
    browser.login("auditor");
    browser.click(By.id("nav-ledger"));
    browser.waitReady();

    // then: the chain is intact, and the newest rows are listed
    assertThat(browser.find(By.id("verify-result")).getAttribute("data-ok")).isEqualTo("true");
    assertThat(browser.text(By.id("verify-result"))).contains("哈希链完整");
    assertThat(browser.findAll(By.cssSelector("#ledger-table tr.ledger-row"))).isNotEmpty();

    // and the person filter finds the case's rows; the number stays out of the page
    browser.typeInto(By.id("filter-id-number"), idNumber);
    browser.click(By.id("search-button"));
    browser.waiting().until(d -> d.findElements(By.cssSelector("#ledger-table tr.ledger-row")).stream()
        .allMatch(r -> r.getText().contains("application:" + c.applicationId())));
    List<WebElement> rows = browser.findAll(By.cssSelector("#ledger-table tr.ledger-row"));
    assertThat(rows).isNotEmpty();
    assertThat(browser.text(By.id("list"))).contains("submit").doesNotContain(idNumber);
    assertThat(browser.driver().getCurrentUrl()).doesNotContain(idNumber);
    assertThat(browser.scriptErrors()).isEmpty();
  }

  @Test
  void shouldNotOfferTheLedgerToStreetStaff() {
    browser.login("wjs-clerk");
    assertThat(browser.findAll(By.id("nav-ledger"))).isEmpty();
  }
}
