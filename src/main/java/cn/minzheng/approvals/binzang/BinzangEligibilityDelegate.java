package cn.minzheng.approvals.binzang;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.ApplicationTypes;
import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/**
 * 资格核对 from our own records: the deceased's 户籍 within the district (基本殡葬服务费减免), the burial type and
 * plot (节地生态安葬, DMN binzang-eco-award), and a 低保/特困 family (an approved 低保 of the applicant or the
 * deceased). Sets {@code eligible}, {@code lowIncomeFamily} and, when not eligible, the reasons as {@code opinion}.
 */
@ProcessBean
@Component("binzangEligibilityDelegate")
public class BinzangEligibilityDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final BinzangMapper mapper;
  private final DecisionService decisions;

  public BinzangEligibilityDelegate(ApplicationService applications, BinzangMapper mapper, DecisionService decisions) {
    this.applications = applications;
    this.mapper = mapper;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    var application = applications.getForProcess(applicationId);
    String deceasedId = (String) execution.getVariable(BinzangProcess.VAR_DECEASED_ID_NUMBER);
    boolean lowIncome = mapper.countApprovedOfPersons(ApplicationTypes.DIBAO,
        List.of(application.getApplicantIdNumber(), deceasedId)) > 0;
    List<String> reasons = new ArrayList<>();
    if (BinzangProcess.SUBSIDY_ECO_BURIAL.equals(execution.getVariable(BinzangProcess.VAR_SUBSIDY))) {
      Map<String, Object> award = decisions.evaluateDecisionTableByKey(BinzangProcess.DECISION_ECO_AWARD,
          Map.of(BinzangProcess.VAR_BURIAL_TYPE, execution.getVariable(BinzangProcess.VAR_BURIAL_TYPE),
              BinzangProcess.VAR_PLOT_AREA, execution.getVariable(BinzangProcess.VAR_PLOT_AREA)))
          .getSingleResult().getEntryMap();
      if (!Boolean.TRUE.equals(award.get("qualifies"))) {
        reasons.add("安葬方式不属于骨灰堂、壁葬、树葬、草坪葬、深埋等节地生态安葬方式，或墓位占地面积超过1平方米");
      }
    } else {
      String hukou = (String) execution.getVariable(BinzangProcess.VAR_HUKOU_REGION_CODE);
      String district = application.getDistrictCode();
      if (hukou == null || !hukou.startsWith(district.substring(0, 6))) {
        reasons.add("逝者户籍不在本区，不属于基本殡葬服务费减免对象");
      }
    }
    execution.setVariable(BinzangProcess.VAR_LOW_INCOME, lowIncome);
    execution.setVariable(BinzangProcess.VAR_ELIGIBLE, reasons.isEmpty());
    if (!reasons.isEmpty()) {
      execution.setVariable(ProcessVariables.OPINION, String.join("；", reasons));
    }
  }
}
