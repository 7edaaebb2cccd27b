package cn.minzheng.approvals.binzang;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/binzang-fee-waiver.dmn and binzang-eco-award.dmn on the standalone DMN engine. */
class BinzangDecisionTest {

  private static DmnEngine engine;
  private static DmnDecision feeWaiver;
  private static DmnDecision ecoAward;

  @BeforeAll
  static void parse() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/binzang-fee-waiver.dmn"))) {
      feeWaiver = engine.parseDecision("binzang-fee-waiver", in);
    }
    try (InputStream in = Files.newInputStream(Path.of("processes/binzang-eco-award.dmn"))) {
      ecoAward = engine.parseDecision("binzang-eco-award", in);
    }
  }

  @Test
  void shouldWaiveTheFourBasicItemsForEveryLocalResident() {
    var result = engine.evaluateDecisionTable(feeWaiver, Variables.createVariables().putValue("lowIncome", false));
    assertThat(result.collectEntries("item")).containsExactly("遗体接运", "遗体冷藏（3天）", "遗体火化", "骨灰寄存（1年）");
    assertThat(result.<Number>collectEntries("amount").stream().mapToDouble(Number::doubleValue).sum()).isEqualTo(1140.0);
  }

  @Test
  void shouldWaiveMoreForLowIncomeFamilies() {
    var result = engine.evaluateDecisionTable(feeWaiver, Variables.createVariables().putValue("lowIncome", true));
    assertThat(result).hasSize(6);
    assertThat(result.<Number>collectEntries("amount").stream().mapToDouble(Number::doubleValue).sum()).isEqualTo(1640.0);
  }

  @ParameterizedTest
  @CsvSource({"columbarium, 0, true, 500", "wall, 0.5, true, 500", "tree, 1, true, 500", "lawn, 0.9, true, 500",
      "deep, 0, true, 500", "tree, 1.2, false, 0", "other, 0.5, false, 0"})
  void shouldAwardQualifyingBurialsOnly(String burialType, double plotArea, boolean qualifies, double award) {
    var result = engine.evaluateDecisionTable(ecoAward,
        Variables.createVariables().putValue("burialType", burialType).putValue("plotArea", plotArea));
    assertThat(result.getSingleResult().<Boolean>getEntry("qualifies")).isEqualTo(qualifies);
    assertThat(result.getSingleResult().<Number>getEntry("award").doubleValue()).isEqualTo(award);
    assertThat(result.getSingleResult().<Number>getEntry("feeWaiver").doubleValue()).isEqualTo(qualifies ? 340.0 : 0.0);
  }
}
