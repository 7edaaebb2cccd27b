package cn.minzheng.approvals.cluster;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node of a cluster ({@code approvals.cluster.node-name}): the job log's host name and the job
 * executor's lock owner, so that who ran a job and who holds a lock can be told apart in the shared
 * database. Unset: Camunda's defaults (the address and a random lock owner).
 */
@Component
public class ClusterNodePlugin extends AbstractProcessEnginePlugin {

  private final String nodeName;

  public ClusterNodePlugin(@Value("${approvals.cluster.node-name:}") String nodeName) {
    this.nodeName = nodeName.strip();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (nodeName.isEmpty()) {
      return;
    }
    configuration.setHostname(nodeName);
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(nodeName);
    }
  }
}
