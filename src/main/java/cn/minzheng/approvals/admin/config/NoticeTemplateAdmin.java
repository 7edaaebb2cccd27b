package cn.minzheng.approvals.admin.config;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.minzheng.approvals.admin.AdminAudit;
import cn.minzheng.approvals.notice.NoticeKind;
import cn.minzheng.approvals.notice.NoticeRenderer;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.CaseProcesses;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.web.ApiException;

/**
 * Notice templates as administrators edit them. A saved text is a new version that replaces the
 * shipped file from the next notice on (notices issued before keep their text and hash); only a
 * text that passes {@link NoticeTemplateChecks} is saved; a revert goes back to the shipped file.
 * Every save and revert is recorded with the text before and after.
 */
@Service
public class NoticeTemplateAdmin {

  static final String SAVE = "notice-template.save";
  static final String REVERT = "notice-template.revert";
  private static final int NOTE_LENGTH = 2000;

  private final NoticeTemplateMapper templates;
  private final NoticeTemplateChecks checks;
  private final NoticeRenderer renderer;
  private final CaseProcesses processes;
  private final AdminAudit audit;
  private final Clock clock;

  public NoticeTemplateAdmin(NoticeTemplateMapper templates, NoticeTemplateChecks checks, NoticeRenderer renderer,
                             CaseProcesses processes, AdminAudit audit, Clock clock) {
    this.templates = templates;
    this.checks = checks;
    this.renderer = renderer;
    this.processes = processes;
    this.audit = audit;
    this.clock = clock;
  }

  /** A template: a notice kind, for every type ({@code type} null) or for one type's own. */
  public record TemplateRef(String type, NoticeKind kind) {
    public String templateName() {
      return type == null ? kind.templateName() : type + "/" + kind.templateName();
    }
  }

  /** Where the text in use comes from: a saved version, the shipped file, or (a type's) the shared template. */
  public enum Origin { SAVED, SHIPPED, SHARED }

  public record TemplateInfo(String kind, String type, String templateName, String title, boolean negative,
                             String origin, Integer version) {
  }

  public record TemplateText(String kind, String type, String templateName, String origin, Integer version,
                             String content) {
  }

  public record Preview(String html, List<ConfigProblem> problems) {
  }

  /** The template of a kind and (optional) type; 404 for a kind or type that does not exist. */
  public TemplateRef ref(String kindCode, String type) {
    NoticeKind kind = NoticeKind.ofCode(kindCode).orElseThrow(ApiException::notFound);
    String t = type == null || type.isBlank() ? null : type.strip();
    if (t != null && !processes.supports(t)) {
      throw ApiException.notFound();
    }
    return new TemplateRef(t, kind);
  }

  public List<String> types() {
    return processes.types().stream().sorted().toList();
  }

  /** Every kind's shared template, and every type's own (shipped or saved) ones. */
  public List<TemplateInfo> list() {
    List<TemplateInfo> list = new ArrayList<>();
    List<String> types = types();
    for (NoticeKind kind : NoticeKind.values()) {
      find(new TemplateRef(null, kind)).ifPresent(text -> list.add(info(text, kind)));
      for (String type : types) {
        find(new TemplateRef(type, kind)).filter(text -> !Origin.SHARED.name().equals(text.origin()))
            .ifPresent(text -> list.add(info(text, kind)));
      }
    }
    return list;
  }

  private static TemplateInfo info(TemplateText text, NoticeKind kind) {
    return new TemplateInfo(kind.code(), text.type(), text.templateName(), kind.title(), kind.negative(),
        text.origin(), text.version());
  }

  /** The text in use for this template, to start editing from. */
  public TemplateText text(TemplateRef ref) {
    return find(ref).orElseThrow(ApiException::notFound);
  }

  /** The saved version, else the shipped file, else (for a type) the shared template; none for a kind only some types have. */
  private Optional<TemplateText> find(TemplateRef ref) {
    NoticeTemplateVersion current = templates.findCurrent(ref.templateName());
    if (current != null && !current.isRevert()) {
      return Optional.of(new TemplateText(ref.kind().code(), ref.type(), ref.templateName(), Origin.SAVED.name(),
          current.getVersion(), current.getContent()));
    }
    Optional<String> shipped = renderer.shippedSource(ref.templateName());
    if (shipped.isPresent()) {
      return Optional.of(new TemplateText(ref.kind().code(), ref.type(), ref.templateName(), Origin.SHIPPED.name(),
          null, shipped.get()));
    }
    if (ref.type() != null) {
      return find(new TemplateRef(null, ref.kind())).map(shared -> new TemplateText(ref.kind().code(), ref.type(),
          ref.templateName(), Origin.SHARED.name(), null, shared.content()));
    }
    return Optional.empty();
  }

  /** The sample notice of a draft and what is wrong with it; a draft that does not render is refused. */
  public Preview preview(TemplateRef ref, String content) {
    NoticeTemplateChecks.Checked checked = checks.check(ref, content);
    if (checked.html() == null) {
      throw new ConfigRefusedException("notice-template.refused", checked.problems());
    }
    return new Preview(checked.html(), checked.problems());
  }

  public byte[] previewPdf(TemplateRef ref, String content) {
    return checks.pdf(preview(ref, content).html());
  }

  /** Saves a draft that passes every check as the template's next version. */
  @Transactional
  public NoticeTemplateVersion save(TemplateRef ref, String content, String note, CurrentUser admin) {
    List<ConfigProblem> problems = new ArrayList<>();
    noteProblem(note).ifPresent(problems::add);
    problems.addAll(checks.check(ref, content).problems());
    if (!problems.isEmpty()) {
      throw new ConfigRefusedException("notice-template.refused", problems);
    }
    String before = find(ref).map(TemplateText::content).orElse(null);
    NoticeTemplateVersion version = insert(ref, content, note, admin);
    audit.record(admin.id(), SAVE, target(ref), note.strip(), before, content);
    return version;
  }

  /** Goes back to the shipped file (or, for a type without one, to the shared template). */
  @Transactional
  public NoticeTemplateVersion revert(TemplateRef ref, String note, CurrentUser admin) {
    Optional<ConfigProblem> noteProblem = noteProblem(note);
    if (noteProblem.isPresent()) {
      throw new ConfigRefusedException("notice-template.refused", List.of(noteProblem.get()));
    }
    NoticeTemplateVersion current = templates.findCurrent(ref.templateName());
    if (current == null || current.isRevert()) {
      throw new ApiException(HttpStatus.CONFLICT, "notice-template.nothing-to-revert", ref.templateName());
    }
    NoticeTemplateVersion version = insert(ref, null, note, admin);
    audit.record(admin.id(), REVERT, target(ref), note.strip(), current.getContent(),
        find(ref).map(TemplateText::content).orElse(null));
    return version;
  }

  public List<NoticeTemplateVersion> history(TemplateRef ref) {
    return templates.findHistory(ref.templateName());
  }

  private NoticeTemplateVersion insert(TemplateRef ref, String content, String note, CurrentUser admin) {
    NoticeTemplateVersion version = new NoticeTemplateVersion();
    version.setTemplateName(ref.templateName());
    version.setVersion(templates.maxVersion(ref.templateName()) + 1);
    version.setContent(content);
    version.setSha256(content == null ? null : NoticeService.sha256(content));
    version.setNote(note.strip());
    version.setCreatedBy(admin.id());
    version.setCreatedAt(LocalDateTime.now(clock));
    templates.insert(version);
    // the renderer forgets its parsed copy once the version is committed (other nodes within seconds)
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        renderer.templatesChanged();
      }
    });
    return version;
  }

  private static Optional<ConfigProblem> noteProblem(String note) {
    if (note == null || note.isBlank() || note.strip().length() > NOTE_LENGTH) {
      return Optional.of(new ConfigProblem("note", "note-required", "notice-template.note-required", NOTE_LENGTH));
    }
    return Optional.empty();
  }

  static String target(TemplateRef ref) {
    return "notice-template:" + ref.templateName();
  }
}
