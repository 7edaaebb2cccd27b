package cn.minzheng.approvals.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;

/**
 * Counts the SQL a benchmark sends, on the benchmark's own threads only (scheduled work of the app is not
 * counted): statements (each statement of a JDBC batch counts), round trips (an execute or a batch) and
 * commits. Wraps a data source so that every connection it hands out is counted; the wrapped source keeps
 * its class, so Spring and Camunda see the same bean.
 */
public final class StatementCounter {

  /** Figures so far; subtract two to get the figures of a stretch of work. */
  public record Counts(long statements, long roundTrips, long commits) {

    public Counts minus(Counts earlier) {
      return new Counts(statements - earlier.statements, roundTrips - earlier.roundTrips, commits - earlier.commits);
    }

    public Counts plus(Counts more) {
      return new Counts(statements + more.statements, roundTrips + more.roundTrips, commits + more.commits);
    }
  }

  private final ThreadLocal<Boolean> counting = ThreadLocal.withInitial(() -> Boolean.FALSE);
  private final LongAdder statements = new LongAdder();
  private final LongAdder roundTrips = new LongAdder();
  private final LongAdder commits = new LongAdder();
  private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();

  /** Counts what the calling thread sends from now on (until {@link #stop()}). */
  public void start() {
    counting.set(Boolean.TRUE);
  }

  public void stop() {
    counting.set(Boolean.FALSE);
  }

  public Counts counts() {
    return new Counts(statements.sum(), roundTrips.sum(), commits.sum());
  }

  /** The statements sent most often so far (SQL text with its whitespace folded), most frequent first. */
  public Map<String, Long> mostFrequent(int limit) {
    Map<String, Long> byText = new HashMap<>();
    bySql.forEach((sql, n) -> byText.merge(fold(sql), n.sum(), Long::sum));
    Map<String, Long> top = new LinkedHashMap<>();
    byText.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  /** Forgets the statements counted by SQL text (the totals stay). */
  public void clearStatements() {
    bySql.clear();
  }

  /** The same data source (a subclass proxy), its connections counted. */
  public DataSource wrap(DataSource target) {
    ProxyFactory factory = new ProxyFactory(target);
    factory.setProxyTargetClass(true);
    factory.addAdvice((MethodInterceptor) invocation -> {
      Object result = invocation.proceed();
      return result instanceof Connection connection ? connection(connection) : result;
    });
    return (DataSource) factory.getProxy(target.getClass().getClassLoader());
  }

  private Connection connection(Connection target) {
    return proxy(Connection.class, target, (method, args, result) -> {
      switch (method.getName()) {
        case "createStatement" -> {
          return proxy(Statement.class, (Statement) result, (m, a, r) -> onStatement(m, a, r, null));
        }
        case "prepareStatement" -> {
          String sql = (String) args[0];
          return proxy(PreparedStatement.class, (PreparedStatement) result, (m, a, r) -> onStatement(m, a, r, sql));
        }
        case "prepareCall" -> {
          String sql = (String) args[0];
          return proxy(CallableStatement.class, (CallableStatement) result, (m, a, r) -> onStatement(m, a, r, sql));
        }
        case "commit" -> count(commits, 1);
        default -> {
        }
      }
      return result;
    });
  }

  private Object onStatement(Method method, Object[] args, Object result, String preparedSql) {
    String name = method.getName();
    if (name.equals("addBatch")) {
      count(statements, 1);
      bySql(preparedSql != null ? preparedSql : args != null && args.length > 0 ? (String) args[0] : null);
    } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
      count(roundTrips, 1);
    } else if (name.startsWith("execute")) {
      count(statements, 1);
      count(roundTrips, 1);
      bySql(preparedSql != null ? preparedSql : args != null && args.length > 0 ? (String) args[0] : null);
    }
    return result;
  }

  private void bySql(String sql) {
    if (sql != null && counting.get()) {
      // by the text as sent; folded only when reported, so counting costs little next to the statement
      bySql.computeIfAbsent(sql, k -> new LongAdder()).increment();
    }
  }

  private static String fold(String sql) {
    String text = sql.replaceAll("\\s+", " ").trim();
    return text.length() > 160 ? text.substring(0, 160) + " …" : text;
  }

  private void count(LongAdder adder, long n) {
    if (counting.get()) {
      adder.add(n);
    }
  }

  /** After a call on the target: may replace the result (e.g. wrap a statement). */
  private interface After {
    Object apply(Method method, Object[] args, Object result) throws Exception;
  }

  private static <T> T proxy(Class<T> type, T target, After after) {
    InvocationHandler handler = (proxy, method, args) -> {
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      return after.apply(method, args, result);
    };
    return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
