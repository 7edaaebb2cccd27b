package cn.minzheng.approvals.process;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.config.TimeConfig;
import cn.minzheng.approvals.region.Region;
import cn.minzheng.approvals.region.RegionService;

/**
 * Monthly benefit standards (元/人·月) from their DMN tables, which take the area type (urban / rural)
 * and the year of the decision (engine time, so tests can move it).
 *
 * <p>A table's answer depends only on those inputs and the table's version, so it is evaluated once per
 * (deployed version, area type, year) and kept: evaluating FEEL costs milliseconds, more than the rest of
 * the amount. Deploying a new version of a table (the administrator's way to change a standard) gives a
 * new definition id and so a new evaluation; each case records the standard it got on its application.
 */
@Service
public class BenefitStandards {

  public static final String URBAN = "urban";

  private record Inputs(String decisionDefinitionId, String areaType, int year) {
  }

  private final DecisionService decisions;
  private final RepositoryService repository;
  private final RegionService regions;
  private final Map<Inputs, BigDecimal> answers = new ConcurrentHashMap<>();

  public BenefitStandards(DecisionService decisions, RepositoryService repository, RegionService regions) {
    this.decisions = decisions;
    this.repository = repository;
    this.regions = regions;
  }

  /** The standard of the table for the area the application lives in. */
  public BigDecimal of(String decisionKey, ApplicationRecord application) {
    return of(decisionKey, regions.find(application.getRegionCode()).map(Region::getAreaType).orElse(URBAN));
  }

  public BigDecimal of(String decisionKey, String areaType) {
    int year = ClockUtil.getCurrentTime().toInstant().atZone(TimeConfig.BEIJING).getYear();
    DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
        .latestVersion().singleResult();
    if (latest == null) {
      throw new IllegalStateException("no decision table " + decisionKey + " is deployed");
    }
    return answers.computeIfAbsent(new Inputs(latest.getId(), areaType, year), inputs -> {
      Number value = decisions.evaluateDecisionTableById(inputs.decisionDefinitionId(),
          Map.of("areaType", inputs.areaType(), "year", inputs.year())).getSingleResult().getSingleEntry();
      return new BigDecimal(value.toString());
    });
  }
}
