package cn.minzheng.approvals.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.minzheng.approvals.dashboard.Percentiles;

/**
 * One benchmark's figures: {@code target/bench/<name>.json} (machine-readable, with the machine and the
 * targets) and {@code <name>.txt} (for people). {@code .ci/bench} joins the targets of every report into
 * {@code target/bench/summary.md}. Benchmarks assert their results, never their times.
 */
public final class BenchReport {

  /** A measured figure against its target; {@code lowerIsBetter} says which side meets it. */
  public record Target(String metric, double measured, double target, String unit, boolean lowerIsBetter,
                       boolean met, String note) {
  }

  /** Percentiles of timed runs, in milliseconds. */
  public record Stats(int runs, double p50, double p95, double p99, double max, double mean) {

    /** The dashboard's percentiles (interpolated, as PostgreSQL's percentile_cont) of the runs' times. */
    public static Stats ofNanos(long[] nanos) {
      List<Long> runs = Arrays.stream(nanos).boxed().toList();
      double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
      return new Stats(nanos.length, ms(Percentiles.of(runs, 0.50)), ms(Percentiles.of(runs, 0.95)),
          ms(Percentiles.of(runs, 0.99)), ms(Arrays.stream(nanos).max().orElse(0)), round(mean));
    }
  }

  private final String name;
  private final String title;
  private final String loadBefore = loadAverage();
  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final List<Target> targets = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  private BenchReport(String name, String title) {
    this.name = name;
    this.title = title;
  }

  public static BenchReport named(String name, String title) {
    return new BenchReport(name, title);
  }

  public BenchReport put(String key, Object value) {
    figures.put(key, value);
    return this;
  }

  public BenchReport line(String line) {
    text.append(line).append('\n');
    return this;
  }

  public BenchReport atMost(String metric, double measured, double target, String unit, String note) {
    targets.add(new Target(metric, round(measured), target, unit, true, measured <= target, note));
    return this;
  }

  public BenchReport atLeast(String metric, double measured, double target, String unit, String note) {
    targets.add(new Target(metric, round(measured), target, unit, false, measured >= target, note));
    return this;
  }

  /** Writes both files and returns the text one. */
  public Path write(ObjectMapper json) throws IOException {
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    Map<String, Object> machine = machine();
    String loadAfter = loadAverage();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("benchmark", name);
    report.put("title", title);
    report.put("at", OffsetDateTime.now().toString());
    report.put("machine", machine);
    report.put("loadAverage", Map.of("before", loadBefore, "after", loadAfter));
    report.put("targets", targets);
    report.put("figures", figures);
    Files.writeString(dir.resolve(name + ".json"),
        json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report), StandardCharsets.UTF_8);

    StringBuilder out = new StringBuilder();
    out.append(title).append('\n');
    out.append(machine).append(", load average before ").append(loadBefore).append(", after ").append(loadAfter)
        .append("\n\n");
    for (Target t : targets) {
      out.append(String.format("%-4s %s: %s %s (target %s %s %s)%s%n", t.met() ? "MET" : "MISS", t.metric(),
          t.measured(), t.unit(), t.lowerIsBetter() ? "≤" : "≥", t.target(), t.unit(),
          t.note() == null ? "" : " — " + t.note()));
    }
    out.append('\n').append(text);
    Path file = dir.resolve(name + ".txt");
    Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    return file;
  }

  /** What the figures were measured on: the machine is shared, so its load is recorded too. */
  private static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cpus", Runtime.getRuntime().availableProcessors());
    machine.put("cpu", cpuModel());
    machine.put("memoryGiB", round(((com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean()).getTotalMemorySize() / 1024.0 / 1024 / 1024));
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / 1024 / 1024);
    return machine;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  public static double ms(long nanos) {
    return round(nanos / 1e6);
  }

  public static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
