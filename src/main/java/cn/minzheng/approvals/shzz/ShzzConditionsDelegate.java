package cn.minzheng.approvals.shzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationData;
import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/**
 * Before 审查: checks the statutory conditions the registrar must see (社会团体登记管理条例第十条,
 * 民办非企业单位登记管理暂行条例第八条) and hands the findings to the 审查 stage as
 * {@code conditionsMet} and {@code conditionFindings}. The registrar decides; a 不予登记 states the
 * findings as its reasons.
 */
@ProcessBean
@Component("shzzConditionsDelegate")
public class ShzzConditionsDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final RegisteredOrgMapper orgs;

  public ShzzConditionsDelegate(ApplicationService applications, RegisteredOrgMapper orgs) {
    this.applications = applications;
    this.orgs = orgs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    List<String> findings = findings(applications.getForProcess(applicationId));
    execution.setVariable(ShzzProcess.VAR_CONDITIONS_MET, findings.isEmpty());
    execution.setVariable(ShzzProcess.VAR_CONDITION_FINDINGS, String.join("\n", findings));
  }

  /** The conditions the application does not meet, in words for the 审查 stage and a 不予登记. */
  List<String> findings(ApplicationRecord application) {
    Map<String, String> data = ApplicationData.scalars(application.getDataJson());
    List<String> findings = new ArrayList<>();
    String orgKind = data.get("orgKind");
    if (OrgKinds.SOCIAL_GROUP.equals(orgKind)) {
      int individual = integer(data.get("individualMembers"));
      int units = integer(data.get("unitMembers"));
      if (individual < ShzzProcess.MIN_INDIVIDUAL_MEMBERS && units < ShzzProcess.MIN_UNIT_MEMBERS) {
        findings.add("会员不足：个人会员" + individual + "个、单位会员" + units + "个（须有50个以上个人会员或者30个以上单位会员）");
      }
      BigDecimal funds = ShzzProcess.decimal(data.get("funds"));
      if (funds == null || funds.compareTo(ShzzProcess.MIN_FUNDS_LOCAL) < 0) {
        findings.add("活动资金不足：" + (funds == null ? "未申报" : funds.toPlainString() + "元")
            + "（地方性社会团体须有3万元以上活动资金）");
      }
      if (orgs.countByLegalRep(application.getApplicantIdNumber(), OrgKinds.SOCIAL_GROUP) > 0) {
        findings.add("拟任法定代表人已担任其他社会团体的法定代表人（不得同时担任两个以上社会团体的法定代表人）");
      }
    }
    String domicile = data.get("domicile");
    if (domicile == null || domicile.isBlank()) {
      findings.add("无固定住所");
    }
    String name = data.get("name");
    if (name != null && orgs.countByName(name.trim()) > 0) {
      findings.add("名称“" + name.trim() + "”已被登记");
    }
    return findings;
  }

  private static int integer(String value) {
    BigDecimal number = ShzzProcess.decimal(value);
    return number == null ? 0 : number.intValue();
  }
}
