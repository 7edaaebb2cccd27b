package cn.minzheng.approvals.linshi;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.MemberRecord;
import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/** The amount approved: what the approver set ({@code approvedAmount}), else the amount requested. */
@ProcessBean
@Component("linshiAmountDelegate")
public class LinshiAmountDelegate implements JavaDelegate {

  private final ApplicationService applications;

  public LinshiAmountDelegate(ApplicationService applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    Object approved = execution.getVariable(LinshiProcess.VAR_APPROVED_AMOUNT);
    Number chosen = approved instanceof Number n ? n : (Number) execution.getVariable(LinshiProcess.VAR_REQUESTED_AMOUNT);
    BigDecimal amount = new BigDecimal(chosen.toString()).setScale(2, RoundingMode.HALF_UP);
    int size = 0;
    BigDecimal income = BigDecimal.ZERO;
    for (MemberRecord member : applications.members(applicationId)) {
      if (member.isCoResident()) {
        size++;
        income = income.add(member.getMonthlyIncome() == null ? BigDecimal.ZERO : member.getMonthlyIncome());
      }
    }
    BigDecimal perCapita = size == 0 ? null : income.divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP);
    Object standard = execution.getVariable(LinshiProcess.VAR_URBAN_STANDARD);
    applications.recordAmount(applicationId, size, income, perCapita,
        standard instanceof Number s ? new BigDecimal(s.toString()) : null, amount);
    execution.setVariable("amount", amount.doubleValue());
  }
}
