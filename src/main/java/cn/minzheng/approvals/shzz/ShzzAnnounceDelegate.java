package cn.minzheng.approvals.shzz;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationData;
import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/**
 * 成立登记公告: records what the registrar publishes about the new organisation — name, 统一社会信用代码,
 * kind, legal representative's name, domicile, business scope, activity area, 业务主管单位 — as the
 * case's "published" entry. A registration is public by law; ID numbers and phone numbers are not in it.
 */
@ProcessBean
@Component("shzzAnnounceDelegate")
public class ShzzAnnounceDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final CaseHistory history;

  public ShzzAnnounceDelegate(ApplicationService applications, CaseHistory history) {
    this.applications = applications;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    ApplicationRecord application = applications.getForProcess(applicationId);
    Map<String, String> data = ApplicationData.scalars(application.getDataJson());
    Map<String, Object> published = new LinkedHashMap<>();
    published.put("name", data.get("name"));
    published.put("creditCode", data.get(ShzzProcess.VAR_CREDIT_CODE));
    published.put("orgKind", data.get("orgKind"));
    published.put("legalRepresentative", application.getApplicantName());
    published.put("domicile", data.get("domicile"));
    published.put("businessScope", data.get("businessScope"));
    published.put("activityArea", data.get("activityArea"));
    if (data.get("sponsorUnit") != null) {
      published.put("sponsorUnit", data.get("sponsorUnit"));
    }
    history.recordSystem(applicationId, execution.getCurrentActivityId(), "published", published);
  }
}
