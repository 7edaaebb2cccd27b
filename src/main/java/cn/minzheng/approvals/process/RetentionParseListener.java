package cn.minzheng.approvals.process;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Gives each process definition as it is deployed the history time-to-live configured for its key. */
class RetentionParseListener extends AbstractBpmnParseListener {

  private final RetentionProperties retention;

  RetentionParseListener(RetentionProperties retention) {
    this.retention = retention;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    processDefinition.setHistoryTimeToLive(retention.daysOf(processDefinition.getKey()));
  }
}
