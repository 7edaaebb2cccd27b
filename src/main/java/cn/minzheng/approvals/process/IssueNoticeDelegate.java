package cn.minzheng.approvals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.notice.NoticeKind;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.notice.NoticeService.DecisionInput;

/**
 * Issues the notice named by the service task's input parameter {@code noticeKind}, with the reasons
 * and missing materials of the decision that led here.
 */
@ProcessBean
@Component("issueNoticeDelegate")
public class IssueNoticeDelegate implements JavaDelegate {

  private final NoticeService notices;

  public IssueNoticeDelegate(NoticeService notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kindCode = (String) execution.getVariableLocal(ProcessVariables.NOTICE_KIND);
    NoticeKind kind = NoticeKind.ofCode(kindCode)
        .orElseThrow(() -> new IllegalArgumentException("unknown notice kind '" + kindCode + "' at " + execution.getCurrentActivityId()));
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    DecisionInput input = new DecisionInput(
        (String) execution.getVariable(ProcessVariables.OPINION),
        (String) execution.getVariable(ProcessVariables.MISSING),
        (String) execution.getVariable(ProcessVariables.DECIDED_BY));
    notices.issue(applicationId, kind, input);
  }
}
