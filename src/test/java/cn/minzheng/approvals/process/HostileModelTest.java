package cn.minzheng.approvals.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.approvals.support.IntegrationTest;

/** Models that would run code of their author's choosing, or reach beans outside the whitelist, are refused. */
@IntegrationTest
class HostileModelTest {

  @Autowired RepositoryService repository;

  @Test
  void shouldRefuseAModelWithAScriptTask() {
    // given
    BpmnModelInstance model = Bpmn.createExecutableProcess("hostile_script_task").camundaHistoryTimeToLive(1)
        .startEvent().scriptTask("Task_Evil").scriptFormat("javascript").scriptText("java.lang.Runtime.getRuntime().exec('id')")
        .endEvent().done();
    // when / then
    assertThatThrownBy(() -> deploy(model))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Task_Evil").hasMessageContaining("脚本任务").hasMessageContaining("script task");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("hostile_script_task").count()).isZero();
  }

  @Test
  void shouldRefuseAModelWithAScriptListener() {
    // given
    BpmnModelInstance model = Bpmn.createExecutableProcess("hostile_script_listener").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Innocent").endEvent().done();
    var listener = model.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener.class);
    listener.setCamundaEvent("start");
    var script = model.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript.class);
    script.setCamundaScriptFormat("groovy");
    script.setTextContent("'id'.execute()");
    listener.setCamundaScript(script);
    model.<org.camunda.bpm.model.bpmn.instance.UserTask>getModelElementById("Task_Innocent").builder()
        .addExtensionElement(listener);
    // when / then
    assertThatThrownBy(() -> deploy(model)).isInstanceOf(ProcessEngineException.class).hasMessageContaining("脚本");
  }

  @Test
  void shouldRefuseAModelNamingAJavaClass() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("hostile_class").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("Task_Class").camundaClass("java.lang.ProcessBuilder").endEvent().done();
    assertThatThrownBy(() -> deploy(model)).isInstanceOf(ProcessEngineException.class).hasMessageContaining("camunda:class");
  }

  @Test
  void shouldRefuseAnExpressionReachingABeanOutsideTheWhitelist() {
    // given: a model that tries to reach the DataSource bean
    BpmnModelInstance model = Bpmn.createExecutableProcess("curious_expression").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("Task_Peek").camundaExpression("${dataSource.getConnection()}").endEvent().done();
    // when / then: the model checks refuse it before it is deployed
    assertThatThrownBy(() -> deploy(model)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Task_Peek").hasMessageContaining("dataSource");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("curious_expression").count()).isZero();
  }

  private Deployment deploy(BpmnModelInstance model) {
    return repository.createDeployment().addModelInstance("hostile.bpmn", model).name("hostile-model-test").deploy();
  }
}
