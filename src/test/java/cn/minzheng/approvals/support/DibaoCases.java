package cn.minzheng.approvals.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.security.UserDirectory;

/**
 * Walks 低保 cases through the real engine as the inbox would: a real application (our tables),
 * each stage completed with its decision variables, timers run as jobs. A case is its model's
 * instance plus the shared stages it calls, all with the application id as business key.
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
    public String key() {
      return String.valueOf(applicationId);
    }
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
    assertThat(c.pi()).isWaitingAt(DibaoProcess.CALL_PUBLIC_NOTICE);
    return c;
  }

  public Case atDistrict() {
    Case c = onPublicNotice();
    execute(timer(c));
    assertThat(c.pi()).isWaitingAt(DibaoProcess.TASK_DISTRICT_APPROVE);
    return c;
  }

  public Case refused(String reasons) {
    Case c = atDistrict();
    decide(c, "reject", ProcessVariables.OPINION, reasons, ProcessVariables.REFUSED_BY, "qu-approver");
    assertThat(c.pi()).isWaitingAt(DibaoProcess.CALL_APPEAL);
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
    complete(task(c), variables);
  }

  /** The one open task of the case, in its model or in a shared stage. */
  public Task task(Case c) {
    return taskService().createTaskQuery().processInstanceBusinessKey(c.key()).singleResult();
  }

  /** The one timer the case waits for (公示 period, appeal window). */
  public Job timer(Case c) {
    List<Job> timers = new ArrayList<>();
    for (ProcessInstance instance : instances(c)) {
      timers.addAll(managementService().createJobQuery().processInstanceId(instance.getId()).timers().list());
    }
    if (timers.size() != 1) {
      throw new AssertionError("expected one timer, found " + timers.size());
    }
    return timers.get(0);
  }

  /** The running instance of a shared stage the case is in. */
  public ProcessInstance stage(Case c, String stageKey) {
    return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(c.key())
        .processDefinitionKey(stageKey).active().singleResult();
  }

  /** Activity ids where the case waits now, across its model and the stages it called. */
  public Set<String> waitingAt(Case c) {
    Set<String> active = new LinkedHashSet<>();
    for (ProcessInstance instance : instances(c)) {
      active.addAll(runtimeService().getActiveActivityIds(instance.getId()));
    }
    return active;
  }

  /** Finished activities of every instance of a shared stage the case ran, in order of occurrence. */
  public List<String> passedIn(Case c, String stageKey) {
    List<String> passed = new ArrayList<>();
    for (HistoricProcessInstance instance : historyService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(c.key()).processDefinitionKey(stageKey).orderByProcessInstanceStartTime().asc().list()) {
      historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).finished()
          .orderPartiallyByOccurrence().asc().list().stream().map(HistoricActivityInstance::getActivityId)
          .forEach(passed::add);
    }
    return passed;
  }

  public long stageRuns(Case c, String stageKey) {
    return historyService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(c.key())
        .processDefinitionKey(stageKey).count();
  }

  private List<ProcessInstance> instances(Case c) {
    return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(c.key()).active().list();
  }

  public ApplicationRecord application(Case c) {
    return applications.getForProcess(c.applicationId());
  }

  public List<String> noticeKinds(Case c) {
    return notices.ofApplication(c.applicationId()).stream().map(n -> n.getKind()).toList();
  }

}
