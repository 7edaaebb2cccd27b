package cn.minzheng.approvals.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.WorkspaceBrowser;

/** The administrators' 年度复核 page in a real headless Chromium: start, progress, pause and resume. */
@IntegrationTest
class AnnualReviewPageBrowserTest {

  static final String STREET = "420112002000";
  static final int YEAR = 2002;

  @RegisterExtension
  final WorkspaceBrowser browser = new WorkspaceBrowser();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewMapper reviews;
  @Autowired AnnualReviewRunner runner;

  @BeforeEach
  void noRunYet() {
    jdbc.update("DELETE FROM mz_annual_review WHERE run_id IN (SELECT id FROM mz_review_run WHERE region_code = ?"
        + " AND review_year = ?)", STREET, YEAR);
    jdbc.update("DELETE FROM mz_review_run WHERE region_code = ? AND review_year = ?", STREET, YEAR);
    browser.open(port);
  }

  private By row(long runId) {
    return By.cssSelector("#review-run-table tr[data-run-id='" + runId + "']");
  }

  @Test
  void shouldStartFollowPauseAndResumeARunOnThePage() {
    // given
    browser.login("admin");
    browser.go("/admin/annual-reviews");
    browser.typeInto(By.id("review-region"), STREET);
    browser.find(By.id("review-year")).clear();
    browser.typeInto(By.id("review-year"), String.valueOf(YEAR));
    // when
    browser.click(By.id("review-start"));
    // then: the run is listed, running (the tests' runner waits to be driven)
    browser.waitForText(By.id("review-message"), "已启动");
    long runId = reviews.findRunOf(STREET, YEAR).getId();
    browser.waiting().until(d -> !browser.findAll(row(runId)).isEmpty());
    assertThat(browser.find(row(runId)).getAttribute("data-state")).isEqualTo("running");
    assertThat(browser.find(row(runId)).getText()).contains(STREET, "进行中");
    // when paused
    browser.click(By.cssSelector("#review-run-table tr[data-run-id='" + runId + "'] button[data-action='pause']"));
    // then
    browser.waiting().until(d -> "paused".equals(browser.find(row(runId)).getAttribute("data-state")));
    assertThat(reviews.findRun(runId).getState()).isEqualTo(ReviewRun.PAUSED);
    // when resumed and worked off
    browser.click(By.cssSelector("#review-run-table tr[data-run-id='" + runId + "'] button[data-action='resume']"));
    browser.waiting().until(d -> "running".equals(browser.find(row(runId)).getAttribute("data-state")));
    runner.runToEnd(runId);
    // then the page, polling, shows it completed with every household created
    browser.waiting().until(d -> "completed".equals(browser.find(row(runId)).getAttribute("data-state")));
    ReviewRun done = reviews.findRun(runId);
    assertThat(browser.find(row(runId)).getText()).contains("已完成", done.getCreated() + " / " + done.getTotal());
    browser.screenshot("admin-annual-reviews");
    assertThat(browser.scriptErrors()).isEmpty();
  }
}
