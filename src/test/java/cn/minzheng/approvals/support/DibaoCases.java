package cn.minzheng.approvals.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.security.UserDirectory;

/**
 * Walks 低保 cases through the real engine as the inbox would: a real application (our tables),
 * each stage completed with its decision variables, timers run as jobs.
 */
public final class DibaoCases {

  private final ApplicationService applications;
  private final NoticeService notices;
  private final UserDirectory users;

  public DibaoCases(ProcessEngine engine, ApplicationService applications, NoticeService notices, UserDirectory users) {
    BpmnAwareTests.init(engine);
    this.applications = applications;
    this.notices = notices;
    this.users = users;
  }

  public record Case(long applicationId, ProcessInstance pi) {
  }

  public Case submit() {
    ApplicationRecord created = applications.submit(Applications.dibao(Applications.WJS_COMMUNITY),
        users.load("wjs-clerk").orElseThrow());
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processInstanceId(created.getProcessInstanceId())
        .singleResult();
    return new Case(created.getId(), pi);
  }

  public Case accepted() {
    Case c = submit();
    decide(c, "approve");
    return c;
  }

  public Case onPublicNotice() {
    Case c = accepted();
    investigate(c, false);
    decide(c, "approve");
    assertThat(c.pi()).isWaitingAt(DibaoProcess.WAIT_PUBLIC_NOTICE);
    return c;
  }

  public Case atDistrict() {
    Case c = onPublicNotice();
    execute(job(c.pi()));
    assertThat(c.pi()).isWaitingAt(DibaoProcess.TASK_DISTRICT_APPROVE);
    return c;
  }

  public Case refused(String reasons) {
    Case c = atDistrict();
    decide(c, "reject", ProcessVariables.OPINION, reasons, ProcessVariables.REFUSED_BY, "qu-approver");
    assertThat(c.pi()).isWaitingAt(DibaoProcess.WAIT_APPEAL);
    return c;
  }

  public void investigate(Case c, boolean holdReview) {
    decide(c, "approve", "investigator1", "王五", "investigator2", "赵六", "visitDate", "2026-11-18",
        "verificationResult", "consistent", DibaoProcess.VAR_HOLD_DEMOCRATIC_REVIEW, holdReview,
        "skipReason", holdReview ? null : "家庭情况清楚，无争议");
  }

  /** Completes the case's current task with {@code decision} and further variables as key/value pairs. */
  public void decide(Case c, String decision, Object... keyValues) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.DECISION, decision);
    variables.put(ProcessVariables.DECIDED_BY, "test");
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], keyValues[i + 1]);
    }
    complete(task(c.pi()), variables);
  }

  public ApplicationRecord application(Case c) {
    return applications.getForProcess(c.applicationId());
  }

  public List<String> noticeKinds(Case c) {
    return notices.ofApplication(c.applicationId()).stream().map(n -> n.getKind()).toList();
  }
}
