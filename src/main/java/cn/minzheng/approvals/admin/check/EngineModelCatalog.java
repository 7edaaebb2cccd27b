package cn.minzheng.approvals.admin.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The deployed models as the engine has them, read inside a command (the pre-deployer's, or one of our
 * own): the latest version of every process and decision, and the forms deployed with those processes.
 * Authorization checks are off while reading: what the check compares against is not the user's view.
 */
public final class EngineModelCatalog implements ModelCatalog {

  private final CommandContext command;
  private List<ModelResource> deployed;

  public EngineModelCatalog(CommandContext command) {
    this.command = command;
  }

  @Override
  public List<ModelResource> deployed() {
    if (deployed == null) {
      command.disableAuthorizationCheck();
      try {
        deployed = read();
      } finally {
        command.enableAuthorizationCheck();
      }
    }
    return deployed;
  }

  private List<ModelResource> read() {
    // deployment id → resource names wanted from it; forms: all of a process's deployment
    Map<String, Set<String>> wanted = new LinkedHashMap<>();
    Set<String> withForms = new LinkedHashSet<>();
    ProcessDefinitionQueryImpl processes = new ProcessDefinitionQueryImpl();
    processes.latestVersion();
    for (ProcessDefinition process : processes.executeList(command, null)) {
      wanted.computeIfAbsent(process.getDeploymentId(), d -> new LinkedHashSet<>()).add(process.getResourceName());
      withForms.add(process.getDeploymentId());
    }
    DecisionDefinitionQueryImpl decisions = new DecisionDefinitionQueryImpl();
    decisions.latestVersion();
    for (DecisionDefinition decision : decisions.executeList(command, null)) {
      wanted.computeIfAbsent(decision.getDeploymentId(), d -> new LinkedHashSet<>()).add(decision.getResourceName());
    }
    List<ModelResource> resources = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    // oldest deployment first: a form deployed again later comes after (and so wins over) its older copy
    List<String> deployments = new ArrayList<>(wanted.keySet());
    deployments.sort(java.util.Comparator.comparing(id -> command.getDeploymentManager().findDeploymentById(id).getDeploymentTime()));
    for (String deploymentId : deployments) {
      Set<String> names = wanted.get(deploymentId);
      for (ResourceEntity resource : command.getResourceManager().findResourcesByDeploymentId(deploymentId)) {
        boolean form = resource.getName().endsWith(".form") && withForms.contains(deploymentId);
        if ((names.contains(resource.getName()) || form) && seen.add(deploymentId + "/" + resource.getName())) {
          resources.add(new ModelResource(resource.getName(), resource.getBytes()));
        }
      }
    }
    return resources;
  }

  @Override
  public boolean groupExists(String groupId) {
    return command.getReadOnlyIdentityProvider().findGroupById(groupId) != null;
  }
}
