package cn.minzheng.approvals.shzz;

import java.util.regex.Pattern;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over the alphabet 0-9A-HJ-NPQRTUWXY (no I, O, Z, S,
 * V). Char 1 the registering authority (5 = 民政), char 2 the kind (1 社会团体, 2 民办非企业单位, 3 基金会,
 * 9 other), chars 3–8 the registering organ's region code, chars 9–17 the organisation's code (GB
 * 11714: 8 body characters and its own check character), char 18 the check character: weights
 * 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 (3^i mod 31) over the alphabet values, check value
 * (31 − Σ mod 31) mod 31.
 */
public final class UnifiedCreditCodes {

  public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final Pattern SHAPE = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$");
  /** GB 11714 weights of the organisation code's 8 body characters. */
  private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  /** 登记管理机关类别: 民政. */
  public static final char AUTHORITY_CIVIL_AFFAIRS = '5';
  public static final char KIND_SOCIAL_GROUP = '1';
  public static final char KIND_PRIVATE_NON_ENTERPRISE = '2';
  public static final char KIND_FOUNDATION = '3';

  private UnifiedCreditCodes() {
  }

  /** Whether the code has the shape of GB 32100 and a correct check character. */
  public static boolean isValid(String code) {
    return code != null && SHAPE.matcher(code).matches() && checkCharacter(code.substring(0, 17)) == code.charAt(17);
  }

  /** The check character of the first 17 characters. */
  public static char checkCharacter(String first17) {
    if (first17 == null || first17.length() != 17) {
      throw new IllegalArgumentException("17 characters expected");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("character '" + first17.charAt(i) + "' is not in the GB 32100 alphabet");
      }
      sum += value * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }

  /** GB 11714 check character of an organisation code's 8 body characters (digits and capital letters). */
  static char organisationCheck(String body8) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      char c = body8.charAt(i);
      int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      sum += value * ORG_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
  }

  /**
   * The code of an organisation registered by a civil-affairs organ: 5, the kind, the organ's region
   * code, the organisation code {@code MJ} + 6 digits of {@code serial} with its GB 11714 check, and
   * the GB 32100 check character.
   */
  public static String civilAffairs(char kind, String regionCode6, long serial) {
    if (regionCode6 == null || !regionCode6.matches("\\d{6}")) {
      throw new IllegalArgumentException("six-digit region code expected");
    }
    if (serial < 0 || serial > 999_999) {
      throw new IllegalArgumentException("serial out of range: " + serial);
    }
    String body = "MJ" + String.format("%06d", serial);
    String first17 = "" + AUTHORITY_CIVIL_AFFAIRS + kind + regionCode6 + body + organisationCheck(body);
    return first17 + checkCharacter(first17);
  }
}
