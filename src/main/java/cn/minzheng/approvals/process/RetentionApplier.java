package cn.minzheng.approvals.process;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, after the models are deployed: every process definition already in the database gets
 * the history time-to-live now configured for its key (a changed setting reaches old versions too, and
 * with them the cases that ran on them).
 */
@Component
public class RetentionApplier implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RetentionApplier.class);

  private final RepositoryService repository;
  private final RetentionProperties retention;

  public RetentionApplier(RepositoryService repository, RetentionProperties retention) {
    this.repository = repository;
    this.retention = retention;
  }

  @Override
  public void run(ApplicationArguments args) {
    int changed = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      int days = retention.daysOf(definition.getKey());
      if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
        changed++;
      }
    }
    if (changed > 0) {
      log.info("History time-to-live set on {} process definitions", changed);
    }
  }
}
