package cn.minzheng.approvals.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.minzheng.approvals.support.IntegrationTest;

/** API documentation for staff, Prometheus for administrators, with our own figures in it. */
@IntegrationTest
class OperationsEndpointsTest {

  @Autowired TestRestTemplate rest;
  @Autowired CaseMetrics metrics;

  @Test
  void shouldDocumentEveryApiEndpointForLoggedInStaff() {
    ResponseEntity<String> docs = rest.withBasicAuth("wjs-clerk", "demo123").getForEntity("/v3/api-docs", String.class);
    assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(docs.getBody()).contains("/api/applications", "/api/tasks/{id}/complete", "/api/tasks/{id}/transfer",
        "/api/notices/{id}/meta", "/api/notifications");
    // without login: sent to the login page, no documentation
    assertThat(rest.getForEntity("/v3/api-docs", String.class).getBody()).doesNotContain("/api/tasks/{id}/complete");
    assertThat(rest.withBasicAuth("wjs-clerk", "demo123").getForEntity("/swagger-ui/index.html", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldServePrometheusFiguresToAdministratorsOnly() {
    // given
    metrics.refresh();
    // when
    ResponseEntity<String> scrape = rest.withBasicAuth("admin", "demo123").getForEntity("/actuator/prometheus", String.class);
    // then
    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scrape.getBody()).contains("approvals_tasks_overdue", "approvals_notice_render_seconds");
    assertThat(rest.withBasicAuth("wjs-clerk", "demo123").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
