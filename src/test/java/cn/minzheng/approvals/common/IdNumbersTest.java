package cn.minzheng.approvals.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumbersTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  @Test
  void shouldAcceptWhenNumberIsTheStandardExampleWithCheckCharX() {
    // given the GB 11643 example number, whose check character is X
    String id = "11010519491231002X";

    // when
    var problem = IdNumbers.problem(id, TODAY);

    // then
    assertThat(problem).isEmpty();
  }

  @Test
  void shouldAcceptWhenCheckDigitIsComputedByHand() {
    // given 42011219900307123 + check digit: weighted sum 216, 216 mod 11 = 7, "10X98765432"[7] = '5'
    String id = "420112199003071235";

    // when
    var problem = IdNumbers.problem(id, TODAY);

    // then
    assertThat(problem).isEmpty();
  }

  @Test
  void shouldAcceptWhenBirthDateIsALeapDay() {
    // given 2000-02-29 (a leap day); check character computed by hand: sum mod 11 = 2 → 'X'
    String id = "42011220000229001X";

    // when
    var problem = IdNumbers.problem(id, TODAY);

    // then
    assertThat(problem).isEmpty();
  }

  @Test
  void shouldAcceptWhenBornToday() {
    // given a person born on "today" (birth date not after today is allowed)
    String first17 = "42011220261124001";
    String id = first17 + IdNumbers.checkChar(first17);

    // when
    var problem = IdNumbers.problem(id, TODAY);

    // then
    assertThat(problem).isEmpty();
  }

  @Test
  void shouldReportChecksumWhenCheckCharacterIsWrong() {
    // given the valid example with its last character changed
    String id = "110105194912310021";

    // when
    var problem = IdNumbers.problem(id, TODAY);

    // then
    assertThat(problem).contains("validation.id-number.checksum");
  }

  @Test
  void shouldReportChecksumWhenOneDigitIsChanged() {
    // given the hand-computed valid number with one digit of the order code changed
    String id = "420112199003071335";

    // when
    var problem = IdNumbers.problem(id, TODAY);

    // then
    assertThat(problem).contains("validation.id-number.checksum");
  }

  @Test
  void shouldReportDateWhenMonthIsThirteen() {
    // given month 13 (with a check character that would otherwise fit)
    String first17 = "11010519491331002";
    String id = first17 + IdNumbers.checkChar(first17);

    // when
    var problem = IdNumbers.problem(id, TODAY);

    // then
    assertThat(problem).contains("validation.id-number.date");
  }

  @Test
  void shouldReportDateWhenDayIsFebruaryThirtieth() {
    // given 1990-02-30
    String first17 = "42011219900230123";
    String id = first17 + IdNumbers.checkChar(first17);

    // when
    var problem = IdNumbers.problem(id, TODAY);

    // then
    assertThat(problem).contains("validation.id-number.date");
  }

  @Test
  void shouldReportDateWhenFebruaryTwentyNinthInNonLeapYear() {
    // given 2023-02-29 (2023 is not a leap year)
    String first17 = "42011220230229123";
    String id = first17 + IdNumbers.checkChar(first17);

    // when
    var problem = IdNumbers.problem(id, TODAY);

    // then
    assertThat(problem).contains("validation.id-number.date");
  }

  @Test
  void shouldReportDateWhenYearIsImplausiblyEarly() {
    // given a birth year 1800
    String first17 = "42011218000101123";
    String id = first17 + IdNumbers.checkChar(first17);

    // when
    var problem = IdNumbers.problem(id, TODAY);

    // then
    assertThat(problem).contains("validation.id-number.date");
  }

  @Test
  void shouldReportFutureWhenBirthDateIsAfterToday() {
    // given a birth date one day after the fixed today, with a correct check character
    String first17 = "42011220261125123";
    String id = first17 + IdNumbers.checkChar(first17);

    // when
    var problem = IdNumbers.problem(id, TODAY);

    // then
    assertThat(problem).contains("validation.id-number.future");
  }

  @Test
  void shouldAcceptSameNumberWhenTodayIsLater() {
    // given the number that was "future" above, checked one day later
    String first17 = "42011220261125123";
    String id = first17 + IdNumbers.checkChar(first17);

    // when
    var problem = IdNumbers.problem(id, TODAY.plusDays(1));

    // then
    assertThat(problem).isEmpty();
  }

  @Test
  void shouldReportFormatWhenCheckCharacterIsLowerCaseX() {
    // given the valid example with a lower-case x
    String id = "11010519491231002x";

    // when
    var problem = IdNumbers.problem(id, TODAY);

    // then
    assertThat(problem).contains("validation.id-number.format");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {
      "",
      "11010519491231002",     // 17 characters
      "11010519491231002X0",   // 19 characters
      "110105194912310",       // 15 (first-generation number)
      "1101051949123100X2",    // X not last
      "A1010519491231002X",    // letter
      "110105 9491231002X",    // space
      "１１０１０５１９４９１２３１００２X" // full-width digits
  })
  void shouldReportFormatWhenLengthOrCharactersAreWrong(String id) {
    // given a malformed number (or null)

    // when
    var problem = IdNumbers.problem(id, TODAY);

    // then
    assertThat(problem).contains("validation.id-number.format");
  }

  @Test
  void shouldMaskBirthDateAndOrderCodeWhenMasking() {
    // given
    String id = "11010519491231002X";

    // when
    String masked = IdNumbers.mask(id);

    // then the region (6) and the last four stay, 8 stars in between
    assertThat(masked).isEqualTo("110105********002X");
  }

  @Test
  void shouldMaskEverythingWhenNumberIsTooShort() {
    // given short and null inputs

    // when / then
    assertThat(IdNumbers.mask("12345")).isEqualTo("*****");
    assertThat(IdNumbers.mask(null)).isNull();
  }

  @Test
  void shouldComputeCheckCharWhenGivenFirstSeventeenDigits() {
    // given / when / then: the four residues that matter most (X, 0, 1 and an ordinary digit)
    assertThat(IdNumbers.checkChar("11010519491231002")).isEqualTo('X');
    assertThat(IdNumbers.checkChar("11010519491231001")).isEqualTo('1');
    assertThat(IdNumbers.checkChar("42011219900307123")).isEqualTo('5');
    assertThat(IdNumbers.checkChar("00000000000000000")).isEqualTo('1');
  }

  @Test
  void shouldIgnoreEighteenthCharacterWhenComputingCheckChar() {
    // given a full 18-character number

    // when
    char check = IdNumbers.checkChar("11010519491231002X");

    // then only the first 17 count
    assertThat(check).isEqualTo('X');
  }

  @Test
  void shouldReadBirthDateWhenNumberIsValid() {
    // given / when
    LocalDate birth = IdNumbers.birthDate("11010519491231002X");

    // then
    assertThat(birth).isEqualTo(LocalDate.of(1949, 12, 31));
  }
}
