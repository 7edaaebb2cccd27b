package cn.minzheng.approvals.binzang;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/** A burial subsidy is paid once: the approval does not keep the arranger "open" (e.g. for another deceased). */
@ProcessBean
@Component("binzangCloseDelegate")
public class BinzangCloseDelegate implements JavaDelegate {

  private final BinzangMapper mapper;

  public BinzangCloseDelegate(BinzangMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mapper.releasePersons(((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue());
  }
}
