package cn.minzheng.approvals.admin.check;

import java.util.Locale;

/** A file of a deployment: its name (which says its kind) and its bytes. */
public record ModelResource(String name, byte[] bytes) {

  public enum Kind { BPMN, DMN, FORM, OTHER }

  public Kind kind() {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
      return Kind.BPMN;
    }
    if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
      return Kind.DMN;
    }
    if (lower.endsWith(".form")) {
      return Kind.FORM;
    }
    return Kind.OTHER;
  }
}
