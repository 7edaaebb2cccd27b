package cn.minzheng.approvals.admin.config;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP Basic calls of the admin configuration API as one demo user; answers as JSON maps. */
final class AdminHttp {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };

  private final TestRestTemplate rest;

  AdminHttp(TestRestTemplate rest, String user) {
    this.rest = rest.withBasicAuth(user, "demo123");
  }

  ResponseEntity<Map<String, Object>> get(String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), MAP);
  }

  ResponseEntity<List<Map<String, Object>>> getList(String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), LIST);
  }

  ResponseEntity<Map<String, Object>> send(HttpMethod method, String path, Object body) {
    return rest.exchange(path, method, new HttpEntity<>(body, headers()), MAP);
  }

  ResponseEntity<Map<String, Object>> post(String path, Object body) {
    return send(HttpMethod.POST, path, body);
  }

  ResponseEntity<byte[]> postForBytes(String path, Object body) {
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers()), byte[].class);
  }

  ResponseEntity<String> getText(String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
  }

  /** The rules of a problem+json's errors, in order. */
  @SuppressWarnings("unchecked")
  static List<String> rules(ResponseEntity<Map<String, Object>> answer) {
    return ((List<Map<String, Object>>) answer.getBody().get("errors")).stream().map(e -> (String) e.get("rule")).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> error(ResponseEntity<Map<String, Object>> answer, String rule) {
    return ((List<Map<String, Object>>) answer.getBody().get("errors")).stream()
        .filter(e -> rule.equals(e.get("rule"))).findFirst().orElseThrow(() -> new AssertionError("no error " + rule
            + " in " + answer.getBody()));
  }

  private static HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
