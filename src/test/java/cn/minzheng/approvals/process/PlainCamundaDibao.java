package cn.minzheng.approvals.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/**
 * The bare engine the flow benchmark compares us with: Camunda 7 alone (no Spring, none of our
 * listeners, plugins or tables) running the same 低保 models from processes/ with no-op delegates and a
 * plain calendar-day {@code workdays} bean, configured as ours where it matters for the cost of a cycle:
 * history level full, JDBC batching, job executor off (the benchmark fires the 公示 timer itself).
 */
final class PlainCamundaDibao implements AutoCloseable {

  /** The models a 低保 case runs on, and the forms its tasks name (deployed together, as ours are). */
  static final List<String> MODELS = List.of("dibao.bpmn", "stage-acceptance.bpmn", "stage-public-notice.bpmn",
      "stage-appeal.bpmn", "dibao-standard.dmn");

  /** {@code ${workdays.dueIn(n)}} without a holiday calendar: n calendar days from now. */
  public static final class CalendarDays {
    public Date dueIn(int days) {
      return new Date(ClockUtil.getCurrentTime().getTime() + days * 86_400_000L);
    }
  }

  private final ProcessEngine engine;

  PlainCamundaDibao(DataSource dataSource, Path repositoryRoot) throws IOException {
    JavaDelegate noOp = execution -> { };
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("plain-camunda-bench");
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.setJdbcBatchProcessing(true);
    // ours sets the time-to-live in a parse listener; the models' own attribute is enough here
    configuration.setEnforceHistoryTimeToLive(false);
    configuration.setBeans(Map.of("issueNoticeDelegate", noOp, "publishRecipientDelegate", noOp,
        "calculateAmountDelegate", noOp, "workdays", new CalendarDays()));
    engine = configuration.buildProcessEngine();
    deploy(repositoryRoot);
  }

  ProcessEngine engine() {
    return engine;
  }

  private void deploy(Path root) throws IOException {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("dibao (plain)");
    for (String model : MODELS) {
      try (InputStream in = Files.newInputStream(root.resolve("processes").resolve(model))) {
        deployment.addInputStream("processes/" + model, in);
      }
    }
    try (Stream<Path> forms = Files.list(root.resolve("forms"))) {
      for (Path form : forms.filter(f -> f.getFileName().toString().startsWith("dibao-")
          || f.getFileName().toString().startsWith("stage-")).toList()) {
        deployment.addString("forms/" + form.getFileName(), Files.readString(form));
      }
    }
    deployment.deploy();
  }

  @Override
  public void close() {
    engine.close();
  }
}
