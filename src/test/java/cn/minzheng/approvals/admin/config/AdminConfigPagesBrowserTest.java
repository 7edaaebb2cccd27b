package cn.minzheng.approvals.admin.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.minzheng.approvals.calendar.WorkdayCalendar;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.WorkspaceBrowser;

/** The administrators' calendar and notice-template pages in a real headless Chromium. */
@IntegrationTest
class AdminConfigPagesBrowserTest {

  @RegisterExtension
  final WorkspaceBrowser browser = new WorkspaceBrowser();

  @LocalServerPort int port;
  @Autowired NoticeTemplateAdmin templates;
  @Autowired UserDirectory users;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkdayCalendar workdays;

  @BeforeEach
  @AfterEach
  void shippedTemplatesAndNo2027() {
    NoticeTemplateAdmin.TemplateRef ref = templates.ref("rejected", "dibao");
    if ("SAVED".equals(templates.text(ref).origin())) {
      CurrentUser admin = users.load("admin").orElseThrow();
      templates.revert(ref, "测试复原", admin);
    }
    jdbc.update("DELETE FROM mz_calendar_day WHERE cal_date BETWEEN DATE '2027-01-01' AND DATE '2027-12-31'");
    jdbc.update("DELETE FROM mz_calendar_year WHERE cal_year = 2027");
    workdays.reload();
  }

  @BeforeEach
  void openBrowser() {
    browser.open(port);
  }

  private void setContent(String text) {
    browser.script("document.getElementById('template-content').value = arguments[0];", text);
  }

  private String srcdoc() {
    return browser.find(By.id("preview-frame")).getAttribute("srcdoc");
  }

  @Test
  void shouldEditPreviewAndShowRefusalsOnTheTemplatePage() {
    // given the administrator on the page, the 低保 refusal chosen (it uses the shared template so far)
    browser.login("admin");
    browser.go("/admin/notice-templates");
    new Select(browser.find(By.id("template-kind"))).selectByValue("rejected");
    new Select(browser.find(By.id("template-type"))).selectByValue("dibao");
    browser.waitForText(By.id("template-origin"), "通用模板");
    assertThat(browser.find(By.id("template-content")).getAttribute("value")).contains("<@layout.rights");

    // when edited and previewed
    setContent(NoticeTemplateAdminApiTest.GOOD_REJECTED);
    browser.click(By.id("preview-button"));

    // then the sample notice shows, with the ID masked, and no problem listed
    browser.waiting().until(d -> srcdoc() != null && srcdoc().contains("【新版模板】"));
    assertThat(srcdoc()).contains("420112********1234", "武汉市东西湖区人民法院").doesNotContain("420112198001011234");
    assertThat(browser.find(By.id("preview-frame")).getAttribute("sandbox")).isEmpty();
    assertThat(browser.findAll(By.cssSelector("#preview-problems li"))).isEmpty();

    // when a text calling ?new is saved
    setContent(NoticeTemplateAdminApiTest.GOOD_REJECTED.replace("<h1>",
        "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}<h1>"));
    browser.typeInto(By.id("template-note"), "试图执行命令");
    browser.click(By.id("save-button"));

    // then the refusal is shown next to the text, and nothing was saved
    browser.waitForText(By.id("template-message"), "模板未保存");
    WebElement error = browser.find(By.cssSelector(".field-error[data-error-for='content']"));
    assertThat(error.getText()).contains("?new", "禁止");
    assertThat(browser.text(By.id("template-origin"))).contains("通用模板");

    // when the seal is left out: previewed with the problem, refused on save
    setContent(NoticeTemplateAdminApiTest.GOOD_REJECTED.replace("<p>（印章）</p>", ""));
    browser.click(By.id("preview-button"));
    browser.waitForText(By.id("preview-problems"), "印章");
    browser.click(By.id("save-button"));
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".field-error[data-error-for='content']"), "缺少必备要素：印章位置"));

    // when the good text is saved with a note
    setContent(NoticeTemplateAdminApiTest.GOOD_REJECTED);
    browser.click(By.id("save-button"));

    // then it is in use as a new version and in the history
    browser.waitForText(By.id("template-message"), "已保存为第");
    browser.waitForText(By.id("template-origin"), "已保存的第");
    assertThat(browser.findAll(By.cssSelector(".field-error[data-generated]"))).isEmpty();
    assertThat(browser.text(By.id("template-history-table"))).contains("试图执行命令", "admin");
    assertThat(templates.text(templates.ref("rejected", "dibao")).content())
        .isEqualTo(NoticeTemplateAdminApiTest.GOOD_REJECTED);
    browser.screenshot("admin-notice-templates");
    assertThat(browser.scriptErrors()).isEmpty();
  }

  @Test
  void shouldAddNextYearOnTheCalendarPageAndShowItAsMonthGrid() {
    // given the administrator on the page, which offers to add the year after the last one
    browser.login("admin");
    browser.go("/admin/calendar");
    assertThat(browser.find(By.id("calendar-year")).getAttribute("value")).isEqualTo("2027");
    assertThat(browser.find(By.cssSelector("td[data-date='2026-10-10']")).getAttribute("data-kind")).isEqualTo("workday");

    // when a 调休 on a Wednesday is entered
    browser.typeInto(By.id("calendar-source"), CalendarAdminApiTest.SOURCE);
    browser.script("document.getElementById('calendar-text').value = arguments[0];",
        CalendarAdminApiTest.YEAR_2027 + "2027-02-10 班 错误\n");
    browser.typeInto(By.id("calendar-note"), "录入2027年放假安排");
    browser.click(By.id("calendar-save"));

    // then it is refused next to the text, naming the day
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".field-error[data-error-for='text']"), "2027-02-10"));
    assertThat(workdays.covers(2027)).isFalse();

    // when corrected and saved
    browser.script("document.getElementById('calendar-text').value = arguments[0];", CalendarAdminApiTest.YEAR_2027);
    browser.click(By.id("calendar-save"));

    // then 2027 is listed and drawn: 春节 off, the 调休 Sunday worked
    browser.waitForText(By.id("calendar-message"), "2027 年的日历已新增");
    browser.find(By.cssSelector("#calendar-year-table tr[data-year='2027']"));
    assertThat(browser.findAll(By.cssSelector(".field-error[data-generated]"))).isEmpty();
    assertThat(browser.find(By.cssSelector("td[data-date='2027-02-08']")).getAttribute("data-kind")).isEqualTo("holiday");
    assertThat(browser.find(By.cssSelector("td[data-date='2027-02-14']")).getAttribute("data-kind")).isEqualTo("workday");
    assertThat(browser.find(By.cssSelector("td[data-date='2027-02-13']")).getAttribute("data-kind")).isEqualTo("weekend");
    assertThat(workdays.covers(2027)).isTrue();
    browser.screenshot("admin-calendar");
    browser.script("document.querySelector(\"table.month[data-month='2']\").scrollIntoView()");
    browser.screenshot("admin-calendar-grid");
    assertThat(browser.scriptErrors()).isEmpty();
  }
}
