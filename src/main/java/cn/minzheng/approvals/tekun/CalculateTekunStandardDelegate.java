package cn.minzheng.approvals.tekun;

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
import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.region.Region;
import cn.minzheng.approvals.region.RegionService;

/** 基本生活标准 of the person's area (DMN tekun-standard): the monthly amount of one supported person. */
@ProcessBean
@Component("calculateTekunStandardDelegate")
public class CalculateTekunStandardDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final RegionService regions;
  private final DecisionService decisions;

  public CalculateTekunStandardDelegate(ApplicationService applications, RegionService regions, DecisionService decisions) {
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
    Number value = decisions.evaluateDecisionTableByKey(TekunProcess.DECISION_STANDARD,
        Map.of("areaType", areaType, "year", year)).getSingleResult().getSingleEntry();
    BigDecimal standard = new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    applications.recordAmount(applicationId, 1, BigDecimal.ZERO, BigDecimal.ZERO, standard, standard);
    execution.setVariable("amount", standard.doubleValue());
  }
}
