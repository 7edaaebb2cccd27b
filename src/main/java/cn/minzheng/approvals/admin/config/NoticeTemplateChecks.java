package cn.minzheng.approvals.admin.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.minzheng.approvals.notice.NoticeKind;
import cn.minzheng.approvals.notice.NoticeRenderer;
import cn.minzheng.approvals.notice.NoticeRenderer.NoticeRenderException;
import cn.minzheng.approvals.notice.NoticeService;

/**
 * Tries a template text the way it would be used: the safety check of its source, then a render of
 * the sample case under the same locked-down FreeMarker that issues notices, then (for negative
 * notices) domain.md §0's mandatory elements in what came out.
 */
@Component
class NoticeTemplateChecks {

  /** The sample case's type for the shared templates (their notices are issued for every type). */
  static final String SAMPLE_TYPE = "dibao";
  private static final int MESSAGE_LENGTH = 300;

  private final NoticeRenderer renderer;
  private final NoticeService notices;

  NoticeTemplateChecks(NoticeRenderer renderer, NoticeService notices) {
    this.renderer = renderer;
    this.notices = notices;
  }

  /** The rendered sample (null when it could not be rendered) and every problem found. */
  record Checked(String html, List<ConfigProblem> problems) {
    boolean passed() {
      return problems.isEmpty();
    }
  }

  Checked check(NoticeTemplateAdmin.TemplateRef ref, String source) {
    List<ConfigProblem> problems = new ArrayList<>(TemplateSafetyCheck.check(ref.templateName(), source));
    if (!problems.isEmpty()) {
      return new Checked(null, problems);
    }
    Map<String, Object> model = notices.sampleModel(ref.type() == null ? SAMPLE_TYPE : ref.type(), ref.kind());
    String html;
    try {
      html = renderer.renderSource(ref.templateName(), source, model);
    } catch (NoticeRenderException e) {
      problems.add(new ConfigProblem("content", "render-failed", "notice-template.render-failed", reason(e)));
      return new Checked(null, problems);
    }
    problems.addAll(MandatoryElementCheck.check(ref.kind(), model, html));
    return new Checked(html, problems);
  }

  /** FreeMarker's own explanation, first lines only (it names the line and column at fault). */
  private static String reason(NoticeRenderException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String message = String.valueOf(cause.getMessage()).replace("\r", "");
    int tip = message.indexOf("\n----");
    if (tip > 0) {
      message = message.substring(0, tip);
    }
    message = message.strip();
    return message.length() > MESSAGE_LENGTH ? message.substring(0, MESSAGE_LENGTH) + "…" : message;
  }

  /** The PDF of a rendered sample, as the notice would print. */
  byte[] pdf(String html) {
    return renderer.toPdf(html);
  }
}
