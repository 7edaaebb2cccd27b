package cn.minzheng.approvals.binzang;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/**
 * The amount: for 基本殡葬服务费减免 the sum of the waived items of DMN binzang-fee-waiver (the four basic items,
 * more for 低保/特困 families; {@code waivedItems} lists them), for 节地生态安葬 the award plus the fee waiver of
 * DMN binzang-eco-award.
 */
@ProcessBean
@Component("binzangAwardDelegate")
public class BinzangAwardDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final DecisionService decisions;

  public BinzangAwardDelegate(ApplicationService applications, DecisionService decisions) {
    this.applications = applications;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    BigDecimal amount = BigDecimal.ZERO;
    if (BinzangProcess.SUBSIDY_ECO_BURIAL.equals(execution.getVariable(BinzangProcess.VAR_SUBSIDY))) {
      Map<String, Object> award = decisions.evaluateDecisionTableByKey(BinzangProcess.DECISION_ECO_AWARD,
          Map.of(BinzangProcess.VAR_BURIAL_TYPE, execution.getVariable(BinzangProcess.VAR_BURIAL_TYPE),
              BinzangProcess.VAR_PLOT_AREA, execution.getVariable(BinzangProcess.VAR_PLOT_AREA)))
          .getSingleResult().getEntryMap();
      amount = amount.add(decimal(award.get("award"))).add(decimal(award.get("feeWaiver")));
    } else {
      List<String> items = new ArrayList<>();
      for (Map<String, Object> row : decisions.evaluateDecisionTableByKey(BinzangProcess.DECISION_FEE_WAIVER,
          Map.of("lowIncome", Boolean.TRUE.equals(execution.getVariable(BinzangProcess.VAR_LOW_INCOME)))).getResultList()) {
        items.add(row.get("item") + " " + decimal(row.get("amount")).stripTrailingZeros().toPlainString() + "元");
        amount = amount.add(decimal(row.get("amount")));
      }
      execution.setVariable("waivedItems", String.join("；", items));
    }
    amount = amount.setScale(2, RoundingMode.HALF_UP);
    applications.recordAmount(applicationId, 1, null, null, null, amount);
    execution.setVariable("amount", amount.doubleValue());
  }

  private static BigDecimal decimal(Object number) {
    return new BigDecimal(number.toString());
  }
}
