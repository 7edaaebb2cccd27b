package cn.minzheng.approvals.tekun;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.Role;

/**
 * 集中供养 (domain.md §B1): starts a welfare-home admission (yanglao) for the confirmed person, with the 特困
 * priority, in the name of the street office; records its id in {@code admissionApplicationId}.
 */
@ProcessBean
@Component("startAdmissionDelegate")
public class StartAdmissionDelegate implements JavaDelegate {

  private final ApplicationService applications;

  public StartAdmissionDelegate(ApplicationService applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    ApplicationRecord tekun = applications.getForProcess(applicationId);
    ApplicationRequest admission = new ApplicationRequest("yanglao", tekun.getRegionCode(),
        new ApplicationRequest.Applicant(tekun.getApplicantName(), tekun.getApplicantIdNumber(), tekun.getApplicantPhone()),
        null, null, null, null, "特困人员集中供养（" + tekun.getNumber() + "）",
        Map.of("priority", Map.of("tekun", true), "fromTekun", tekun.getNumber()), null);
    // the street office files it, as the 区民政局 places 集中供养 persons itself
    CurrentUser office = new CurrentUser("system", "系统（特困集中供养）", Set.of(Role.CLERK), List.of(),
        tekun.getStreetCode(), "street");
    ApplicationRecord created = applications.submit(admission, office);
    execution.setVariable(TekunProcess.VAR_ADMISSION_ID, created.getId());
  }
}
