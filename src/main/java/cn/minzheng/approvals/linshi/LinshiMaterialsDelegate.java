package cn.minzheng.approvals.linshi;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/**
 * 容缺受理: an application accepted while some of its listed materials are marked not provided goes on, and
 * the missing papers are supplemented afterwards (variable {@code materialsMissing}, and {@code missing} lists them).
 */
@ProcessBean
@Component("linshiMaterialsDelegate")
public class LinshiMaterialsDelegate implements JavaDelegate {

  private final ApplicationService applications;

  public LinshiMaterialsDelegate(ApplicationService applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    var missing = applications.materials(applicationId).stream().filter(m -> !m.isProvided())
        .map(m -> m.getDescription() == null ? m.getKind() : m.getDescription()).toList();
    execution.setVariable(LinshiProcess.VAR_MATERIALS_MISSING, !missing.isEmpty());
    if (!missing.isEmpty()) {
      execution.setVariable(ProcessVariables.MISSING, String.join("\n", missing));
    }
  }
}
