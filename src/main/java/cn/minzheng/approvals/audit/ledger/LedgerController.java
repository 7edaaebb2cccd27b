package cn.minzheng.approvals.audit.ledger;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.minzheng.approvals.common.IdNumbers;
import cn.minzheng.approvals.common.Page;
import cn.minzheng.approvals.config.TimeConfig;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.web.ApiException;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/**
 * The audit ledger for auditors and administrators (SecurityConfig: /api/audit/**): search, verify,
 * export. The person filter's ID number comes in the header {@value #ID_NUMBER_HEADER} (or the parameter
 * {@code idNumber}), so it stays out of addresses and their logs; no answer contains it.
 */
@RestController
@RequestMapping("/api/audit")
public class LedgerController {

  public static final String ID_NUMBER_HEADER = "X-Person-Id-Number";
  static final long EXPORT_MAX_ROWS = 1_000_000;

  private final LedgerMapper ledger;
  private final LedgerVerifier verifier;
  private final LedgerExport export;
  private final Ledger appender;

  public LedgerController(LedgerMapper ledger, LedgerVerifier verifier, LedgerExport export, Ledger appender) {
    this.ledger = ledger;
    this.verifier = verifier;
    this.export = export;
    this.appender = appender;
  }

  @GetMapping("/ledger")
  public Page<LedgerRow> search(@RequestParam(required = false) Long applicationId,
                                @RequestParam(required = false) String actor,
                                @RequestParam(required = false) String action,
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(required = false) String idNumber,
                                @RequestHeader(name = ID_NUMBER_HEADER, required = false) String idNumberHeader,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
    LedgerFilter filter = filter(applicationId, actor, action, from, to, idNumberHeader != null ? idNumberHeader : idNumber);
    int p = Math.max(page, 0);
    int s = Math.min(Math.max(size, 1), 200);
    List<LedgerRow> rows = ledger.search(filter, (long) p * s, s).stream().map(LedgerRow::of).toList();
    return new Page<>(rows, ledger.count(filter), p, s);
  }

  @GetMapping("/ledger/verify")
  public LedgerVerifier.Result verify() {
    return verifier.verify();
  }

  @GetMapping("/export")
  public ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "xlsx") String format,
                                                      @RequestParam(required = false) Long applicationId,
                                                      @RequestParam(required = false) String actor,
                                                      @RequestParam(required = false) String action,
                                                      @RequestParam(required = false) String from,
                                                      @RequestParam(required = false) String to,
                                                      @RequestParam(required = false) String idNumber,
                                                      @RequestHeader(name = ID_NUMBER_HEADER, required = false) String idNumberHeader,
                                                      @AuthenticationPrincipal CurrentUser user) {
    if (!"xlsx".equals(format) && !"csv".equals(format)) {
      throw ApiException.invalid(List.of(new FieldProblem("format", "validation.enum")));
    }
    LedgerFilter filter = filter(applicationId, actor, action, from, to, idNumberHeader != null ? idNumberHeader : idNumber);
    long rows = export.count(filter);
    if (rows > EXPORT_MAX_ROWS) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "error.ledger.export-too-large", rows, EXPORT_MAX_ROWS);
    }
    appender.append(user.id(), "ledger_export", "ledger", described(filter, format, rows));
    String name = "ledger-" + ZonedDateTime.now(TimeConfig.BEIJING).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "." + format;
    MediaType type = "csv".equals(format) ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    StreamingResponseBody body = out -> {
      if ("csv".equals(format)) {
        export.csv(filter, out);
      } else {
        export.xlsx(filter, out);
      }
    };
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }

  /** What was exported, for the ledger itself; the person filter only masked. */
  private static Map<String, Object> described(LedgerFilter f, String format, long rows) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("format", format);
    detail.put("rows", rows);
    if (f.applicationId() != null) detail.put("applicationId", f.applicationId());
    if (f.actor() != null) detail.put("actor", f.actor());
    if (f.action() != null) detail.put("action", f.action());
    if (f.from() != null) detail.put("from", f.from().toString());
    if (f.to() != null) detail.put("to", f.to().toString());
    if (f.idNumber() != null) detail.put("person", IdNumbers.mask(f.idNumber()));
    return detail;
  }

  static LedgerFilter filter(Long applicationId, String actor, String action, String from, String to, String idNumber) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDateTime start = time(from, false, "from", problems);
    LocalDateTime end = time(to, true, "to", problems);
    String person = blankToNull(idNumber);
    if (person != null) {
      person = person.trim().toUpperCase();
      if (!person.matches("\\d{17}[\\dX]")) {
        problems.add(new FieldProblem("idNumber", "validation.id-number.format"));
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return new LedgerFilter(applicationId, blankToNull(actor), blankToNull(action), start, end, person);
  }

  /** A date (the whole day: {@code to} up to its end) or a date-time, Beijing time. */
  private static LocalDateTime time(String text, boolean endOfDay, String field, List<FieldProblem> problems) {
    String value = blankToNull(text);
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return endOfDay ? day.plusDays(1).atStartOfDay() : day.atStartOfDay();
      }
      return LocalDateTime.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "validation.type"));
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
