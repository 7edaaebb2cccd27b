package cn.minzheng.approvals.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The 公示 timer of a case: it lives in the shared stage the case's model called. */
public final class PublicNoticeTimer {

  private PublicNoticeTimer() {
  }

  public static Job of(ManagementService management, RuntimeService runtime, String caseProcessInstanceId) {
    ProcessInstance stage = runtime.createProcessInstanceQuery().superProcessInstanceId(caseProcessInstanceId)
        .processDefinitionKey("stage_public_notice").singleResult();
    return stage == null ? null : management.createJobQuery().processInstanceId(stage.getId()).timers().singleResult();
  }
}
