package cn.minzheng.approvals.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.admin.check.ModelCheckPreDeployer;
import cn.minzheng.approvals.admin.check.ModelChecker;
import cn.minzheng.approvals.config.ApprovalsProperties;

/**
 * Hardens the engine: a bean whitelist for expressions, the model checks on every deployment (no
 * scripts, known beans and variables, …), our history retention, and no per-task authorization rows
 * (task access is ours: {@link CaseTaskAuthorizations}).
 */
@Component
public class ApprovalsEnginePlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;
  private final ApprovalsProperties properties;
  private final ModelChecker checker;
  private final RetentionProperties retention;

  public ApprovalsEnginePlugin(ApplicationContext context, ApprovalsProperties properties, ModelChecker checker,
                               RetentionProperties retention) {
    this.context = context;
    this.properties = properties;
    this.checker = checker;
    this.retention = retention;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ProcessBeanWhitelist whitelist = new ProcessBeanWhitelist(context);
    configuration.setBeans(whitelist);
    configuration.setExpressionManager(new SpringExpressionManager(context, whitelist));

    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new UnsafeModelParseListener());
    listeners.add(new RetentionParseListener(retention));
    configuration.setCustomPreBPMNParseListeners(listeners);

    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(new ModelCheckPreDeployer(checker));
    configuration.setCustomPreDeployers(preDeployers);

    configuration.setResourceAuthorizationProvider(new CaseTaskAuthorizations());

    // the fallback (decisions, anything without a process key of its own); processes get theirs from retention
    configuration.setHistoryTimeToLive(String.valueOf(properties.historyTimeToLiveDays()));
  }
}
