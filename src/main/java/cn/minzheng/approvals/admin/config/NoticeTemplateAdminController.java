package cn.minzheng.approvals.admin.config;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.approvals.security.CurrentUser;

/**
 * Notice templates for administrators: list, the text in use, preview on the sample case (HTML and
 * PDF), save a new version with a note, history, revert to the shipped file. {@code type} absent =
 * the template shared by every type.
 */
@RestController
@RequestMapping("/api/admin/notice-templates")
public class NoticeTemplateAdminController {

  private final NoticeTemplateAdmin templates;
  private final ConfigProblems problems;

  public NoticeTemplateAdminController(NoticeTemplateAdmin templates, ConfigProblems problems) {
    this.templates = templates;
    this.problems = problems;
  }

  /** A draft to try or save; {@code note} is needed to save. */
  public record Draft(String type, String content, String note) {
  }

  /** A revert, with its note. */
  public record Revert(String type, String note) {
  }

  @GetMapping
  public List<NoticeTemplateAdmin.TemplateInfo> list(@AuthenticationPrincipal CurrentUser user) {
    AdminOnly.require(user);
    return templates.list();
  }

  /** The application types a template may be made for. */
  @GetMapping("/types")
  public List<String> types(@AuthenticationPrincipal CurrentUser user) {
    AdminOnly.require(user);
    return templates.types();
  }

  @GetMapping("/{kind}")
  public NoticeTemplateAdmin.TemplateText text(@PathVariable String kind, @RequestParam(required = false) String type,
                                               @AuthenticationPrincipal CurrentUser user) {
    AdminOnly.require(user);
    return templates.text(templates.ref(kind, type));
  }

  /** The sample notice and the problems that would stop a save (each in Chinese and English). */
  public record PreviewAnswer(String html, List<java.util.Map<String, String>> problems) {
  }

  @PostMapping("/{kind}/preview")
  public PreviewAnswer preview(@PathVariable String kind, @RequestBody Draft draft,
                               @AuthenticationPrincipal CurrentUser user) {
    AdminOnly.require(user);
    NoticeTemplateAdmin.Preview preview = templates.preview(templates.ref(kind, draft.type()), draft.content());
    return new PreviewAnswer(preview.html(), problems.describe(preview.problems()));
  }

  @PostMapping(value = "/{kind}/preview.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> previewPdf(@PathVariable String kind, @RequestBody Draft draft,
                                           @AuthenticationPrincipal CurrentUser user) {
    AdminOnly.require(user);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .body(templates.previewPdf(templates.ref(kind, draft.type()), draft.content()));
  }

  @PostMapping("/{kind}")
  public NoticeTemplateVersion save(@PathVariable String kind, @RequestBody Draft draft,
                                    @AuthenticationPrincipal CurrentUser user) {
    AdminOnly.require(user);
    return templates.save(templates.ref(kind, draft.type()), draft.content(), draft.note(), user);
  }

  @GetMapping("/{kind}/history")
  public List<NoticeTemplateVersion> history(@PathVariable String kind, @RequestParam(required = false) String type,
                                             @AuthenticationPrincipal CurrentUser user) {
    AdminOnly.require(user);
    return templates.history(templates.ref(kind, type));
  }

  @PostMapping("/{kind}/revert")
  public NoticeTemplateVersion revert(@PathVariable String kind, @RequestBody Revert revert,
                                      @AuthenticationPrincipal CurrentUser user) {
    AdminOnly.require(user);
    return templates.revert(templates.ref(kind, revert.type()), revert.note(), user);
  }

  @ExceptionHandler(ConfigRefusedException.class)
  public ResponseEntity<ProblemDetail> refused(ConfigRefusedException e) {
    return problems.answer(e);
  }
}
