package cn.minzheng.approvals.tekun;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.process.ProcessBean;

/** 生活自理能力评估: counts the six items the person cannot manage and grades by the DMN table tekun-self-care. */
@ProcessBean
@Component("gradeSelfCareDelegate")
public class GradeSelfCareDelegate implements JavaDelegate {

  private final DecisionService decisions;

  public GradeSelfCareDelegate(DecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int failed = 0;
    for (String item : TekunProcess.SELF_CARE_ITEMS) {
      if (!Boolean.TRUE.equals(execution.getVariable(item))) {
        failed++;
      }
    }
    String level = decisions.evaluateDecisionTableByKey(TekunProcess.DECISION_SELF_CARE, Map.of("failedItems", failed))
        .getSingleResult().getSingleEntry();
    execution.setVariable(TekunProcess.VAR_SELF_CARE, level);
  }
}
