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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/yanglao-ability-grade.dmn: GB/T 42195-2022 total score → grade (boundary scores of each band), and whether a
 * nursing bed is needed; the domain maxima the assessment form and its check use add up to the standard's 90.
 */
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
      "89, 能力轻度受损（轻度失能）, false",
      "66, 能力轻度受损（轻度失能）, false",
      "65, 能力中度受损（中度失能）, true",
      "46, 能力中度受损（中度失能）, true",
      "45, 能力重度受损（重度失能）, true",
      "30, 能力重度受损（重度失能）, true",
      "29, 能力完全丧失（完全失能）, true",
      "0, 能力完全丧失（完全失能）, true"})
  void shouldGradeByTotalScore(int total, String grade, boolean nursing) {
    DmnDecisionRuleResult result = dmn.evaluateDecisionTable(decision,
        Variables.createVariables().putValue("totalScore", total)).getSingleResult();
    assertThat((String) result.getEntry("grade")).isEqualTo(grade);
    assertThat((Boolean) result.getEntry("nursing")).isEqualTo(nursing);
  }

  @Test
  void shouldUseTheStandardsDomainMaximaWhoseTotalIsTheTopGrade() {
    assertThat(YanglaoProcess.DOMAIN_MAX).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
        YanglaoProcess.VAR_SELF_CARE, 32, YanglaoProcess.VAR_MOBILITY, 16, YanglaoProcess.VAR_MENTAL, 30,
        YanglaoProcess.VAR_PERCEPTION, 12));
    int top = YanglaoProcess.DOMAIN_MAX.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(top).isEqualTo(90);
    DmnDecisionRuleResult result = dmn.evaluateDecisionTable(decision,
        Variables.createVariables().putValue("totalScore", top)).getSingleResult();
    assertThat((String) result.getEntry("grade")).isEqualTo("能力完好");
  }
}
