package cn.minzheng.approvals.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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
 * Walks 社会组织登记 cases through the real engine as the inbox would (see {@link DibaoCases}): a real
 * application, each stage completed with its decision variables, timers run as jobs.
 */
public final class ShzzCases {

  private static final String POOL = "明德新华星光晨曦博雅春晖长青启航同心和美诚信睿智惠民乐善";

  private final ApplicationService applications;
  private final NoticeService notices;
  private final UserDirectory users;

  public ShzzCases(ProcessEngine engine, ApplicationService applications, NoticeService notices, UserDirectory users) {
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

  /** A 字号 of four characters no registered name has yet (names must be unique among registered ones). */
  public static String tradeName() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      name.append(POOL.charAt(random.nextInt(POOL.length())));
    }
    return name.toString();
  }

  /** A 社会团体 meeting the conditions: 60 individual members, 50 000 元, premises, with a sponsor. */
  public static Map<String, Object> socialGroup() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("orgKind", "social_group");
    data.put("name", "东西湖区" + tradeName() + "书画研究会");
    data.put("domicile", "武汉市东西湖区吴家山街道东吴大道1号");
    data.put("purpose", "团结书画爱好者，繁荣群众文化");
    data.put("businessScope", "书画交流、展览、培训");
    data.put("activityArea", "东西湖区");
    data.put("sponsorUnit", "东西湖区文化和旅游局");
    data.put("individualMembers", 60);
    data.put("unitMembers", 0);
    data.put("funds", 50000);
    return data;
  }

  /** A 民办非企业单位 of the 城乡社区服务 category, registered directly. */
  public static Map<String, Object> directNonEnterprise() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("orgKind", "private_non_enterprise");
    data.put("name", "东西湖区" + tradeName() + "社区服务中心");
    data.put("domicile", "武汉市东西湖区将军路街道宏图大道8号");
    data.put("purpose", "为社区居民提供养老、托育和志愿服务");
    data.put("businessScope", "社区养老服务、四点半课堂、志愿服务组织");
    data.put("activityArea", "东西湖区");
    data.put("directCategory", "community_service");
    data.put("funds", 100000);
    return data;
  }

  public static ApplicationRequest request(String regionCode, Map<String, Object> data) {
    return new ApplicationRequest("shzz", regionCode, new ApplicationRequest.Applicant("周明", TestIds.random(), "13912345678"),
        null, null, null, null, "申请成立登记", data, List.of(new ApplicationRequest.Material("id_card", "拟任法定代表人身份证", true)));
  }

  public Case submit(Map<String, Object> data) {
    ApplicationRecord created = applications.submit(request(Applications.WJS_COMMUNITY, data),
        users.load("wjs-clerk").orElseThrow());
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processInstanceId(created.getProcessInstanceId())
        .singleResult();
    return new Case(created.getId(), pi);
  }

  /** Direct registration, accepted: waits at 审查. */
  public Case atReview() {
    Case c = submit(directNonEnterprise());
    decide(c, "approve");
    return c;
  }

  public Case refused(String reasons) {
    Case c = atReview();
    decide(c, "reject", ProcessVariables.OPINION, reasons, ProcessVariables.REFUSED_BY, "qu-approver");
    return c;
  }

  public void decide(Case c, String decision, Object... keyValues) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.DECISION, decision);
    variables.put(ProcessVariables.DECIDED_BY, "test");
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], keyValues[i + 1]);
    }
    complete(task(c), variables);
  }

  public Task task(Case c) {
    return taskService().createTaskQuery().processInstanceBusinessKey(c.key()).singleResult();
  }

  public Job timer(Case c) {
    List<Job> timers = new ArrayList<>();
    for (ProcessInstance instance : runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(c.key())
        .active().list()) {
      timers.addAll(managementService().createJobQuery().processInstanceId(instance.getId()).timers().list());
    }
    if (timers.size() != 1) {
      throw new AssertionError("expected one timer, found " + timers.size());
    }
    return timers.get(0);
  }

  public ProcessInstance stage(Case c, String stageKey) {
    return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(c.key())
        .processDefinitionKey(stageKey).active().singleResult();
  }

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

  public ApplicationRecord application(Case c) {
    return applications.getForProcess(c.applicationId());
  }

  public List<String> noticeKinds(Case c) {
    return notices.ofApplication(c.applicationId()).stream().map(Notice::getKind).toList();
  }

  /** The notice of that kind with its content. */
  public Notice notice(Case c, String kind) {
    Notice found = notices.ofApplication(c.applicationId()).stream().filter(n -> kind.equals(n.getKind())).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " notice"));
    return notices.get(found.getId(), users.load("qu-approver").orElseThrow());
  }
}
