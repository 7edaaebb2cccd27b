package cn.minzheng.approvals.support;

import java.util.function.Supplier;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the Spring context at the benchmarks' PostgreSQL database, creating it first if needed (kept
 * between runs); {@link FreshAnnualReview} instead at the annual-review benchmark's own one, made afresh.
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

  /** {@link TestDatabase#benchReviewUrl()}, dropped and created empty for every run. */
  public static class FreshAnnualReview extends BenchDatabaseInitializer {

    public FreshAnnualReview() {
      super(TestDatabase::benchReviewUrl, true);
    }
  }
}
