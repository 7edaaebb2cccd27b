package cn.minzheng.approvals.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;


import org.camunda.bpm.engine.ProcessEngine;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.security.UserDirectory;

/**
 * Walks 低保 cases to each of their stages (see {@link CaseWalker}).
 */
public final class DibaoCases extends CaseWalker {

  public DibaoCases(ProcessEngine engine, ApplicationService applications, NoticeService notices, UserDirectory users) {
    super(engine, applications, notices, users);
  }

  public Case submit() {
    return submit(Applications.dibao(Applications.WJS_COMMUNITY));
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


}
