package cn.minzheng.approvals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.WorkspaceBrowser;

/** The public 公示 board (no login) and the dashboard in a real headless Chromium. */
@IntegrationTest
class BoardAndDashboardBrowserTest {

  static final String JJL = "420112002000";

  @RegisterExtension
  final WorkspaceBrowser browser = new WorkspaceBrowser();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired JdbcTemplate jdbc;

  DibaoCases cases;

  @BeforeEach
  void open() {
    browser.open(port);
    cases = new DibaoCases(engine, applications, notices, users);
    jdbc.update("DELETE FROM mz_public_objection");
  }

  @Test
  void shouldFileAnObjectionOnTheBoardWithoutLoginAndShowTheReceipt() {
    // given: a 低保 case of 将军路街 on 公示
    Case c = jjlOnPublicNotice();
    // when: the public opens the board and narrows it to 将军路街道
    browser.go("/public/board");
    assertThat(browser.currentPath()).isEqualTo("/public/board");
    new Select(browser.find(By.id("street"))).selectByValue(JJL);
    browser.waitReady();
    String id = jdbc.queryForObject("SELECT public_id FROM mz_public_notice WHERE application_id = ?", String.class,
        c.applicationId());
    List<WebElement> rows = browser.findAll(By.cssSelector("#notice-table tbody tr"));
    // then: only 将军路街's notices, with masked names
    assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.getText()).contains("将军路").contains("*"));
    assertThat(browser.find(By.id("notice-table")).getText()).doesNotContain("张小三");
    // when: an objection is filed against the case
    browser.click(By.cssSelector("button.object[data-notice-id='" + id + "']"));
    browser.typeInto(By.id("objection-content"), "该户有一辆小汽车未申报");
    browser.typeInto(By.id("objection-contact"), "13900002222");
    browser.click(By.id("objection-submit"));
    // then: the receipt, and the case back at investigation
    String receipt = browser.text(By.id("receipt-no"));
    assertThat(receipt).matches("YY\\d{8}-\\d{4}");
    assertThat(browser.text(By.id("objection-message"))).contains("异议已收到");
    assertThat(cases.waitingAt(c)).contains(DibaoProcess.TASK_INVESTIGATE);
    assertThat(browser.scriptErrors()).isEmpty();
  }

  @Test
  void shouldDrawTheChartsAndOpenTheCasesOfAClickedBar() {
    // given: an overdue case in 将军路街
    Case overdue = jjlOnPublicNotice();
    jdbc.update("UPDATE mz_application SET procedure_due = ? WHERE id = ?", LocalDate.now().minusDays(2),
        overdue.applicationId());
    browser.login("auditor");
    // when
    browser.go("/dashboard");
    // then: charts on canvas
    for (String chart : List.of("chart-open", "chart-overdue", "chart-outcomes")) {
      assertThat(browser.findAll(By.cssSelector("#" + chart + " canvas"))).as(chart).isNotEmpty();
    }
    assertThat(browser.text(By.id("indicator-beds"))).contains("%");
    // when: the auditor clicks 将军路街道's bar of the overdue chart
    @SuppressWarnings("unchecked")
    Map<String, Object> bar = (Map<String, Object>) browser.script("""
        const node = document.getElementById('chart-overdue');
        const chart = node.chart;
        const option = chart.getOption();
        const index = option.xAxis[0].data.indexOf('将军路街道');
        const value = option.series[0].data[index].value;
        const [x, y] = chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [index, value / 2]);
        return { x, y, width: node.clientWidth, height: node.clientHeight };
        """);
    WebElement canvas = browser.find(By.cssSelector("#chart-overdue canvas"));
    int dx = (int) Math.round(((Number) bar.get("x")).doubleValue() - ((Number) bar.get("width")).doubleValue() / 2);
    int dy = (int) Math.round(((Number) bar.get("y")).doubleValue() - ((Number) bar.get("height")).doubleValue() / 2);
    new Actions(browser.driver()).moveToElement(canvas, dx, dy).click().perform();
    // then: the list of exactly those cases
    browser.waiting().until(ExpectedConditions.urlContains("/applications?street=" + JJL + "&overdue=true"));
    browser.waitReady();
    assertThat(browser.text(By.id("dashboard-narrowing"))).contains("street=" + JJL).contains("overdue=true");
    ApplicationRecord app = applications.getForProcess(overdue.applicationId());
    assertThat(browser.text(By.id("application-table"))).contains(app.getNumber());
    assertThat(browser.scriptErrors()).isEmpty();
  }

  private Case jjlOnPublicNotice() {
    ApplicationRecord created = applications.submit(Applications.dibao(Applications.JJL_COMMUNITY),
        users.load("jjl-clerk").orElseThrow());
    Case c = new Case(created.getId(), engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(created.getProcessInstanceId()).singleResult());
    cases.decide(c, "approve");
    cases.investigate(c, false);
    cases.decide(c, "approve");
    return c;
  }
}
