package cn.minzheng.approvals.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

  @ParameterizedTest
  @CsvSource({
      "张三, 张*",
      "张小三, 张*三",
      "欧阳小明, 欧**明",
      "李, *",
      "阿卜杜热合曼, 阿****曼"
  })
  void shouldKeepFirstAndLastCharacterWhenMaskingName(String name, String expected) {
    // given a name

    // when
    String masked = Masking.name(name);

    // then
    assertThat(masked).isEqualTo(expected);
  }

  @Test
  void shouldCountCodePointsWhenNameHasSupplementaryCharacters() {
    // given a name with a CJK Extension B character (a surrogate pair in UTF-16)
    String name = "𠀀小明";

    // when
    String masked = Masking.name(name);

    // then the pair is kept whole, not split into broken halves
    assertThat(masked).isEqualTo("𠀀*明");
  }

  @Test
  void shouldLeaveNameAloneWhenNullOrBlank() {
    // given / when / then
    assertThat(Masking.name(null)).isNull();
    assertThat(Masking.name("")).isEmpty();
    assertThat(Masking.name("  ")).isEqualTo("  ");
  }

  @Test
  void shouldKeepFirstThreeAndLastFourWhenMaskingMobilePhone() {
    // given
    String phone = "13812345678";

    // when
    String masked = Masking.phone(phone);

    // then
    assertThat(masked).isEqualTo("138****5678");
  }

  @Test
  void shouldMaskWholePhoneWhenTooShort() {
    // given / when / then
    assertThat(Masking.phone("123456")).isEqualTo("******");
    assertThat(Masking.phone(null)).isNull();
  }

  @Test
  void shouldKeepOnlyLastFourDigitsWhenMaskingAccount() {
    // given a 19-digit bank card number
    String account = "6222021234567890123";

    // when
    String masked = Masking.account(account);

    // then
    assertThat(masked).isEqualTo("***************0123");
    assertThat(masked).hasSize(account.length());
  }

  @Test
  void shouldMaskWholeAccountWhenFourCharactersOrFewer() {
    // given / when / then
    assertThat(Masking.account("1234")).isEqualTo("****");
    assertThat(Masking.account(null)).isNull();
  }
}
