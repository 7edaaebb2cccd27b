package cn.minzheng.approvals.config;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates only after the process engine has been built: our scripts index Camunda's tables
 * (V4), which the engine creates on a fresh database. Without this the order of the two is up to
 * Spring and V4 may meet no ACT_RU_TASK.
 */
@Configuration(proxyBeanMethods = false)
public class FlywayAfterEngineConfig {

  private static final Logger log = LoggerFactory.getLogger(FlywayAfterEngineConfig.class);

  /** Static: a post-processor must not wait for this configuration's own instance. */
  @Bean
  static BeanFactoryPostProcessor flywayAfterProcessEngine() {
    return FlywayAfterEngineConfig::dependOnEngine;
  }

  static void dependOnEngine(ConfigurableListableBeanFactory beanFactory) {
    // by type, without creating anything: the starter names the engine's factory bean processEngineFactoryBean
    String[] engines = beanFactory.getBeanNamesForType(ProcessEngine.class, true, false);
    String[] migrations = beanFactory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false);
    if (migrations.length > 0 && engines.length == 0) {
      log.warn("No process engine bean: Flyway may run before Camunda has created its tables");
    }
    for (String migration : migrations) {
      BeanDefinition definition = beanFactory.getBeanDefinition(migration);
      Set<String> dependsOn = new LinkedHashSet<>();
      if (definition.getDependsOn() != null) {
        dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
      }
      dependsOn.addAll(Arrays.asList(engines));
      definition.setDependsOn(dependsOn.toArray(String[]::new));
    }
  }
}
