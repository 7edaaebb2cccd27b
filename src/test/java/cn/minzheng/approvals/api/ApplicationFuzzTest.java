package cn.minzheng.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.TestIds;

/**
 * Bad input (issue 7, fault tests): generated application bodies — valid ones, ones with one to three
 * fields broken (missing, null, wrong type, too long, control characters, bad ID check digits, unknown
 * codes) and bodies that are not JSON at all — sent to {@code POST /api/applications}. Never a 5xx; a
 * refused body writes nothing (no application, member or process row), an accepted one exactly its own.
 * The mutations are seeded (the people are new on every run), so a failure repeats: {@code -Dfuzz.seed=… -Dfuzz.payloads=10000} (1,000 by default).
 */
@IntegrationTest
class ApplicationFuzzTest {

  static final int PAYLOADS = Integer.getInteger("fuzz.payloads", 1000);
  static final long SEED = Long.getLong("fuzz.seed", 20261124L);

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @Test
  void shouldNeverAnswer5xxNorWriteHalfAnApplication() throws Exception {
    // given
    Random random = new Random(SEED);
    TestRestTemplate clerk = rest.withBasicAuth("wjs-clerk", ApiClient.PASSWORD);
    long applications = count("SELECT count(*) FROM mz_application");
    long members = count("SELECT count(*) FROM mz_member");
    long executions = count("SELECT count(*) FROM act_ru_execution");
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    Set<Long> created = new HashSet<>();
    long started = System.nanoTime();
    // when
    for (int i = 0; i < PAYLOADS; i++) {
      String body = payload(random);
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      ResponseEntity<String> answer = clerk.exchange("/api/applications", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
      int status = answer.getStatusCode().value();
      statuses.merge(status, 1, Integer::sum);
      if (status >= 500 && failures.size() < 5) {
        failures.add(status + " for " + abbreviate(body) + " → " + abbreviate(answer.getBody()));
      }
      if (status == 201) {
        Map<?, ?> application = json.readValue(answer.getBody(), Map.class);
        created.add(((Number) application.get("id")).longValue());
      } else if (status < 500) {
        assertThat(answer.getHeaders().getContentType()).as(body).isNotNull()
            .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(body).isTrue());
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("ApplicationFuzzTest: %d payloads (seed %d) in %.1f s: %s%n", PAYLOADS, SEED, seconds, statuses);
    // then
    assertThat(failures).as("5xx answers").isEmpty();
    assertThat(statuses.keySet()).allMatch(s -> s < 500);
    assertThat(statuses).containsKeys(201, 400);
    assertThat(count("SELECT count(*) FROM mz_application") - applications).isEqualTo(created.size());
    String ids = created.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("-1");
    // members only of the accepted applications
    assertThat(count("SELECT count(*) FROM mz_member") - members)
        .isEqualTo(count("SELECT count(*) FROM mz_member WHERE application_id IN (" + ids + ")"));
    assertThat(count("SELECT count(*) FROM mz_application WHERE id IN (" + ids + ") AND process_instance_id IS NULL")).isZero();
    // executions of other cases stay as they were: only the accepted applications started anything
    // (an execution belongs to a case through its process instance, a called stage's too, by the business key)
    assertThat(count("SELECT count(*) FROM act_ru_execution e JOIN act_ru_execution p ON p.id_ = e.proc_inst_id_ "
        + "WHERE p.business_key_ IS NULL OR p.business_key_ NOT IN ("
        + created.stream().map(id -> "'" + id + "'").reduce((a, b) -> a + "," + b).orElse("'-1'") + ")")).isEqualTo(executions);
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  // ------------------------------------------------------------------ generator

  private static final Object[] ODD_VALUES = {null, "", " ", "\u0000", "\t\n", "'; DROP TABLE mz_application; --",
      "<script>alert(1)</script>", "${7*7}", "#{7*7}", "😀😀", "ＡＢＣ", -1, 0, 1, Long.MAX_VALUE, -1e308, 1e308, 3.5, true, false,
      List.of(), List.of(1, 2), Map.of(), Map.of("a", "b"), "420112199001011234", "42011219900101123", "12345678901234567X",
      "9".repeat(40), "名".repeat(300), "x".repeat(5000), "NaN", "-0", "2026-02-30", "dibao", "420112001001", "999999999999"};

  private static final String[] TYPES = {"dibao", "tekun", "linshi", "yanglao", "binzang", "shzz", "unknown", "", "DIBAO"};

  private String payload(Random random) throws Exception {
    int shape = random.nextInt(100);
    if (shape < 4) {
      return notJson(random);
    }
    Map<String, Object> body = valid(random);
    if (shape < 10) {
      return json.writeValueAsString(body);
    }
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      mutate(body, random);
    }
    return json.writeValueAsString(body);
  }

  private static String notJson(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> "";
      case 1 -> "{\"type\":\"dibao\",\"applicant\":{";
      case 2 -> "[1,2,3]";
      case 3 -> "[".repeat(5000);
      case 4 -> "{\"type\":\"dibao\",\"members\":[{\"monthlyIncome\":1" + "0".repeat(2000) + "}]}";
      default -> "null";
    };
  }

  private static Map<String, Object> valid(Random random) {
    String applicant = id(random);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "dibao");
    body.put("regionCode", "420112001001");
    body.put("applicant", new LinkedHashMap<>(Map.of("name", "张小三", "idNumber", applicant, "phone", "13812345678")));
    List<Object> members = new ArrayList<>();
    members.add(member("张小三", applicant, "self", random));
    for (int i = random.nextInt(3); i > 0; i--) {
      members.add(member("李四", id(random), "spouse", random));
    }
    body.put("members", members);
    body.put("bankName", "中国农业银行");
    body.put("bankAccount", "6228480012345678901");
    body.put("reason", "因病致贫");
    body.put("materials", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("kind", "id_card", "description", "身份证", "provided", true)))));
    return body;
  }

  private static Map<String, Object> member(String name, String idNumber, String relation, Random random) {
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("name", name);
    member.put("idNumber", idNumber);
    member.put("relation", relation);
    member.put("coResident", true);
    member.put("monthlyIncome", random.nextInt(2000));
    member.put("workAbility", "none");
    member.put("disability", "none");
    return member;
  }

  /** People of their own on every run (a long-lived test database keeps earlier runs' open applications). */
  private static String id(Random random) {
    return TestIds.random();
  }

  @SuppressWarnings("unchecked")
  private static void mutate(Map<String, Object> body, Random random) {
    // pick a container (the body, the applicant, a member, a material) and one of its keys, or a new key
    List<Map<String, Object>> containers = new ArrayList<>();
    containers.add(body);
    if (body.get("applicant") instanceof Map<?, ?> applicant) {
      containers.add((Map<String, Object>) applicant);
    }
    for (String list : List.of("members", "materials")) {
      if (body.get(list) instanceof List<?> items) {
        items.stream().filter(Map.class::isInstance).forEach(item -> containers.add((Map<String, Object>) item));
      }
    }
    Map<String, Object> target = containers.get(random.nextInt(containers.size()));
    List<String> keys = new ArrayList<>(target.keySet());
    String key = keys.isEmpty() || random.nextInt(10) == 0 ? "extra" + random.nextInt(3) : keys.get(random.nextInt(keys.size()));
    switch (random.nextInt(6)) {
      case 0 -> target.remove(key);
      case 1 -> target.put(key, TYPES[random.nextInt(TYPES.length)]);
      case 2 -> {
        // the same person twice in one household, or a household of many
        if (body.get("members") instanceof List<?> items && !items.isEmpty()) {
          List<Object> copy = new ArrayList<>(items);
          int times = random.nextBoolean() ? 1 : 60;
          for (int t = 0; t < times; t++) {
            copy.add(items.get(0));
          }
          body.put("members", copy);
        }
      }
      default -> target.put(key, mutable(ODD_VALUES[random.nextInt(ODD_VALUES.length)]));
    }
  }

  /** A copy a later mutation may change. */
  private static Object mutable(Object value) {
    if (value instanceof Map<?, ?> map) {
      return new LinkedHashMap<>(map);
    }
    return value instanceof List<?> list ? new ArrayList<>(list) : value;
  }

  private static String abbreviate(String text) {
    return text == null ? "null" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
