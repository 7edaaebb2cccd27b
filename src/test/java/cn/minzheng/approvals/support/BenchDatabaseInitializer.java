package cn.minzheng.approvals.support;

import java.util.function.Supplier;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the Spring context at the benchmarks' PostgreSQL database, creating it first if needed (kept
 * between runs); {@link FreshAnnualReview}, {@link FreshFlow} and {@link FreshNotices} instead at their
 * benchmark's own one, made afresh for every run.
 */
public class BenchDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private final Supplier<String> url;
  private final boolean fresh;

  public BenchDatabaseInitializer() {
    this(TestDatabase::benchUrl, false);
  }

  protected BenchDatabaseInitializer(Supplier<String> url, boolean fresh) {
    this.url = url;
    this.fresh = fresh;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String database = url.get();
    if (fresh) {
      TestDatabase.recreate(database);
    } else {
      TestDatabase.ensureExists(database);
    }
    TestPropertyValues.of(
        "spring.datasource.url=" + database,
        "spring.datasource.username=" + TestDatabase.user(),
        "spring.datasource.password=" + TestDatabase.password()).applyTo(context.getEnvironment());
  }

  /** {@code minzheng_bench_review}: the run creates 100k process instances, a second run must not find them. */
  public static class FreshAnnualReview extends BenchDatabaseInitializer {

    public FreshAnnualReview() {
      super(() -> TestDatabase.benchUrl("review"), true);
    }
  }

  /** {@code minzheng_bench_notices}: the end-to-end notice files a real case, kept out of the inbox data set. */
  public static class FreshNotices extends BenchDatabaseInitializer {

    public FreshNotices() {
      super(() -> TestDatabase.benchUrl("notices"), true);
    }
  }

  /** {@code minzheng_bench_flow}: the flow's figures must not depend on what earlier runs left. */
  public static class FreshFlow extends BenchDatabaseInitializer {

    public FreshFlow() {
      super(() -> TestDatabase.benchUrl("flow"), true);
    }
  }
}
