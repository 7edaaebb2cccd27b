package cn.minzheng.approvals.shzz;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


import cn.minzheng.approvals.application.ApplicationData;
import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.common.Counters;
import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/**
 * 准予登记: gives the organisation its 统一社会信用代码 (5, kind, the registering organ's region code,
 * MJ + serial of the organ with its GB 11714 check, GB 32100 check), records it among the registered
 * organisations (whose unique name and code refuse a second registration of either) and stores the
 * code in the application's data as {@code creditCode}, where the API and the notices read it.
 */
@ProcessBean
@Component("shzzRegisterDelegate")
public class ShzzRegisterDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final RegisteredOrgMapper orgs;
  private final Counters counters;
  private final Clock clock;

  public ShzzRegisterDelegate(ApplicationService applications, RegisteredOrgMapper orgs, Counters counters,
                              Clock clock) {
    this.applications = applications;
    this.orgs = orgs;
    this.counters = counters;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    execution.setVariable(ShzzProcess.VAR_CREDIT_CODE, register(applications.getForProcess(applicationId)));
  }

  String register(ApplicationRecord application) {
    RegisteredOrg existing = orgs.findByApplication(application.getId());
    if (existing != null) {
      return existing.getCreditCode();
    }
    Map<String, Object> data = read(application.getDataJson());
    String orgKind = (String) data.get("orgKind");
    String organ = application.getDistrictCode().substring(0, 6);
    String code;
    do {
      code = UnifiedCreditCodes.civilAffairs(OrgKinds.creditCodeKind(orgKind), organ,
          counters.next("shzz:credit-code:" + organ));
    } while (orgs.countByCreditCode(code) > 0);

    RegisteredOrg org = new RegisteredOrg();
    org.setName(data.get("name").toString().trim());
    org.setCreditCode(code);
    org.setOrgKind(orgKind);
    org.setLegalRepIdNumber(application.getApplicantIdNumber());
    org.setRegionCode(application.getDistrictCode());
    org.setApplicationId(application.getId());
    org.setRegisteredAt(LocalDateTime.now(clock));
    orgs.insert(org);

    // through the one writer of the case's data, which records the change for auditors
    applications.recordData(application.getId(), Map.of(ShzzProcess.VAR_CREDIT_CODE, code));
    return code;
  }

  private static Map<String, Object> read(String dataJson) {
    return ApplicationData.asMap(dataJson);
  }
}
