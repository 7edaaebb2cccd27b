package cn.minzheng.approvals.shzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedCreditCodesTest {

  @Test
  void shouldAcceptTheExampleOfTheStandardComputedByHand() {
    // given: GB 32100-2015's own example 91350100M000100Y43, by hand over the alphabet values
    //   9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M(21)·20 + 0·29 + 0·25 + 0·13 + 1·8 + 0·24 + 0·10
    //   + Y(30)·30 + 4·28 = 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3
    String code = "91350100M000100Y43";
    // when / then
    assertThat(UnifiedCreditCodes.checkCharacter(code.substring(0, 17))).isEqualTo('3');
    assertThat(UnifiedCreditCodes.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"9144030071526726XG", "91330100716105852F", "91110000802100433B", "51420112MJ0000018R"})
  void shouldAcceptPublishedCodes(String code) {
    assertThat(UnifiedCreditCodes.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"91350100M000100Y44", "9144030071526726XH", "51420112MJ0000018S"})
  void shouldRefuseAWrongCheckCharacter(String code) {
    assertThat(UnifiedCreditCodes.isValid(code)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"91350100I000100Y43", "91350100O000100Y43", "91350100Z000100Y43", "91350100S000100Y43",
      "91350100V000100Y43", "91350100m000100Y43"})
  void shouldRefuseCharactersOutsideTheAlphabet(String code) {
    assertThat(UnifiedCreditCodes.isValid(code)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433", "913501A0M000100Y43"})
  void shouldRefuseTheWrongShape(String code) {
    // too short, too long, a letter in the region code
    assertThat(UnifiedCreditCodes.isValid(code)).isFalse();
    assertThat(UnifiedCreditCodes.isValid(null)).isFalse();
  }

  @Test
  void shouldGenerateValidCivilAffairsCodesWithTheKindAndTheOrgansRegion() {
    // when
    String group = UnifiedCreditCodes.civilAffairs(UnifiedCreditCodes.KIND_SOCIAL_GROUP, "420112", 1);
    String unit = UnifiedCreditCodes.civilAffairs(UnifiedCreditCodes.KIND_PRIVATE_NON_ENTERPRISE, "420112", 42);
    // then
    assertThat(group).isEqualTo("51420112MJ0000018R").startsWith("51420112");
    assertThat(unit).startsWith("52420112MJ000042");
    assertThat(UnifiedCreditCodes.isValid(unit)).isTrue();
  }

  @Test
  void shouldGenerateDistinctValidCodesForDistinctSerials() {
    Set<String> codes = new HashSet<>();
    for (long serial = 0; serial < 2000; serial++) {
      String code = UnifiedCreditCodes.civilAffairs(UnifiedCreditCodes.KIND_PRIVATE_NON_ENTERPRISE, "420112", serial);
      assertThat(UnifiedCreditCodes.isValid(code)).as(code).isTrue();
      codes.add(code);
    }
    assertThat(codes).hasSize(2000);
  }

  @Test
  void shouldRefuseAWrongPrefixWhenItBreaksTheCheck() {
    // a valid 民政 code with its kind changed from 1 (社会团体) to 2 no longer checks
    String valid = UnifiedCreditCodes.civilAffairs(UnifiedCreditCodes.KIND_SOCIAL_GROUP, "420112", 7);
    String otherKind = "52" + valid.substring(2);
    assertThat(UnifiedCreditCodes.isValid(otherKind)).isFalse();
    assertThatThrownBy(() -> UnifiedCreditCodes.civilAffairs('1', "4201", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnifiedCreditCodes.checkCharacter("I1350100M000100Y4")).isInstanceOf(IllegalArgumentException.class);
  }
}
