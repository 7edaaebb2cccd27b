package cn.minzheng.approvals.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** processes/dibao-standard.dmn on the standalone DMN engine. */
class DibaoStandardDecisionTest {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/dibao-standard.dmn"))) {
      decision = engine.parseDecision("dibao-standard", in);
    }
  }

  private static DmnDecisionTableResult evaluate(String areaType, int year) {
    VariableMap variables = Variables.createVariables().putValue("areaType", areaType).putValue("year", year);
    return engine.evaluateDecisionTable(decision, variables);
  }

  @Test
  void shouldReturn830WhenUrbanIn2020() {
    // given / when
    DmnDecisionTableResult result = evaluate("urban", 2020);

    // then
    assertThat(result).hasSize(1);
    assertThat(((Number) result.getSingleEntry()).doubleValue()).isEqualTo(830.0);
    assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys("standard");
  }

  @Test
  void shouldReturn680WhenRuralIn2020() {
    // given / when
    DmnDecisionTableResult result = evaluate("rural", 2020);

    // then
    assertThat(result).hasSize(1);
    assertThat(((Number) result.getSingleEntry()).doubleValue()).isEqualTo(680.0);
  }

  @Test
  void shouldApplyLatestStandardWhenYearHasNoRowOfItsOwn() {
    // given / when
    DmnDecisionTableResult urban = evaluate("urban", 2026);
    DmnDecisionTableResult rural = evaluate("rural", 2026);

    // then the 2020 standards still apply
    assertThat(((Number) urban.getSingleEntry()).doubleValue()).isEqualTo(830.0);
    assertThat(((Number) rural.getSingleEntry()).doubleValue()).isEqualTo(680.0);
  }

  @Test
  void shouldReturnNoResultWhenYearIsBeforeAnyStandard() {
    // given / when
    DmnDecisionTableResult result = evaluate("urban", 2019);

    // then
    assertThat(result).isEmpty();
    assertThat((Object) result.getSingleEntry()).isNull();
  }

  @Test
  void shouldReturnNoResultWhenAreaTypeIsUnknown() {
    // given / when
    DmnDecisionTableResult result = evaluate("suburban", 2020);

    // then
    assertThat(result).isEmpty();
  }
}
