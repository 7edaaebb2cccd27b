package cn.minzheng.approvals.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.config.ApprovalsProperties;

/**
 * Our one door to the engine for cases: start, the messages of the shared stages (异议, 申诉) and
 * withdrawal. Every instance of a case — its model and the shared stages it calls — carries the
 * application id as business key.
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
    CaseProcess process = processes.forType(application.getType());
    return startModel(application, process.key(), process.startVariables(application));
  }

  /**
   * Starts another model for an existing case (e.g. the 终止 of a benefit), with the variables every case
   * model gets and the application id as business key; returns the instance id.
   */
  public String startModel(ApplicationRecord application, String processKey, Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.APPLICATION_ID, application.getId());
    variables.put(ProcessVariables.STREET_CODE, application.getStreetCode());
    variables.put(ProcessVariables.DISTRICT_CODE, application.getDistrictCode());
    variables.put(ProcessVariables.PUBLIC_NOTICE_PERIOD, properties.getPublicNoticePeriod());
    variables.put(ProcessVariables.APPEAL_WINDOW, properties.getAppealWindow());
    variables.putAll(extra);
    return runtime.startProcessInstanceByKey(processKey, String.valueOf(application.getId()), variables).getId();
  }

  public String numberPrefix(String type) {
    return processes.forType(type).numberPrefix();
  }

  /** The instance of the case that waits for the message now (on 公示, in the appeal window), if any. */
  private String waitingInstance(long applicationId, String messageName) {
    for (ProcessInstance instance : runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(String.valueOf(applicationId)).active().list()) {
      boolean subscribed = runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
          .eventType("message").eventName(messageName).count() > 0;
      if (subscribed) {
        return instance.getId();
      }
    }
    return null;
  }

  public boolean isWaitingFor(long applicationId, String messageName) {
    return waitingInstance(applicationId, messageName) != null;
  }

  public void deliver(long applicationId, String messageName, Map<String, Object> variables) {
    runtime.createMessageCorrelation(messageName)
        .processInstanceId(waitingInstance(applicationId, messageName))
        .setVariables(variables)
        .correlateWithResult();
  }

  public boolean isRunning(String processInstanceId) {
    return processInstanceId != null
        && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).active().count() > 0;
  }

  /** Ends the case's model and the shared stages it called. */
  public void cancel(String processInstanceId, String reason) {
    runtime.deleteProcessInstance(processInstanceId, reason, false, true);
  }
}
