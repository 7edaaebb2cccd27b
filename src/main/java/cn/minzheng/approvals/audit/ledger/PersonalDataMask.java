package cn.minzheng.approvals.audit.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import cn.minzheng.approvals.common.IdNumbers;
import cn.minzheng.approvals.common.Masking;

/**
 * Keeps personal data out of ledger rows, which are kept for ever: ID numbers, phone numbers and bank
 * accounts are masked wherever they appear (by key and by shape, so free text such as an opinion is
 * covered too), incomes are dropped.
 */
final class PersonalDataMask {

  static final String WITHHELD = "***";

  private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
  private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");
  private static final Pattern ACCOUNT = Pattern.compile("(?<![0-9A-Za-z])\\d{12,19}(?![0-9A-Za-z])");

  private PersonalDataMask() {
  }

  static Map<String, Object> map(Map<String, ?> detail) {
    Map<String, Object> masked = new LinkedHashMap<>();
    detail.forEach((key, value) -> masked.put(key, value(key, value)));
    return masked;
  }

  /** Free text: every ID number, phone number and account-like digit run masked. */
  static String text(String text) {
    if (text == null) {
      return null;
    }
    String out = ID_NUMBER.matcher(text).replaceAll(m -> IdNumbers.mask(m.group()));
    out = PHONE.matcher(out).replaceAll(m -> Masking.phone(m.group()));
    return ACCOUNT.matcher(out).replaceAll(m -> Masking.account(m.group()));
  }

  @SuppressWarnings("unchecked")
  private static Object value(String key, Object value) {
    String k = key == null ? "" : key.toLowerCase(Locale.ROOT);
    if (value == null) {
      return null;
    }
    if (k.contains("income")) {
      return WITHHELD;
    }
    if (value instanceof Map<?, ?> nested) {
      return map((Map<String, ?>) nested);
    }
    if (value instanceof Collection<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(item -> out.add(value(key, item)));
      return out;
    }
    if (value instanceof CharSequence || value instanceof Number) {
      String s = value.toString();
      if (k.contains("idnumber") || k.equals("id_number")) {
        return IdNumbers.mask(s);
      }
      if (k.contains("account")) {
        return Masking.account(s);
      }
      if (k.contains("phone") || k.contains("contact")) {
        return Masking.phone(s);
      }
      return value instanceof CharSequence ? text(s) : value;
    }
    return value;
  }
}
