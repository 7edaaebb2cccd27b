package cn.minzheng.approvals.yanglao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/yanglao-ability-grade.dmn: GB/T 42195-2022 total score → grade, and whether a nursing bed is needed. */
class YanglaoAbilityGradeDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/yanglao-ability-grade.dmn"))) {
      decision = dmn.parseDecision(YanglaoProcess.DECISION_GRADE, in);
    }
  }

  @ParameterizedTest
  @CsvSource({
      "90, 能力完好, false",
      "89, 轻度失能, false",
      "66, 轻度失能, false",
      "65, 中度失能, true",
      "46, 中度失能, true",
      "45, 重度失能, true",
      "30, 重度失能, true",
      "29, 能力完全丧失, true",
      "0, 能力完全丧失, true"})
  void shouldGradeByTotalScore(int total, String grade, boolean nursing) {
    DmnDecisionRuleResult result = dmn.evaluateDecisionTable(decision,
        Variables.createVariables().putValue("totalScore", total)).getSingleResult();
    assertThat((String) result.getEntry("grade")).isEqualTo(grade);
    assertThat((Boolean) result.getEntry("nursing")).isEqualTo(nursing);
  }
}
