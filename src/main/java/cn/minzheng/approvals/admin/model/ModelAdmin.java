package cn.minzheng.approvals.admin.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.approvals.admin.AdminAction;
import cn.minzheng.approvals.admin.AdminAudit;
import cn.minzheng.approvals.admin.check.EngineModelCatalog;
import cn.minzheng.approvals.admin.check.ModelChecker;
import cn.minzheng.approvals.admin.check.ModelProblem;
import cn.minzheng.approvals.admin.check.ModelReferences;
import cn.minzheng.approvals.admin.check.ModelResource;

/**
 * The administrators' models: check an upload, deploy it as a new version (with what it binds, see
 * {@link ModelSet}) and a change note recorded for auditors, list the versions and read one back.
 * New versions serve new applications; running cases stay on the version they started with.
 */
@Service
public class ModelAdmin {

  static final String ACTION_DEPLOY = "model.deploy";
  /** Deployment name of an administrator's deployment: "admin:<key of the uploaded model>". */
  static final String DEPLOYMENT_PREFIX = "admin:";

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ProcessEngineConfigurationImpl engine;
  private final ModelChecker checker;
  private final AdminAudit audit;

  public ModelAdmin(RepositoryService repository, RuntimeService runtime, ProcessEngineConfigurationImpl engine,
                    ModelChecker checker, AdminAudit audit) {
    this.repository = repository;
    this.runtime = runtime;
    this.engine = engine;
    this.checker = checker;
    this.audit = audit;
  }

  /** The deployment the file would become, and what the checks find in it. */
  record Checked(ModelSet set, List<ModelProblem> problems) {
  }

  /** A deployed version; {@code deploymentId} names the deployment. */
  public record Deployed(String key, int version, String deploymentId) {
  }

  public Checked check(String filename, byte[] bytes) {
    return inCommand(command -> {
      EngineModelCatalog catalog = new EngineModelCatalog(command);
      ModelSet set = ModelSet.of(filename, bytes, catalog.deployed());
      return new Checked(set, checker.check(set.resources(), catalog));
    });
  }

  /**
   * Deploys a file that passed the checks (the engine's pre-deployer checks it again and refuses with
   * {@link cn.minzheng.approvals.admin.check.ModelCheckException}); the audit record is part of the same
   * transaction.
   */
  @Transactional
  public Deployed deploy(Checked checked, String note, String actor) {
    ModelSet set = checked.set();
    ModelReferences model = set.references().orElseThrow(() -> new IllegalStateException("deploy an unchecked file"));
    DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_PREFIX + model.key()).source("admin");
    for (ModelResource resource : set.resources()) {
      deployment.addInputStream(resource.name(), new ByteArrayInputStream(resource.bytes()));
    }
    DeploymentWithDefinitions result = deployment.deployWithResult();
    ModelResource.Kind kind = set.uploaded().kind();
    int version = versionIn(kind, model.key(), result.getId());
    audit.record(actor, ACTION_DEPLOY, target(kind, model.key(), version), note,
        set.previous().map(p -> text(p.bytes())).orElse(null), text(set.uploaded().bytes()));
    return new Deployed(model.key(), version, result.getId());
  }

  public List<ModelVersions> list() {
    List<Definition> definitions = definitions();
    Map<String, Deployment> deployments = new LinkedHashMap<>();
    repository.createDeploymentQuery().list().forEach(d -> deployments.put(d.getId(), d));
    Map<String, ModelVersions> models = new LinkedHashMap<>();
    definitions.sort(Comparator.comparing(Definition::kind).thenComparing(Definition::key).thenComparing(Definition::version));
    for (Definition definition : definitions) {
      Deployment deployment = deployments.get(definition.deploymentId());
      Optional<AdminAction> record = deploymentRecord(definition, deployment, definitions);
      long running = definition.kind() == ModelResource.Kind.BPMN
          ? runtime.createProcessInstanceQuery().processDefinitionId(definition.id()).count() : 0;
      ModelVersions.Version version = new ModelVersions.Version(definition.version(),
          deployment == null ? null : deployment.getDeploymentTime(),
          record.map(AdminAction::getActor).orElse("system"),
          record.map(AdminAction::getNote).orElse(null), running);
      models.computeIfAbsent(definition.kind() + ":" + definition.key(), k -> new ModelVersions(definition.key(),
          definition.name(), definition.kind().name().toLowerCase(), new ArrayList<>())).versions().add(version);
    }
    return new ArrayList<>(models.values());
  }

  /** The file of one version: its resource name and bytes. */
  public Optional<ModelResource> file(String key, int version) {
    return definitions().stream().filter(d -> d.key().equals(key) && d.version() == version).findFirst()
        .map(d -> {
          try (InputStream in = repository.getResourceAsStream(d.deploymentId(), d.resourceName())) {
            return new ModelResource(d.resourceName(), in.readAllBytes());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** One deployed process, decision or form definition. */
  private record Definition(ModelResource.Kind kind, String id, String key, String name, int version,
                            String deploymentId, String resourceName) {
  }

  private List<Definition> definitions() {
    List<Definition> all = new ArrayList<>();
    for (ProcessDefinition p : repository.createProcessDefinitionQuery().list()) {
      all.add(new Definition(ModelResource.Kind.BPMN, p.getId(), p.getKey(), p.getName() == null ? p.getKey() : p.getName(),
          p.getVersion(), p.getDeploymentId(), p.getResourceName()));
    }
    for (DecisionDefinition d : repository.createDecisionDefinitionQuery().list()) {
      all.add(new Definition(ModelResource.Kind.DMN, d.getId(), d.getKey(), d.getName() == null ? d.getKey() : d.getName(),
          d.getVersion(), d.getDeploymentId(), d.getResourceName()));
    }
    List<String> deploymentIds = repository.createDeploymentQuery().list().stream().map(Deployment::getId).toList();
    inCommand(command -> {
      for (String deploymentId : deploymentIds) {
        for (CamundaFormDefinitionEntity f : command.getCamundaFormDefinitionManager().findDefinitionsByDeploymentId(deploymentId)) {
          all.add(new Definition(ModelResource.Kind.FORM, f.getId(), f.getKey(), f.getKey(), f.getVersion(),
              f.getDeploymentId(), f.getResourceName()));
        }
      }
      return null;
    });
    return all;
  }

  /**
   * Who deployed a version and why: its own record, or, for what travelled along in an administrator's
   * deployment, the record of the model that was uploaded; start-up deployments have none.
   */
  private Optional<AdminAction> deploymentRecord(Definition definition, Deployment deployment, List<Definition> all) {
    Optional<AdminAction> own = latestRecord(target(definition.kind(), definition.key(), definition.version()));
    if (own.isPresent() || deployment == null || deployment.getName() == null || !deployment.getName().startsWith(DEPLOYMENT_PREFIX)) {
      return own;
    }
    String uploadedKey = deployment.getName().substring(DEPLOYMENT_PREFIX.length());
    return all.stream()
        .filter(d -> d.deploymentId().equals(deployment.getId()) && d.key().equals(uploadedKey))
        .findFirst()
        .flatMap(d -> latestRecord(target(d.kind(), d.key(), d.version())));
  }

  private Optional<AdminAction> latestRecord(String target) {
    return audit.recent(target, 1).stream().findFirst();
  }

  private int versionIn(ModelResource.Kind kind, String key, String deploymentId) {
    return switch (kind) {
      case BPMN -> repository.createProcessDefinitionQuery().deploymentId(deploymentId).processDefinitionKey(key)
          .singleResult().getVersion();
      case DMN -> repository.createDecisionDefinitionQuery().deploymentId(deploymentId).decisionDefinitionKey(key)
          .singleResult().getVersion();
      default -> inCommand(command -> command.getCamundaFormDefinitionManager()
          .findDefinitionByDeploymentAndKey(deploymentId, key).getVersion());
    };
  }

  /** The audit target of a model version, e.g. "model:bpmn:dibao:v2". */
  static String target(ModelResource.Kind kind, String key, int version) {
    return "model:" + kind.name().toLowerCase() + ":" + key + ":v" + version;
  }

  private <T> T inCommand(Function<CommandContext, T> work) {
    return engine.getCommandExecutorTxRequired().execute(work::apply);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

}
