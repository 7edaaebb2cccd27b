package cn.minzheng.approvals.admin.check;

import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * Runs the model checks on every new deployment, whichever way it comes (our API, the Camunda webapps,
 * /engine-rest, {@code processes/} at start-up), before any deployer sees it. A failing deployment
 * throws, so the command's transaction rolls back and nothing is deployed. Deployments read back from
 * the database (cache refills) are not new and are not checked again.
 */
public class ModelCheckPreDeployer implements Deployer {

  private final ModelChecker checker;

  public ModelCheckPreDeployer(ModelChecker checker) {
    this.checker = checker;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    List<ModelResource> set = deployment.getResources().values().stream()
        .map(r -> new ModelResource(r.getName(), r.getBytes())).toList();
    List<ModelProblem> problems = checker.check(set, new EngineModelCatalog(Context.getCommandContext()));
    if (!problems.isEmpty()) {
      throw new ModelCheckException(deployment.getName(), problems);
    }
  }
}
