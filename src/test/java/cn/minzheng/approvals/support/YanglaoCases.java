package cn.minzheng.approvals.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.yanglao.YanglaoBedMapper;

/**
 * Walks welfare-home admissions through the real engine as the inbox would. Each test makes institutions
 * of its own (random codes), so the shared test database's beds never run out between runs.
 */
public final class YanglaoCases {

  private final ApplicationService applications;
  private final UserDirectory users;
  private final YanglaoBedMapper beds;
  /** The generic helpers (decide, task, timer, passedIn, noticeKinds) work for any case. */
  public final DibaoCases on;

  public YanglaoCases(ProcessEngine engine, ApplicationService applications, NoticeService notices, UserDirectory users,
                      YanglaoBedMapper beds) {
    this.on = new DibaoCases(engine, applications, notices, users);
    this.applications = applications;
    this.users = users;
    this.beds = beds;
  }

  /** A made-up institution of the district with {@code ordinary} ordinary and {@code nursing} nursing beds. */
  public String institution(int ordinary, int nursing) {
    String code = "T" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    beds.insertInstitution(code, "测试养老院" + code, "420112000000");
    for (int i = 1; i <= ordinary; i++) {
      beds.insertBed(code, "P" + i, 0);
    }
    for (int i = 1; i <= nursing; i++) {
      beds.insertBed(code, "N" + i, 1);
    }
    return code;
  }

  public static ApplicationRequest request(String institutionCode, String... priorityFlags) {
    Map<String, Object> data = new HashMap<>();
    if (institutionCode != null) {
      data.put("institutionCode", institutionCode);
    }
    Map<String, Object> priority = new HashMap<>();
    for (String flag : priorityFlags) {
      priority.put(flag, true);
    }
    data.put("priority", priority);
    return new ApplicationRequest("yanglao", Applications.WJS_COMMUNITY,
        new ApplicationRequest.Applicant("王老伯", TestIds.random(), "13812345678"), null, null, null, null,
        "独居，生活需要照料", data,
        List.of(new ApplicationRequest.Material("id_card", "身份证", true)));
  }

  public Case submit(String institutionCode, String... priorityFlags) {
    ApplicationRecord created = applications.submit(request(institutionCode, priorityFlags),
        users.load("wjs-clerk").orElseThrow());
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processInstanceId(created.getProcessInstanceId())
        .singleResult();
    return new Case(created.getId(), pi);
  }

  /** Accepted and assessed with these domain scores; waiting for the district's decision. */
  public Case atDecision(String institutionCode, int[] scores, String... priorityFlags) {
    Case c = submit(institutionCode, priorityFlags);
    on.decide(c, "approve");
    assess(c, scores);
    return c;
  }

  public Case atDecision(String institutionCode, String... priorityFlags) {
    return atDecision(institutionCode, MILD, priorityFlags);
  }

  public void assess(Case c, int[] scores) {
    on.decide(c, "approve", "selfCare", scores[0], "mobility", scores[1], "mental", scores[2], "perception", scores[3],
        "assessor1", "王五", "assessor2", "赵六", "emergencyContact", "王小明（儿子）", "emergencyPhone", "13900001111");
  }

  public void approve(Case c) {
    on.decide(c, "approve", "monthlyFee", "1800");
  }

  /** Total 80: 轻度失能, an ordinary bed will do. */
  public static final int[] MILD = {28, 14, 26, 12};
  /** Total 40: 重度失能, needs a nursing bed. */
  public static final int[] SEVERE = {10, 6, 16, 8};

  public ApplicationRecord application(Case c) {
    return applications.getForProcess(c.applicationId());
  }
}
