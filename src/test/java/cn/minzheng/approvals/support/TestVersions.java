package cn.minzheng.approvals.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * New versions of a process model for tests of versions and migration: deployed like ModelDeployer
 * does (with every other resource of the current version's deployment, because call activities and
 * forms are bound by deployment), and removed again afterwards so that later tests start on the
 * model of the repository.
 */
public final class TestVersions {

  private final RepositoryService repository;
  private final List<String> deployments = new ArrayList<>();

  public TestVersions(RepositoryService repository) {
    this.repository = repository;
  }

  public ProcessDefinition latest(String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  /** The latest version's model as text. */
  public String model(String key) {
    try (InputStream in = repository.getProcessModel(latest(key).getId())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deploys the latest model of {@code key} changed by {@code edit} as the next version. */
  public ProcessDefinition deployEdited(String key, UnaryOperator<String> edit) {
    ProcessDefinition current = latest(key);
    String edited = edit.apply(model(key));
    if (edited.equals(model(key))) {
      throw new IllegalArgumentException("the edit changed nothing");
    }
    List<String> others = repository.getDeploymentResourceNames(current.getDeploymentId()).stream()
        .filter(name -> !name.equals(current.getResourceName())).toList();
    Deployment deployment = repository.createDeployment().name("test-version")
        .addDeploymentResourcesByName(current.getDeploymentId(), others)
        .addString(current.getResourceName(), edited)
        .deploy();
    remember(deployment.getId());
    return latest(key);
  }

  /** A deployment made elsewhere in the test (e.g. through the workbench) to remove afterwards. */
  public void remember(String deploymentId) {
    deployments.add(deploymentId);
  }

  /** Remembers, to remove afterwards, every deployment holding a version of {@code key} after {@code version}. */
  public void rememberVersionsAfter(String key, int version) {
    repository.createProcessDefinitionQuery().processDefinitionKey(key).list().stream()
        .filter(d -> d.getVersion() > version).map(ProcessDefinition::getDeploymentId)
        .filter(id -> !deployments.contains(id)).forEach(deployments::add);
  }

  /** Removes the versions deployed during the test, with their instances. */
  public void removeAll() {
    for (String id : deployments) {
      repository.deleteDeployment(id, true, true, true);
    }
    deployments.clear();
  }
}
