package cn.minzheng.approvals.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.ibatis.session.RowBounds;
import org.springframework.stereotype.Service;

import cn.minzheng.approvals.application.ApplicationData;
import cn.minzheng.approvals.application.ApplicationStatus;
import cn.minzheng.approvals.region.Region;
import cn.minzheng.approvals.region.RegionService;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.web.ApiException;

/**
 * The figures of the dashboard (api-contract.md GET /api/dashboard), always within the caller's region:
 * the district for district staff, auditors and administrators, the street for street staff. Every figure
 * carries the filters of GET /api/applications that list the cases behind it ({@code cases}).
 */
@Service
public class Dashboard {

  /** At most this many finished durations per figure: percentiles over the newest, never an unbounded read. */
  static final int DURATION_SAMPLE = 5000;
  /** 生活不能自理: the self-care levels GradeSelfCareDelegate gives to people who cannot look after themselves. */
  static final Set<String> CANNOT_CARE_FOR_SELF = Set.of("部分失能", "完全失能");

  private final DashboardMapper figures;
  private final RegionService regions;
  private final Clock clock;

  public Dashboard(DashboardMapper figures, RegionService regions, Clock clock) {
    this.figures = figures;
    this.regions = regions;
    this.clock = clock;
  }

  public Map<String, Object> of(CurrentUser user) {
    String level = user.regionLevel();
    String code = user.regionCode();
    if (level == null || code == null) {
      throw ApiException.forbidden();
    }
    Map<String, String> names = regions.all().stream().collect(Collectors.toMap(Region::getCode, Region::getName));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("scope", Map.of("level", level, "code", code, "name", names.getOrDefault(code, code)));
    answer.put("openByStage", openByStage(level, code, names));
    answer.put("overdueByStreet", overdue(level, code, names));
    answer.put("outcomes", outcomes(level, code));
    answer.put("appeals", appeals(level, code));
    answer.put("processingTimes", Map.of("processes", processTimes(level, code), "stages", stageTimes(level, code)));
    answer.put("indicators", Map.of("tekunConcentratedCare", tekunConcentratedCare(level, code),
        "dibaoByStreet", dibaoByStreet(level, code, names), "nursingBeds", nursingBeds(level, code)));
    return answer;
  }

  private List<Map<String, Object>> openByStage(String level, String code, Map<String, String> names) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> r : figures.openByStage(level, code)) {
      String street = (String) r.get("street");
      rows.add(row("street", street, "streetName", names.getOrDefault(street, street), "type", r.get("type"),
          "stage", r.get("stage"), "cases", count(r.get("cases")),
          "link", link("street", street, "type", r.get("type"), "stage", r.get("stage"), "open", true)));
    }
    return rows;
  }

  private List<Map<String, Object>> overdue(String level, String code, Map<String, String> names) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> r : figures.overdueByStreet(level, code, LocalDate.now(clock))) {
      String street = (String) r.get("street");
      rows.add(row("street", street, "streetName", names.getOrDefault(street, street), "cases", count(r.get("cases")),
          "link", link("street", street, "overdue", true)));
    }
    return rows;
  }

  private List<Map<String, Object>> outcomes(String level, String code) {
    Map<String, long[]> byType = new TreeMap<>();
    for (Map<String, Object> r : figures.outcomes(level, code)) {
      long[] counts = byType.computeIfAbsent((String) r.get("type"), t -> new long[2]);
      counts[ApplicationStatus.APPROVED.equals(r.get("status")) ? 0 : 1] += count(r.get("cases"));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    byType.forEach((type, c) -> rows.add(row("type", type, "approved", c[0], "rejected", c[1],
        "approvalRate", rate(c[0], c[0] + c[1]), "refusalRate", rate(c[1], c[0] + c[1]),
        "approvedLink", link("type", type, "status", ApplicationStatus.APPROVED),
        "rejectedLink", link("type", type, "status", ApplicationStatus.REJECTED))));
    return rows;
  }

  /** Appealed cases by their state now: still being decided, refusal upheld, or re-opened (any other state). */
  private List<Map<String, Object>> appeals(String level, String code) {
    Map<String, Map<String, Long>> byType = new TreeMap<>();
    for (Map<String, Object> r : figures.appeals(level, code)) {
      String status = (String) r.get("status");
      String outcome = ApplicationStatus.APPEALING.equals(status) ? "pending"
          : ApplicationStatus.REJECTED.equals(status) ? "upheld" : "reopened";
      byType.computeIfAbsent((String) r.get("type"), t -> new TreeMap<>()).merge(outcome, count(r.get("cases")), Long::sum);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    byType.forEach((type, outcomes) -> rows.add(row("type", type, "pending", outcomes.getOrDefault("pending", 0L),
        "upheld", outcomes.getOrDefault("upheld", 0L), "reopened", outcomes.getOrDefault("reopened", 0L),
        "link", link("type", type, "appealed", true))));
    return rows;
  }

  private List<Map<String, Object>> processTimes(String level, String code) {
    Map<String, List<Long>> byType = group(figures.processDurations(level, code, new RowBounds(0, DURATION_SAMPLE)),
        r -> (String) r.get("type"));
    List<Map<String, Object>> rows = new ArrayList<>();
    byType.forEach((type, millis) -> rows.add(row("type", type, "samples", (long) millis.size(),
        "medianMillis", Percentiles.of(millis, 0.5), "p90Millis", Percentiles.of(millis, 0.9),
        "link", link("type", type))));
    return rows;
  }

  private List<Map<String, Object>> stageTimes(String level, String code) {
    Map<String, List<Long>> byStage = group(figures.taskDurations(level, code, new RowBounds(0, DURATION_SAMPLE)),
        r -> r.get("type") + "|" + r.get("taskKey"));
    List<Map<String, Object>> rows = new ArrayList<>();
    byStage.forEach((key, millis) -> {
      String[] parts = key.split("\\|", 2);
      rows.add(row("type", parts[0], "taskKey", parts[1], "samples", (long) millis.size(),
          "medianMillis", Percentiles.of(millis, 0.5), "p90Millis", Percentiles.of(millis, 0.9),
          "link", link("type", parts[0])));
    });
    return rows;
  }

  /** 生活不能自理特困人员集中供养率: of the approved 特困 people graded 部分/完全失能, those in institution care. */
  private Map<String, Object> tekunConcentratedCare(String level, String code) {
    long all = 0;
    long institution = 0;
    for (Map<String, Object> r : figures.tekunCare(level, code)) {
      if (CANNOT_CARE_FOR_SELF.contains((String) r.get("selfCare"))) {
        all++;
        if ("institution".equals(ApplicationData.value(text(r.get("dataJson")), "careMode"))) {
          institution++;
        }
      }
    }
    return row("institution", institution, "cannotCareForSelf", all, "rate", rate(institution, all),
        "link", link("type", "tekun", "status", ApplicationStatus.APPROVED));
  }

  private List<Map<String, Object>> dibaoByStreet(String level, String code, Map<String, String> names) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> r : figures.dibaoByStreet(level, code)) {
      String street = (String) r.get("street");
      rows.add(row("street", street, "streetName", names.getOrDefault(street, street),
          "households", count(r.get("households")), "persons", count(r.get("persons")),
          "amount", r.get("amount") == null ? BigDecimal.ZERO : new BigDecimal(r.get("amount").toString()),
          "link", link("street", street, "type", "dibao", "status", ApplicationStatus.APPROVED)));
    }
    return rows;
  }

  /** 养老机构护理型床位占比 of the institutions registered in the caller's region (no cases behind it). */
  private Map<String, Object> nursingBeds(String level, String code) {
    String prefix = switch (level) {
      case Region.DISTRICT -> code.substring(0, Math.min(6, code.length()));
      case Region.STREET -> code.substring(0, Math.min(9, code.length()));
      default -> code;
    };
    Map<String, Object> r = figures.beds(prefix);
    long beds = r == null ? 0 : count(r.get("beds"));
    long nursing = r == null ? 0 : count(r.get("nursing"));
    return row("nursing", nursing, "beds", beds, "rate", rate(nursing, beds));
  }

  private static Map<String, List<Long>> group(List<Map<String, Object>> rows, Function<Map<String, Object>, String> key) {
    Map<String, List<Long>> grouped = new TreeMap<>();
    for (Map<String, Object> r : rows) {
      grouped.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(count(r.get("millis")));
    }
    return grouped;
  }

  /** A share rounded to 4 decimals; null when there is nothing to divide by. */
  static BigDecimal rate(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }

  private static long count(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static String text(Object value) {
    if (value instanceof java.sql.Clob clob) {
      try {
        return clob.getSubString(1, (int) clob.length());
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return value == null ? null : value.toString();
  }

  /** The query of GET /api/applications (and of the list page) that lists the cases behind a figure. */
  private static String link(Object... keyValues) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] == null) {
        continue;
      }
      query.append(query.isEmpty() ? "" : "&").append(keyValues[i]).append('=')
          .append(java.net.URLEncoder.encode(String.valueOf(keyValues[i + 1]), java.nio.charset.StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  private static Map<String, Object> row(Object... keyValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      row.put((String) keyValues[i], keyValues[i + 1]);
    }
    return row;
  }
}
