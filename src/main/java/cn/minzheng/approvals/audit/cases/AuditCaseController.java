package cn.minzheng.approvals.audit.cases;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.approvals.common.Page;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.web.ApiException;
import cn.minzheng.approvals.web.PageController;

/** Auditors' read-only view of cases: search, export, timeline, diagrams, the case file (auditors, administrators). */
@RestController
public class AuditCaseController {

  /** The ID number of the person searched for: in a header, so it stays out of addresses and access logs. */
  public static final String PERSON_HEADER = "X-Person-Id-Number";

  private final AuditCases cases;
  private final CaseTimeline timeline;
  private final CaseDiagrams diagrams;
  private final CaseExport export;
  private final CaseDossier dossier;

  public AuditCaseController(AuditCases cases, CaseTimeline timeline, CaseDiagrams diagrams, CaseExport export,
                             CaseDossier dossier) {
    this.cases = cases;
    this.timeline = timeline;
    this.diagrams = diagrams;
    this.export = export;
    this.dossier = dossier;
  }

  @GetMapping("/audit/cases")
  public ResponseEntity<Resource> page() {
    return PageController.featurePage("audit-cases");
  }

  /** The search filters of api-contract.md, bound from the query string (the person also by header). */
  public record CaseQuery(String idNumber, String regionCode, String type, String stage, String actor, String from,
                          String to, String status) {
    AuditCases.Filters filters(String personHeader) {
      return new AuditCases.Filters(personHeader != null ? personHeader : idNumber, regionCode, type, stage, actor,
          from, to, status);
    }
  }

  @GetMapping("/api/audit/applications")
  public Page<AuditCaseRow> search(@RequestHeader(value = PERSON_HEADER, required = false) String personHeader,
                                   @ModelAttribute CaseQuery query,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size,
                                   @AuthenticationPrincipal CurrentUser user) {
    return cases.search(user, query.filters(personHeader), page, size);
  }

  @GetMapping("/api/audit/applications/export")
  public ResponseEntity<byte[]> export(@RequestParam(defaultValue = "xlsx") String format,
                                       @RequestHeader(value = PERSON_HEADER, required = false) String personHeader,
                                       @ModelAttribute CaseQuery query,
                                       @AuthenticationPrincipal CurrentUser user) {
    AuditCases.requireAuditor(user);
    if (!"xlsx".equals(format) && !"csv".equals(format)) {
      throw ApiException.badRequest("error.audit-export-format");
    }
    List<AuditCaseRow> rows = cases.all(user, query.filters(personHeader));
    boolean xlsx = "xlsx".equals(format);
    return file(xlsx ? export.xlsx(rows) : export.csv(rows), "案件." + format, xlsx
        ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        : new MediaType("text", "csv", StandardCharsets.UTF_8));
  }

  @GetMapping("/api/audit/applications/{id}/timeline")
  public List<TimelineEntry> timeline(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
    return timeline.of(cases.get(user, id).getId());
  }

  @GetMapping("/api/audit/applications/{id}/diagrams")
  public List<CaseDiagrams.Diagram> diagrams(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
    return diagrams.of(cases.get(user, id).getId());
  }

  @GetMapping("/api/audit/applications/{id}/dossier.pdf")
  public ResponseEntity<byte[]> dossier(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
    var application = cases.get(user, id);
    return file(dossier.pdf(application), "卷宗-" + application.getNumber() + ".pdf", MediaType.APPLICATION_PDF);
  }

  private static ResponseEntity<byte[]> file(byte[] body, String filename, MediaType type) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }
}
