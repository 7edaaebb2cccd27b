package cn.minzheng.approvals.admin.check;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one definition of what in a model could run code of its author's choosing inside our JVM:
 * script tasks, scripts (in listeners, input/output mappings or as external resources), script
 * conditions, Java classes named in the model, and DMN expressions in a script language. Used by
 * {@link ModelChecker} on every deployment and by the engine's parse listener as a second line.
 */
public final class UnsafeConstructs {

  /** What was found: its rule and why it is refused. */
  public record Found(String rule, String message, String messageEn) {
  }

  private UnsafeConstructs() {
  }

  /**
   * @param tag the element's local name
   * @param attributes the element's attributes by local name (namespace dropped)
   */
  public static Optional<Found> in(String tag, Map<String, String> attributes) {
    if ("scriptTask".equals(tag)) {
      return found(ModelRules.SCRIPT_TASK, "含脚本任务（script task），出于安全原因不允许部署",
          "contains a script task and is refused for security reasons");
    }
    if ("script".equals(tag)) {
      return found(ModelRules.SCRIPT, "含脚本（监听器、输入输出映射中的 camunda:script 或外部脚本资源），出于安全原因不允许部署",
          "contains a script (listener, input/output mapping or external script resource) and is refused for security reasons");
    }
    if ("conditionExpression".equals(tag) && present(attributes.get("language"))) {
      return found(ModelRules.SCRIPT_CONDITION, "含脚本条件（conditionExpression language），出于安全原因不允许部署",
          "contains a script condition (conditionExpression language) and is refused for security reasons");
    }
    if (present(attributes.get("class"))) {
      return found(ModelRules.JAVA_CLASS, "直接引用 Java 类（camunda:class），请改用白名单中的委托 Bean",
          "names a Java class (camunda:class); use a whitelisted delegate bean");
    }
    String language = attributes.get("expressionLanguage");
    if (present(language) && !isFeelOrJuel(language)) {
      return found(ModelRules.SCRIPT, "决策表使用脚本语言 " + language + "，只允许 FEEL 或 JUEL",
          "uses the script language " + language + " in a decision; only FEEL or JUEL are allowed");
    }
    return Optional.empty();
  }

  private static boolean isFeelOrJuel(String language) {
    String lower = language.toLowerCase(Locale.ROOT);
    return lower.equals("juel") || lower.contains("feel");
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static Optional<Found> found(String rule, String zh, String en) {
    return Optional.of(new Found(rule, zh, en));
  }
}
