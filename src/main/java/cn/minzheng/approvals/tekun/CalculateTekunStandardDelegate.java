package cn.minzheng.approvals.tekun;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.BenefitStandards;
import cn.minzheng.approvals.process.ProcessVariables;

/** 基本生活标准 of the person's area (DMN tekun-standard): the monthly amount of one supported person. */
@ProcessBean
@Component("calculateTekunStandardDelegate")
public class CalculateTekunStandardDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final BenefitStandards standards;

  public CalculateTekunStandardDelegate(ApplicationService applications, BenefitStandards standards) {
    this.applications = applications;
    this.standards = standards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    ApplicationRecord application = applications.getForProcess(applicationId);
    BigDecimal standard = standards.of(TekunProcess.DECISION_STANDARD, application).setScale(2, RoundingMode.HALF_UP);
    applications.recordAmount(applicationId, 1, BigDecimal.ZERO, BigDecimal.ZERO, standard, standard);
    execution.setVariable("amount", standard.doubleValue());
  }
}
