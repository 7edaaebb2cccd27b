package cn.minzheng.approvals.process;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.MemberRecord;

/**
 * 低保 amount = (local standard − household per-capita monthly income) × household size, never below
 * zero. The standard comes from the DMN table {@code dibao-standard} by area type and year.
 */
@ProcessBean
@Component("calculateAmountDelegate")
public class CalculateAmountDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final BenefitStandards standards;

  public CalculateAmountDelegate(ApplicationService applications, BenefitStandards standards) {
    this.applications = applications;
    this.standards = standards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    ApplicationRecord application = applications.getForProcess(applicationId);
    BigDecimal standard = standards.of(DibaoProcess.DECISION_STANDARD, application);

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
