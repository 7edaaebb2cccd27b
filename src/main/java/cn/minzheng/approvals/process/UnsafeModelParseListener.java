package cn.minzheng.approvals.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

import cn.minzheng.approvals.admin.check.UnsafeConstructs;

/**
 * A second line behind the model checks' pre-deployer: refuses, while the engine parses a model, any
 * construct that could run code of its author's choosing inside our JVM. What counts as such is
 * defined once, in {@link UnsafeConstructs}.
 */
class UnsafeModelParseListener extends AbstractBpmnParseListener {

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    check(processElement, processDefinition.getKey());
  }

  private void check(Element element, String processKey) {
    Map<String, String> attributes = new HashMap<>();
    for (String attribute : element.attributes()) {
      // namespaced attributes are keyed "<namespace uri>:<local name>"
      attributes.merge(attribute.substring(attribute.lastIndexOf(':') + 1), element.attribute(attribute),
          (a, b) -> a == null || a.isBlank() ? b : a);
    }
    UnsafeConstructs.in(element.getTagName(), attributes).ifPresent(found -> {
      throw refusal(processKey, element.attribute("id"), found);
    });
    for (Element child : element.elements()) {
      check(child, processKey);
    }
  }

  private static ProcessEngineException refusal(String processKey, String elementId, UnsafeConstructs.Found found) {
    String where = elementId == null ? processKey : processKey + " / " + elementId;
    return new ProcessEngineException("模型 " + where + " " + found.message() + "。 / Model " + where + " "
        + found.messageEn() + ".");
  }
}
