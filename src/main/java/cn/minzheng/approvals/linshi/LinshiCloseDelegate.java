package cn.minzheng.approvals.linshi;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/**
 * 临时救助 is paid once: unlike 低保 an approval does not keep the person "open", so they may apply again —
 * for the same cause only after a year (LinshiProcess.validateData).
 */
@ProcessBean
@Component("linshiCloseDelegate")
public class LinshiCloseDelegate implements JavaDelegate {

  private final LinshiMapper mapper;

  public LinshiCloseDelegate(LinshiMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mapper.releasePersons(((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue());
  }
}
