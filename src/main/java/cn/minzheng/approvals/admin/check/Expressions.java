package cn.minzheng.approvals.admin.check;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * The expression rule: a model's {@code ${…}} and {@code #{…}} parse, name only whitelisted beans and
 * known variables, and reach neither Java reflection nor the engine's services. Parsed with the
 * engine's own JUEL parser (method invocations on, as the engine has them).
 */
final class Expressions {

  private static final Builder JUEL = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
  /** What the engine itself puts in scope of an expression. */
  private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "authenticatedUserId");
  /** Members that lead from any object to reflection, class loading or the engine's services. */
  private static final Pattern REFLECTION = Pattern.compile(
      "(\\.\\s*|\\[\\s*['\"])(getClass|class|forName|getRuntime|runtime|exec|invoke|newInstance|getMethods?|getDeclared\\w*"
          + "|getClassLoader|classLoader|getProcessEngine\\w*|processEngine\\w*|getBpmnModel\\w*|bpmnModel\\w*"
          + "|getModelInstance|modelInstance)\\b");

  private final Set<String> beans;
  private final Set<String> variables;

  Expressions(Set<String> beans, Set<String> variables) {
    this.beans = beans;
    this.variables = variables;
  }

  static boolean contains(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /**
   * @param text the attribute value or element text holding the expression(s)
   * @param attribute the attribute's local name, null for element text
   */
  void check(String text, String attribute, String elementId, List<ModelProblem> problems) {
    Tree tree;
    try {
      tree = JUEL.build(text);
    } catch (TreeBuilderException e) {
      problems.add(new ModelProblem(elementId, ModelRules.EXPRESSION_SYNTAX,
          "表达式 " + text + " 无法解析：" + e.getMessage(), "the expression " + text + " does not parse: " + e.getMessage()));
      return;
    }
    Matcher reflection = REFLECTION.matcher(text);
    if (reflection.find()) {
      problems.add(new ModelProblem(elementId, ModelRules.EXPRESSION_REFLECTION,
          "表达式 " + text + " 使用了 " + reflection.group(2) + "，不允许访问 Java 反射或流程引擎内部",
          "the expression " + text + " uses " + reflection.group(2) + "; Java reflection and the engine's internals are out of reach"));
    }
    boolean delegate = "delegateExpression".equals(attribute);
    for (IdentifierNode identifier : tree.getIdentifierNodes()) {
      String name = identifier.getName();
      if (beans.contains(name) || !delegate && (ENGINE_OBJECTS.contains(name) || variables.contains(name))) {
        continue;
      }
      if (delegate || usedAsObject(text, name)) {
        problems.add(new ModelProblem(elementId, ModelRules.EXPRESSION_BEAN,
            "表达式 " + text + " 引用了不在白名单中的 Bean「" + name + "」",
            "the expression " + text + " names the bean '" + name + "', which is not whitelisted"));
      } else {
        problems.add(new ModelProblem(elementId, ModelRules.EXPRESSION_VARIABLE,
            "表达式 " + text + " 使用了未知变量「" + name + "」",
            "the expression " + text + " uses the unknown variable '" + name + "'"));
      }
    }
  }

  /** "name.x", "name(", "name[": the name stands for an object (a bean), not a plain value. */
  private static boolean usedAsObject(String text, String name) {
    return Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "\\s*[.(\\[]").matcher(text).find();
  }
}
