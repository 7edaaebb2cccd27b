package cn.minzheng.approvals.linshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

/** processes/linshi-approval-level.dmn on the standalone DMN engine: 3 × the monthly urban 低保 standard for the street, 10 × for the district, above that 一事一议. */
class LinshiApprovalLevelDecisionTest {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/linshi-approval-level.dmn"))) {
      decision = engine.parseDecision("linshi-approval-level", in);
    }
  }

  @ParameterizedTest
  @CsvSource({"0, street", "1000, street", "2490, street", "2490.01, district", "5000, district", "8300, district", "8300.01, meeting", "20000, meeting"})
  void shouldChooseTheLevelByTheAmountAgainstThreeTimesTheStandard(double amount, String level) {
    // given / when
    var result = engine.evaluateDecisionTable(decision,
        Variables.createVariables().putValue("amount", amount).putValue("standard", 830.0));
    // then
    assertThat(result).hasSize(1);
    assertThat((String) result.getSingleEntry()).isEqualTo(level);
  }
}
