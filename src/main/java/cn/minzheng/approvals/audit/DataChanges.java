package cn.minzheng.approvals.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import cn.minzheng.approvals.common.IdNumbers;

/**
 * Field-by-field differences between two versions of a case's data, as the history keeps them:
 * every ID number inside a value is masked, so a diff never holds one in clear.
 */
public final class DataChanges {

  private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");

  private DataChanges() {
  }

  /** One changed field: the value before and after (null when absent), ID numbers masked. */
  public record Change(String field, String old, String value) {
  }

  /** The fields whose value differs, in the order of the old then the new keys. */
  public static List<Change> between(Map<String, ?> before, Map<String, ?> after) {
    Set<String> keys = new LinkedHashSet<>(before.keySet());
    keys.addAll(after.keySet());
    List<Change> changes = new ArrayList<>();
    for (String key : keys) {
      String old = text(before.get(key));
      String value = text(after.get(key));
      if (!Objects.equals(old, value)) {
        changes.add(new Change(key, old, value));
      }
    }
    return changes;
  }

  /** The changes as the history's detail: {@code changes: [{field, old, new}]}. */
  public static List<Map<String, Object>> asDetail(List<Change> changes) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Change change : changes) {
      Map<String, Object> entry = new java.util.LinkedHashMap<>();
      entry.put("field", change.field());
      entry.put("old", change.old());
      entry.put("new", change.value());
      list.add(entry);
    }
    return list;
  }

  /** A value as text with every ID number in it masked; null stays null. */
  public static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString();
    var matcher = ID_NUMBER.matcher(text);
    StringBuilder masked = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(masked, java.util.regex.Matcher.quoteReplacement(IdNumbers.mask(matcher.group())));
    }
    matcher.appendTail(masked);
    return masked.toString();
  }
}
