package cn.minzheng.approvals.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code processes/} and the forms of {@code forms/} at start-up, named by their
 * path in the repository (e.g. {@code processes/dibao.bpmn}) whatever directory or jar they are read
 * from. Nothing is deployed when nothing changed; when anything changed, all are deployed together,
 * because the models bind their forms by deployment ({@code camunda:formRefBinding="deployment"}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ModelDeployer implements ApplicationRunner {

  public static final String DEPLOYMENT_NAME = "minzheng-models";
  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);
  private static final String[] PATTERNS = {
      "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form"};

  private final RepositoryService repository;

  public ModelDeployer(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_NAME).source("repository")
        .enableDuplicateFiltering(false);
    List<String> names = new ArrayList<>();
    for (String pattern : PATTERNS) {
      for (Resource resource : resolver.getResources(pattern)) {
        String name = repositoryPath(resource);
        try (InputStream in = resource.getInputStream()) {
          deployment.addInputStream(name, in);
        }
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      log.warn("No models found under processes/ or forms/");
      return;
    }
    var deployed = deployment.deployWithResult();
    boolean changed = deployed.getDeployedProcessDefinitions() != null && !deployed.getDeployedProcessDefinitions().isEmpty()
        || deployed.getDeployedDecisionDefinitions() != null && !deployed.getDeployedDecisionDefinitions().isEmpty();
    log.info("Models {}: {}", changed ? "deployed as new versions" : "unchanged", names);
  }

  /** "…/processes/sub/x.bpmn" → "processes/sub/x.bpmn". */
  static String repositoryPath(Resource resource) throws IOException {
    String url = resource.getURL().toString();
    int at = Math.max(url.lastIndexOf("/processes/"), url.lastIndexOf("/forms/"));
    return at < 0 ? resource.getFilename() : url.substring(at + 1);
  }
}
