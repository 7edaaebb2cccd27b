package cn.minzheng.approvals.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.MemberRecord;
import cn.minzheng.approvals.region.Region;
import cn.minzheng.approvals.region.RegionService;

/**
 * 低保 amount = (local standard − household per-capita monthly income) × household size, never below
 * zero. The standard comes from the DMN table {@code dibao-standard} by area type and year.
 */
@ProcessBean
@Component("calculateAmountDelegate")
public class CalculateAmountDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final RegionService regions;
  private final DecisionService decisions;

  public CalculateAmountDelegate(ApplicationService applications, RegionService regions, DecisionService decisions) {
    this.applications = applications;
    this.regions = regions;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    ApplicationRecord application = applications.getForProcess(applicationId);
    String areaType = regions.find(application.getRegionCode()).map(Region::getAreaType).orElse("urban");
    int year = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of("Asia/Shanghai")).getYear();
    Number standardValue = decisions.evaluateDecisionTableByKey(DibaoProcess.DECISION_STANDARD,
        Map.of("areaType", areaType, "year", year)).getSingleResult().getSingleEntry();
    BigDecimal standard = new BigDecimal(standardValue.toString());

    int size = 0;
    BigDecimal income = BigDecimal.ZERO;
    for (MemberRecord member : applications.members(applicationId)) {
      if (member.isCoResident()) {
        size++;
        income = income.add(member.getMonthlyIncome());
      }
    }
    BigDecimal perCapita = income.divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP);
    BigDecimal amount = standard.subtract(perCapita).max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(size))
        .setScale(2, RoundingMode.HALF_UP);
    applications.recordAmount(applicationId, size, income, perCapita, standard, amount);
    execution.setVariable("amount", amount.doubleValue());
  }
}
