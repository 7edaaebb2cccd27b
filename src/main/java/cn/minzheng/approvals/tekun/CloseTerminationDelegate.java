package cn.minzheng.approvals.tekun;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/** Ends a 终止 procedure with the outcome named by the service task's input {@code terminationOutcome}. */
@ProcessBean
@Component("closeTerminationDelegate")
public class CloseTerminationDelegate implements JavaDelegate {

  private final TekunTerminations terminations;

  public CloseTerminationDelegate(TekunTerminations terminations) {
    this.terminations = terminations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    terminations.close(((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue(),
        (String) execution.getVariableLocal(TekunTerminationProcess.VAR_OUTCOME));
  }
}
