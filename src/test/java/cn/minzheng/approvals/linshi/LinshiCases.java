package cn.minzheng.approvals.linshi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;

import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.TestIds;

/**
 * 临时救助 cases on the real engine: the generic walking (current task, timers, stages) of {@link DibaoCases}
 * with 临时救助 application bodies.
 */
final class LinshiCases {

  final DibaoCases walk;
  private final ApplicationService applications;
  private final UserDirectory users;

  LinshiCases(ProcessEngine engine, ApplicationService applications, NoticeService notices, UserDirectory users) {
    this.walk = new DibaoCases(engine, applications, notices, users);
    this.applications = applications;
    this.users = users;
  }

  /** A one-person household in 吴家山街 asking for {@code amount} 元. */
  static ApplicationRequest request(String idNumber, String kind, boolean advance, String cause, int amount,
                                    boolean materialsComplete) {
    Map<String, Object> data = new HashMap<>();
    data.put("kind", kind);
    data.put("cause", cause);
    data.put("requestedAmount", amount);
    data.put("advance", advance);
    List<ApplicationRequest.Material> materials = new ArrayList<>();
    materials.add(new ApplicationRequest.Material("id_card", "身份证", true));
    materials.add(new ApplicationRequest.Material("medical_proof", "住院费用清单", materialsComplete));
    return new ApplicationRequest("linshi", Applications.WJS_COMMUNITY,
        new ApplicationRequest.Applicant("王小五", idNumber, "13812345678"),
        List.of(new ApplicationRequest.Member("王小五", idNumber, "self", true, new BigDecimal("500"), "partial", "none", null)),
        null, null, null, "突发重病", data, materials);
  }

  DibaoCases.Case submit(ApplicationRequest request) {
    var created = applications.submit(request, users.load("wjs-clerk").orElseThrow());
    var pi = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService().createProcessInstanceQuery()
        .processInstanceId(created.getProcessInstanceId()).singleResult();
    return new DibaoCases.Case(created.getId(), pi);
  }

  DibaoCases.Case submit(String kind, boolean advance, int amount, boolean materialsComplete) {
    return submit(request(TestIds.random(), kind, advance, "重大疾病住院", amount, materialsComplete));
  }

  /** An expense case accepted with complete materials, waiting for the investigation. */
  DibaoCases.Case accepted(int amount) {
    DibaoCases.Case c = submit("expense", false, amount, true);
    walk.decide(c, "approve");
    return c;
  }

  void investigate(DibaoCases.Case c, boolean holdReview) {
    walk.decide(c, "approve", "investigator1", "王五", "investigator2", "赵六", "visitDate", "2026-11-18",
        "verificationResult", "consistent", "holdDemocraticReview", holdReview,
        "skipReason", holdReview ? null : "情况清楚，无争议");
  }

  /** Accepted, investigated, 公示 passed without objection: at the approval of its level. */
  DibaoCases.Case atApproval(int amount) {
    DibaoCases.Case c = accepted(amount);
    investigate(c, false);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute(walk.timer(c));
    return c;
  }
}
