package cn.minzheng.approvals.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses, at deployment, any model that could run code of its author's choosing inside our JVM:
 * script tasks, scripts in listeners, conditions or input/output mappings, and Java classes named
 * in the model. Delegates are referenced as whitelisted beans instead.
 */
class UnsafeModelParseListener extends AbstractBpmnParseListener {

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    check(processElement, processDefinition.getKey());
  }

  private void check(Element element, String processKey) {
    String tag = element.getTagName();
    String id = element.attribute("id");
    if ("scriptTask".equals(tag)) {
      throw refusal(processKey, id, "含脚本任务（script task）", "contains a script task");
    }
    if ("script".equals(tag)) {
      throw refusal(processKey, id, "含脚本（监听器或输入输出映射中的 camunda:script）", "contains a script (listener or input/output mapping)");
    }
    if ("conditionExpression".equals(tag) && element.attribute("language") != null) {
      throw refusal(processKey, id, "含脚本条件（conditionExpression language）", "contains a script condition");
    }
    for (String attribute : element.attributes()) {
      // namespaced attributes are keyed "<namespace uri>:<local name>"
      String local = attribute.substring(attribute.lastIndexOf(':') + 1);
      String value = element.attribute(attribute);
      if ("class".equals(local) && value != null && !value.isBlank()) {
        throw refusal(processKey, id, "直接引用 Java 类（camunda:class），请改用白名单中的委托 Bean",
            "names a Java class (camunda:class); use a whitelisted delegate bean");
      }
    }
    for (Element child : element.elements()) {
      check(child, processKey);
    }
  }

  private static ProcessEngineException refusal(String processKey, String elementId, String zh, String en) {
    String where = elementId == null ? processKey : processKey + " / " + elementId;
    return new ProcessEngineException("模型 " + where + " " + zh + "，出于安全原因不允许部署。 / Model "
        + where + " " + en + " and is refused for security reasons.");
  }
}
