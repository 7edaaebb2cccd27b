package cn.minzheng.approvals.linshi;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.process.BenefitStandards;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.process.ProcessBean;

/**
 * 分级审批: the monthly urban 低保 standard of this year (DMN dibao-standard), then the DMN table
 * linshi-approval-level on the requested amount against it → variable {@code approvalLevel} street / district.
 */
@ProcessBean
@Component("linshiApprovalLevelDelegate")
public class LinshiApprovalLevelDelegate implements JavaDelegate {

  private final DecisionService decisions;
  private final BenefitStandards standards;

  public LinshiApprovalLevelDelegate(DecisionService decisions, BenefitStandards standards) {
    this.decisions = decisions;
    this.standards = standards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // 分级审批 is measured against the monthly urban 低保 standard
    BigDecimal standard = standards.of(DibaoProcess.DECISION_STANDARD, BenefitStandards.URBAN);
    Number amount = (Number) execution.getVariable(LinshiProcess.VAR_REQUESTED_AMOUNT);
    String level = decisions.evaluateDecisionTableByKey(LinshiProcess.DECISION_APPROVAL_LEVEL,
        Map.of("amount", amount.doubleValue(), "standard", standard.doubleValue())).getSingleResult().getSingleEntry();
    execution.setVariable(LinshiProcess.VAR_URBAN_STANDARD, standard.doubleValue());
    execution.setVariable(LinshiProcess.VAR_APPROVAL_LEVEL, level);
  }
}
