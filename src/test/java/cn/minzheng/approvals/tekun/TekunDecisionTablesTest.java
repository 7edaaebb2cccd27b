package cn.minzheng.approvals.tekun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/tekun-standard.dmn and tekun-self-care.dmn on the standalone DMN engine. */
class TekunDecisionTablesTest {

  static DmnEngine dmn;
  static DmnDecision standard;
  static DmnDecision selfCare;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/tekun-standard.dmn"))) {
      standard = dmn.parseDecision(TekunProcess.DECISION_STANDARD, in);
    }
    try (InputStream in = Files.newInputStream(Path.of("processes/tekun-self-care.dmn"))) {
      selfCare = dmn.parseDecision(TekunProcess.DECISION_SELF_CARE, in);
    }
  }

  @ParameterizedTest
  @CsvSource({"urban, 2020, 1660", "rural, 2020, 1280", "urban, 2026, 1660", "rural, 2026, 1280"})
  void shouldGiveTheDongxihuStandard(String areaType, int year, double expected) {
    Object value = dmn.evaluateDecisionTable(standard,
        Variables.createVariables().putValue("areaType", areaType).putValue("year", year)).getSingleResult().getSingleEntry();
    assertThat(((Number) value).doubleValue()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0, 自理", "1, 部分失能", "3, 部分失能", "4, 完全失能", "6, 完全失能"})
  void shouldGradeSelfCareByFailedItems(int failed, String expected) {
    Object value = dmn.evaluateDecisionTable(selfCare, Variables.createVariables().putValue("failedItems", failed))
        .getSingleResult().getSingleEntry();
    assertThat(value).isEqualTo(expected);
  }
}
