package cn.minzheng.approvals.yanglao;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/**
 * 老年人能力评估 (GB/T 42195-2022): the four domain scores of the assessment form → total → one of the five
 * grades by the DMN table {@code yanglao-ability-grade}, which also says whether a 护理床位 is needed.
 */
@ProcessBean
@Component("gradeAbilityDelegate")
public class GradeAbilityDelegate implements JavaDelegate {

  private final DecisionService decisions;
  private final ApplicationService applications;

  public GradeAbilityDelegate(DecisionService decisions, ApplicationService applications) {
    this.decisions = decisions;
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int total = 0;
    for (String domain : YanglaoProcess.DOMAIN_MAX.keySet()) {
      total += ((Number) execution.getVariable(domain)).intValue();
    }
    DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(YanglaoProcess.DECISION_GRADE,
        Map.of("totalScore", total)).getSingleResult();
    String grade = result.getEntry("grade");
    boolean nursing = Boolean.TRUE.equals(result.getEntry("nursing"));
    execution.setVariable(YanglaoProcess.VAR_GRADE, grade);
    execution.setVariable(YanglaoProcess.VAR_NURSING, nursing);
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    applications.recordData(applicationId, Map.of("abilityScore", total, "abilityGrade", grade, "nursingCare", nursing));
  }
}
