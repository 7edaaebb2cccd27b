package cn.minzheng.approvals.process;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.config.TimeConfig;
import cn.minzheng.approvals.region.Region;
import cn.minzheng.approvals.region.RegionService;

/**
 * Monthly benefit standards (元/人·月) from their DMN tables, which take the area type (urban / rural)
 * and the year of the decision (engine time, so tests can move it).
 */
@Service
public class BenefitStandards {

  public static final String URBAN = "urban";

  private final DecisionService decisions;
  private final RegionService regions;

  public BenefitStandards(DecisionService decisions, RegionService regions) {
    this.decisions = decisions;
    this.regions = regions;
  }

  /** The standard of the table for the area the application lives in. */
  public BigDecimal of(String decisionKey, ApplicationRecord application) {
    return of(decisionKey, regions.find(application.getRegionCode()).map(Region::getAreaType).orElse(URBAN));
  }

  public BigDecimal of(String decisionKey, String areaType) {
    int year = ClockUtil.getCurrentTime().toInstant().atZone(TimeConfig.BEIJING).getYear();
    Number value = decisions.evaluateDecisionTableByKey(decisionKey, Map.of("areaType", areaType, "year", year))
        .getSingleResult().getSingleEntry();
    return new BigDecimal(value.toString());
  }
}
