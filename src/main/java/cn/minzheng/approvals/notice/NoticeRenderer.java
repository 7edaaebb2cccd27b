package cn.minzheng.approvals.notice;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import cn.minzheng.approvals.config.ApprovalsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * Renders notices: FreeMarker to XHTML, openhtmltopdf to PDF with an embedded CJK font.
 * Templates are treated as code from outside: no {@code ?new}, no {@code ?api}, only plain data
 * (maps, lists, strings, numbers) in the model, and HTML auto-escaping.
 */
@Component
public class NoticeRenderer {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NoticeRenderer.class);

  private final Configuration freemarker;
  private final ApprovalsProperties.Notices settings;
  private final Timer htmlTimer;
  private final Timer pdfTimer;
  private final NoticeFont font;

  public NoticeRenderer(ApprovalsProperties properties) {
    this(properties, new SimpleMeterRegistry(), Optional.empty());
  }

  /** With the administrators' saved templates, when the application provides them. */
  @Autowired
  public NoticeRenderer(ApprovalsProperties properties, MeterRegistry registry,
                        Optional<NoticeTemplateOverrides> overrides) {
    this.htmlTimer = Timer.builder("approvals.notice.render").tag("format", "html").register(registry);
    this.pdfTimer = Timer.builder("approvals.notice.render").tag("format", "pdf").register(registry);
    this.settings = properties.getNotices();
    this.font = new NoticeFont(new File(settings.getFontPath()), settings.getFontFamily());
    this.freemarker = lockedDown(new NoticeTemplateLoader(overrides.orElse(null)));
    if (!new File(settings.getFontPath()).isFile()) {
      log.warn("CJK font {} not found: PDF notices cannot be produced until it is installed (fonts-wqy-microhei)"
          + " or approvals.notices.font-path points to one", settings.getFontPath());
    }
  }

  static Configuration lockedDown(NoticeTemplateLoader loader) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setTemplateLoader(loader);
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    // wraps only plain data; any other object in the model is an error, so no method can be called
    cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    return cfg;
  }

  /**
   * The template of a notice kind for an application type: {@code notices/<type>/<kind>.ftlh} when
   * the type has its own, else the shared {@code notices/<kind>.ftlh}.
   */
  public String templateFor(String type, NoticeKind kind) {
    String own = type + "/" + kind.templateName();
    try {
      return freemarker.getTemplate(own, null, null, true, true) != null ? own : kind.templateName();
    } catch (IOException e) {
      throw new NoticeRenderException("template " + own + " cannot be read", e);
    }
  }

  /** Forgets the parsed templates, after an administrator saved or reverted one. */
  public void templatesChanged() {
    freemarker.clearTemplateCache();
  }

  /** The text of a template as shipped under {@code notices/} on the classpath, if there is one. */
  public Optional<String> shippedSource(String templateName) {
    if (!NoticeTemplateLoader.NOTICE_NAME.matcher(templateName).matches()) {
      return Optional.empty();
    }
    try (var in = NoticeRenderer.class.getResourceAsStream("/notices/" + templateName)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new NoticeRenderException("template " + templateName + " cannot be read", e);
    }
  }

  /** Renders a template of {@code src/main/resources/notices/} (or its saved replacement). */
  public String render(String templateName, Map<String, Object> model) {
    try {
      return process(freemarker.getTemplate(templateName), model);
    } catch (IOException e) {
      throw new NoticeRenderException("template " + templateName + " cannot be read", e);
    }
  }

  /** Renders template text given as a string (an administrator's draft), under the same restrictions. */
  public String renderSource(String name, String source, Map<String, Object> model) {
    try {
      return process(new Template(name, new StringReader(source), freemarker), model);
    } catch (IOException e) {
      throw new NoticeRenderException("template " + name + " does not parse: " + e.getMessage(), e);
    }
  }

  private String process(Template template, Map<String, Object> model) {
    return htmlTimer.record(() -> {
      StringWriter out = new StringWriter();
      try {
        template.process(model, out);
      } catch (TemplateException | IOException e) {
        throw new NoticeRenderException("template " + template.getName() + " failed: " + e.getMessage(), e);
      }
      return out.toString();
    });
  }

  /** The PDF of an XHTML notice, Chinese text embedded with the configured font. */
  public byte[] toPdf(String xhtml) {
    return pdfTimer.record(() -> renderPdf(xhtml));
  }

  private byte[] renderPdf(String xhtml) {
    if (!new File(settings.getFontPath()).isFile()) {
      // without it every Chinese character would come out as '#': refuse rather than issue that
      throw new NoticeRenderException("CJK font missing at " + settings.getFontPath() + " (approvals.notices.font-path)", null);
    }
    TrueTypeFont face;
    try {
      face = font.borrow();
    } catch (IOException | RuntimeException e) {
      throw new NoticeRenderException("CJK font at " + settings.getFontPath() + " cannot be read: " + e.getMessage(), e);
    }
    boolean rendered = false;
    try (ByteArrayOutputStream out = new ByteArrayOutputStream(); PDDocument document = new PDDocument()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePDDocument(document);
      builder.useFont(new PDFontSupplier(PDType0Font.load(document, face, true)), settings.getFontFamily());
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
      rendered = true;
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new NoticeRenderException("PDF rendering failed: " + e.getMessage(), e);
    } finally {
      // the document only read the font (it does not close a font it was given)
      if (rendered) {
        font.giveBack(face);
      } else {
        font.discard(face);
      }
    }
  }

  public String fontFamily() {
    return settings.getFontFamily();
  }

  /** A template that cannot be read, parsed or rendered safely. */
  public static class NoticeRenderException extends RuntimeException {
    public NoticeRenderException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
