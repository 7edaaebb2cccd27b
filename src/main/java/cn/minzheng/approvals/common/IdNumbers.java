package cn.minzheng.approvals.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/** 居民身份证号码 (GB 11643): format, birth date and check character; and masking for display. */
public final class IdNumbers {

  private static final Pattern FORMAT = Pattern.compile("\\d{17}[\\dX]");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARS = "10X98765432";

  private IdNumbers() {
  }

  /** Empty when valid, else the message key of what is wrong. Lower-case x is not accepted. */
  public static Optional<String> problem(String id, LocalDate today) {
    if (id == null || !FORMAT.matcher(id).matches()) {
      return Optional.of("validation.id-number.format");
    }
    LocalDate birth;
    try {
      birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
          Integer.parseInt(id.substring(12, 14)));
    } catch (DateTimeException e) {
      return Optional.of("validation.id-number.date");
    }
    if (birth.isAfter(today)) {
      return Optional.of("validation.id-number.future");
    }
    if (birth.getYear() < 1850) {
      return Optional.of("validation.id-number.date");
    }
    if (checkChar(id) != id.charAt(17)) {
      return Optional.of("validation.id-number.checksum");
    }
    return Optional.empty();
  }

  /** The check character for the first 17 digits. */
  public static char checkChar(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARS.charAt(sum % 11);
  }

  public static LocalDate birthDate(String id) {
    return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
        Integer.parseInt(id.substring(12, 14)));
  }

  /** 420112********123X: region digits and the last four stay, the birth date and order code go. */
  public static String mask(String id) {
    if (id == null || id.length() < 10) {
      return id == null ? null : "*".repeat(id.length());
    }
    return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
  }
}
