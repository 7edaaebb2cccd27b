package cn.minzheng.approvals.process;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.common.Masking;

/**
 * 公布: records what is published about an approved household — the name (masked), household size and
 * amount, nothing else (民发〔2021〕57号 art. 24) — as the entry the 村/社区 posts.
 */
@ProcessBean
@Component("publishRecipientDelegate")
public class PublishRecipientDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final CaseHistory history;

  public PublishRecipientDelegate(ApplicationService applications, CaseHistory history) {
    this.applications = applications;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    ApplicationRecord application = applications.getForProcess(applicationId);
    Map<String, Object> published = new LinkedHashMap<>();
    published.put("maskedName", Masking.name(application.getApplicantName()));
    published.put("householdSize", application.getHouseholdSize());
    published.put("amount", application.getAmount());
    history.recordSystem(applicationId, execution.getCurrentActivityId(), "published", published);
  }
}
