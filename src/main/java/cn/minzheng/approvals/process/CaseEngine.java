package cn.minzheng.approvals.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.springframework.stereotype.Service;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.config.ApprovalsProperties;

/**
 * Our one door to the engine for cases: start, the messages of the shared stages (异议, 申诉) and
 * withdrawal. The business key of every instance is the application id.
 */
@Service
public class CaseEngine {

  private final RuntimeService runtime;
  private final CaseProcesses processes;
  private final ApprovalsProperties properties;

  public CaseEngine(RuntimeService runtime, CaseProcesses processes, ApprovalsProperties properties) {
    this.runtime = runtime;
    this.processes = processes;
    this.properties = properties;
  }

  public String start(ApplicationRecord application) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.APPLICATION_ID, application.getId());
    variables.put(ProcessVariables.STREET_CODE, application.getStreetCode());
    variables.put(ProcessVariables.DISTRICT_CODE, application.getDistrictCode());
    variables.put(ProcessVariables.PUBLIC_NOTICE_PERIOD, properties.getPublicNoticePeriod());
    variables.put(ProcessVariables.APPEAL_WINDOW, properties.getAppealWindow());
    String key = processes.forType(application.getType()).key();
    return runtime.startProcessInstanceByKey(key, String.valueOf(application.getId()), variables).getId();
  }

  /** True when the instance is waiting for the message now (e.g. on 公示, in the appeal window). */
  public boolean isWaitingFor(String processInstanceId, String messageName) {
    return processInstanceId != null && subscription(processInstanceId, messageName) != null;
  }

  public void deliver(String processInstanceId, String messageName, Map<String, Object> variables) {
    runtime.createMessageCorrelation(messageName)
        .processInstanceId(processInstanceId)
        .setVariables(variables)
        .correlateWithResult();
  }

  public boolean isRunning(String processInstanceId) {
    return processInstanceId != null
        && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).active().count() > 0;
  }

  public void cancel(String processInstanceId, String reason) {
    runtime.deleteProcessInstance(processInstanceId, reason, false, true);
  }

  private EventSubscription subscription(String processInstanceId, String messageName) {
    return runtime.createEventSubscriptionQuery()
        .processInstanceId(processInstanceId)
        .eventType("message")
        .eventName(messageName)
        .singleResult();
  }
}
