package cn.minzheng.approvals.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.config.ApprovalsProperties;

/** Hardens the engine: a bean whitelist for expressions, no scripts, and our history retention. */
@Component
public class ApprovalsEnginePlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;
  private final ApprovalsProperties properties;

  public ApprovalsEnginePlugin(ApplicationContext context, ApprovalsProperties properties) {
    this.context = context;
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ProcessBeanWhitelist whitelist = new ProcessBeanWhitelist(context);
    configuration.setBeans(whitelist);
    configuration.setExpressionManager(new SpringExpressionManager(context, whitelist));

    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new UnsafeModelParseListener());
    configuration.setCustomPreBPMNParseListeners(listeners);

    // applies to every definition that does not set its own
    configuration.setHistoryTimeToLive(String.valueOf(properties.historyTimeToLiveDays()));
  }
}
