package cn.minzheng.approvals.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the Spring context at the benchmarks' PostgreSQL database, creating it first if needed. */
public class BenchDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestDatabase.ensureExists(TestDatabase.benchUrl());
    TestPropertyValues.of(
        "spring.datasource.url=" + TestDatabase.benchUrl(),
        "spring.datasource.username=" + TestDatabase.user(),
        "spring.datasource.password=" + TestDatabase.password()).applyTo(context.getEnvironment());
  }
}
