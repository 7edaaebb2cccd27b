package cn.minzheng.approvals.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
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
import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.notice.Notice;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.security.UserDirectory;

/**
 * Walks cases of any type through the real engine as the inbox would: a real application (our
 * tables), each stage completed with its decision variables, timers run as jobs. A case is its model's
 * instance plus the shared stages it calls, all with the application id as business key.
 */
public class CaseWalker {

  protected final ApplicationService applications;
  protected final NoticeService notices;
  protected final UserDirectory users;

  public CaseWalker(ProcessEngine engine, ApplicationService applications, NoticeService notices, UserDirectory users) {
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

  /** Submits as a clerk of 吴家山街 and returns the started case. */
  protected Case submit(ApplicationRequest request) {
    ApplicationRecord created = applications.submit(request, users.load("wjs-clerk").orElseThrow());
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processInstanceId(created.getProcessInstanceId())
        .singleResult();
    return new Case(created.getId(), pi);
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

  /** The notice of that kind with its content. */
  public Notice notice(Case c, String kind) {
    Notice found = notices.ofApplication(c.applicationId()).stream().filter(n -> kind.equals(n.getKind())).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " notice"));
    return notices.get(found.getId(), users.load("qu-approver").orElseThrow());
  }
}
