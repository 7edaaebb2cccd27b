package cn.minzheng.approvals.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the Spring context at the test PostgreSQL, creating the database first if needed. */
public class PostgresTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestDatabase.ensureExists();
    TestPropertyValues.of(
        "spring.datasource.url=" + TestDatabase.url(),
        "spring.datasource.username=" + TestDatabase.user(),
        "spring.datasource.password=" + TestDatabase.password()).applyTo(context.getEnvironment());
  }
}
