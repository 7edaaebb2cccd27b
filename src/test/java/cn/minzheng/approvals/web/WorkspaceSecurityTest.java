package cn.minzheng.approvals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.approvals.security.SecurityConfig;
import cn.minzheng.approvals.support.IntegrationTest;

/**
 * The browser side of security: our login page, the session, and CSRF through the MZ-XSRF-TOKEN
 * cookie for forms and for the pages' API calls (HTTP Basic clients keep skipping it).
 */
@IntegrationTest
class WorkspaceSecurityTest {

  @LocalServerPort int port;

  CookieManager cookies;
  HttpClient browser;

  @BeforeEach
  void newBrowser() {
    cookies = new CookieManager();
    browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Test
  void shouldServeTheLoginPageAndTheCsrfCookieWithoutLogin() throws Exception {
    HttpResponse<String> login = get("/login");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("id=\"login-form\"", "/js/login.js");
    assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    assertThat(csrf()).isNotBlank();
    assertThat(get("/i18n/zh.json").statusCode()).isEqualTo(200);
    assertThat(get("/js/api.js").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldSendPagesWithoutLoginToTheLoginPageAndTheApiTo401() throws Exception {
    for (String page : new String[] {"/", "/inbox", "/tasks/abc", "/applications", "/applications/new", "/applications/1", "/overdue"}) {
      HttpResponse<String> answer = get(page);
      assertThat(answer.statusCode()).as(page).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location")).as(page).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
    assertThat(get("/api/me").statusCode()).isEqualTo(401);
  }

  @Test
  void shouldLogInWithTheFormAndTheCookiesToken() throws Exception {
    get("/login");
    // without the token the form is refused
    assertThat(postForm("/login", "username=wjs-clerk&password=demo123").statusCode()).isEqualTo(403);
    // a wrong password goes back to the page, which says so
    HttpResponse<String> failed = postForm("/login", "username=no-such-user&password=x&_csrf=" + csrf());
    assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    // then the inbox
    HttpResponse<String> ok = postForm("/login", "username=wjs-clerk&password=demo123&_csrf=" + csrf());
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(ok.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    HttpResponse<String> inbox = get("/");
    assertThat(inbox.statusCode()).isEqualTo(200);
    assertThat(inbox.body()).contains("/js/inbox.js");
    assertThat(get("/api/me").body()).contains("\"id\":\"wjs-clerk\"");
  }

  @Test
  void shouldRefuseTheSessionsApiCallsWithoutTheCsrfHeader() throws Exception {
    logIn("wjs-clerk");
    assertThat(post("/api/notifications/read-all", null).statusCode()).isEqualTo(403);
    assertThat(post("/api/notifications/read-all", "not-the-token").statusCode()).isEqualTo(403);
    assertThat(post("/api/notifications/read-all", csrf()).statusCode()).isEqualTo(204);
    // logout is a form with the token too
    HttpResponse<String> logout = postForm("/logout", "_csrf=" + csrf());
    assertThat(logout.statusCode()).as(logout.headers().map().toString()).isEqualTo(302);
    assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
    assertThat(get("/api/me").statusCode()).isEqualTo(401);
  }

  private void logIn(String user) throws Exception {
    get("/login");
    HttpResponse<String> ok = postForm("/login", "username=" + user + "&password=demo123&_csrf=" + csrf());
    assertThat(ok.statusCode()).isEqualTo(302);
    get("/");
  }

  private String csrf() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> SecurityConfig.CSRF_COOKIE.equals(c.getName()))
        .map(HttpCookie::getValue).map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8)).reduce((a, b) -> b).orElse("");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    // as a browser asks for a page (an API client without text/html gets 401 rather than the login page)
    return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String csrfHeader) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (csrfHeader != null) {
      request.header(SecurityConfig.CSRF_HEADER, csrfHeader);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
