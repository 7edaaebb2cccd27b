package cn.minzheng.approvals.api;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP Basic calls as one demo user, answers as JSON maps. */
final class ApiClient {

  static final String PASSWORD = "demo123";
  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
  };

  private final TestRestTemplate rest;
  private final String user;

  ApiClient(TestRestTemplate rest, String user) {
    this.rest = rest;
    this.user = user;
  }

  ResponseEntity<Map<String, Object>> get(String path) {
    return exchange(HttpMethod.GET, path, null, null);
  }

  ResponseEntity<Map<String, Object>> post(String path, Object body) {
    return exchange(HttpMethod.POST, path, body, null);
  }

  ResponseEntity<Map<String, Object>> post(String path, Object body, String acceptLanguage) {
    return exchange(HttpMethod.POST, path, body, acceptLanguage);
  }

  ResponseEntity<List<Map<String, Object>>> getList(String path) {
    return client().exchange(path, HttpMethod.GET, new HttpEntity<>(headers(null)),
        new ParameterizedTypeReference<List<Map<String, Object>>>() {
        });
  }

  ResponseEntity<String> getText(String path) {
    return client().exchange(path, HttpMethod.GET, new HttpEntity<>(headers(null)), String.class);
  }

  ResponseEntity<String> postText(String path, Object body) {
    return client().exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(null)), String.class);
  }

  ResponseEntity<byte[]> getBytes(String path) {
    return client().exchange(path, HttpMethod.GET, new HttpEntity<>(headers(null)), byte[].class);
  }

  private ResponseEntity<Map<String, Object>> exchange(HttpMethod method, String path, Object body, String acceptLanguage) {
    return client().exchange(path, method, new HttpEntity<>(body, headers(acceptLanguage)), MAP);
  }

  private TestRestTemplate client() {
    return user == null ? rest : rest.withBasicAuth(user, PASSWORD);
  }

  private static HttpHeaders headers(String acceptLanguage) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (acceptLanguage != null) {
      headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
    }
    return headers;
  }

  /** The id of the case's open task at that stage, as this user's inbox lists it (searched by application number). */
  String taskId(String applicationNumber, String taskKey) {
    Map<String, Object> page = get("/api/tasks?q=" + applicationNumber).getBody();
    return ((List<?>) page.get("items")).stream().map(t -> (Map<?, ?>) t)
        .filter(t -> taskKey.equals(t.get("taskKey"))).map(t -> (String) t.get("id")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + taskKey + " task for " + applicationNumber + " in " + page));
  }
}
