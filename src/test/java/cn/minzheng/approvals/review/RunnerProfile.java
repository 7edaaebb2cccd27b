package cn.minzheng.approvals.review;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.aopalliance.intercept.MethodInterceptor;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.minzheng.approvals.application.ApplicationMapper;
import cn.minzheng.approvals.audit.CaseEventMapper;
import cn.minzheng.approvals.audit.ledger.LedgerMapper;

/**
 * Where the runner's time goes, for the benchmark only: the wall time of its thread inside the engine
 * (RuntimeService: starting the review model, with its own inserts and our listeners' calls taken out),
 * inside our statements (review, application and case-event mappers) and inside the ledger's (written at
 * commit), each net of what it calls; and the CPU seconds of this JVM and of the database's sessions.
 */
final class RunnerProfile {

  static final String THREAD = "annual-review-bench";

  /** The layers timed, by the interface their beans implement. */
  static final Map<Class<?>, String> LAYERS = new LinkedHashMap<>();

  static {
    LAYERS.put(RuntimeService.class, "engine (Camunda process start)");
    LAYERS.put(ReviewMapper.class, "our SQL: mz_annual_review, mz_review_run");
    LAYERS.put(ApplicationMapper.class, "our SQL: mz_application (stage, instance)");
    LAYERS.put(CaseEventMapper.class, "our SQL: mz_app_event (history)");
    LAYERS.put(LedgerMapper.class, "ledger (head lock, rows, at commit)");
  }

  private static final Map<String, LongAdder> NANOS = new ConcurrentHashMap<>();
  private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
  private static final ThreadLocal<Deque<long[]>> CHILDREN = ThreadLocal.withInitial(ArrayDeque::new);

  private RunnerProfile() {
  }

  /** Wraps the layers' beans in a timer that counts only on the benchmark's runner thread. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Timers {

    @Bean
    static BeanPostProcessor runnerProfileTimers() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          for (Map.Entry<Class<?>, String> layer : LAYERS.entrySet()) {
            if (layer.getKey().isInstance(bean)) {
              ProxyFactory proxy = new ProxyFactory(bean);
              proxy.addInterface(layer.getKey());
              proxy.addAdvice(timer(layer.getValue()));
              return proxy.getProxy(bean.getClass().getClassLoader());
            }
          }
          return bean;
        }
      };
    }
  }

  private static MethodInterceptor timer(String layer) {
    return invocation -> {
      if (!THREAD.equals(Thread.currentThread().getName())) {
        return invocation.proceed();
      }
      Deque<long[]> children = CHILDREN.get();
      children.push(new long[1]);
      long start = System.nanoTime();
      try {
        return invocation.proceed();
      } finally {
        long elapsed = System.nanoTime() - start;
        long inner = children.pop()[0];
        NANOS.computeIfAbsent(layer, k -> new LongAdder()).add(elapsed - inner);
        CALLS.computeIfAbsent(layer, k -> new LongAdder()).increment();
        if (!children.isEmpty()) {
          children.peek()[0] += elapsed;
        }
      }
    };
  }

  /** Per layer: seconds, calls, milliseconds a household; the rest of the wall time as "other". */
  static Map<String, Map<String, Object>> split(double wallSeconds, int households) {
    Map<String, Map<String, Object>> split = new LinkedHashMap<>();
    double timed = 0;
    for (String layer : LAYERS.values()) {
      double seconds = NANOS.getOrDefault(layer, new LongAdder()).sum() / 1e9;
      timed += seconds;
      split.put(layer, layer(seconds, CALLS.getOrDefault(layer, new LongAdder()).sum(), wallSeconds, households));
    }
    split.put("other (our Java, JSON, waiting for the CPU, commit)", layer(wallSeconds - timed, 0, wallSeconds, households));
    return split;
  }

  private static Map<String, Object> layer(double seconds, long calls, double wallSeconds, int households) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("seconds", Math.round(seconds * 10) / 10.0);
    figures.put("share", Math.round(seconds / wallSeconds * 1000) / 10.0 + " %");
    figures.put("calls", calls);
    figures.put("msPerHousehold", Math.round(seconds * 1000 / households * 100) / 100.0);
    return figures;
  }

  /** CPU seconds so far of this JVM and of the database's sessions (where /proc shows them). */
  static double[] cpuSeconds(JdbcTemplate jdbc) {
    double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
    double database = 0;
    List<Integer> sessions = jdbc.queryForList(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database()", Integer.class);
    for (int pid : sessions) {
      try {
        // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second)
        String[] fields = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"))
            .replaceFirst("^.*\\) ", "").split(" ");
        database += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
      } catch (IOException | RuntimeException e) {
        // another machine or gone: not counted
      }
    }
    return new double[] {jvm, database};
  }
}
