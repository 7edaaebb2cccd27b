package cn.minzheng.approvals.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.common.IdNumbers;
import cn.minzheng.approvals.process.CaseProcesses;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.BenchDatabaseInitializer;
import cn.minzheng.approvals.support.BenchReport;
import cn.minzheng.approvals.support.BenchReport.Stats;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.PdfText;

/**
 * Benchmark, not a test: what rendering a notice costs, for every template there is (each kind's shared
 * {@code notices/<kind>.ftlh} and every type's own {@code notices/<type>/<kind>.ftlh}). HTML is what an issue
 * renders (template lookup as {@link NoticeService} does it, the model of {@link NoticeService#sampleModel},
 * the render); PDF is what a download renders from the stored HTML ({@link NoticeService#pdf}). For information,
 * the whole issue of one notice on a real case (with its 文号 counter, SHA-256 and inserts). Writes
 * {@code target/bench/notices.json} and {@code .txt}; asserts what came out, never times.
 * Tagged {@code bench}: only {@code mvn -Pbench verify} runs it.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
@ContextConfiguration(initializers = BenchDatabaseInitializer.FreshNotices.class)
class NoticeRenderBenchmarkTest {

  static final int HTML_RUNS = Integer.getInteger("bench.notice.runs", 300);
  static final int PDF_RUNS = Math.max(HTML_RUNS / 3, 10);
  static final int ISSUE_RUNS = Math.max(HTML_RUNS / 6, 10);
  static final double HTML_TARGET_MS = 2;
  static final double PDF_TARGET_MS = 40;

  @Autowired NoticeRenderer renderer;
  @Autowired NoticeService notices;
  @Autowired CaseProcesses processes;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired UserDirectory users;
  @Autowired ObjectMapper json;

  /** One template as an issue of (type, kind) finds it. */
  record Subject(String template, String type, NoticeKind kind) {
  }

  record Result(String template, String type, String kind, Stats html, Stats pdf, int htmlBytes, int pdfBytes,
                int pages) {
  }

  @Test
  void renderEveryNoticeTemplate() throws Exception {
    // given: every template, reached the way an issue reaches it
    List<Subject> subjects = subjects();
    BenchReport report = BenchReport.named("notices", "Notice rendering: HTML (issue) and PDF (download) per template");
    String maskedId = IdNumbers.mask(NoticeSample.ID_NUMBER);

    // when: each template warmed up, then timed
    List<Result> results = new ArrayList<>();
    List<long[]> allHtml = new ArrayList<>();
    List<long[]> allPdf = new ArrayList<>();
    for (Subject s : subjects) {
      Supplier<String> issueRender = () -> renderer.render(renderer.templateFor(s.type(), s.kind()),
          notices.sampleModel(s.type(), s.kind()));
      long[] htmlNanos = time(issueRender, HTML_RUNS);
      String html = issueRender.get();
      long[] pdfNanos = time(() -> renderer.toPdf(html), PDF_RUNS);
      byte[] pdf = renderer.toPdf(html);

      // then: the notice it is, for the person it is, never the full ID number
      String title = (String) notices.sampleModel(s.type(), s.kind()).get("title");
      assertThat(html).as(s.template()).contains("<h1>" + title + "</h1>").doesNotContain(NoticeSample.ID_NUMBER);
      if (html.contains("身份证号")) {
        assertThat(html).as(s.template()).contains(maskedId);
      }
      assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).as(s.template()).isEqualTo("%PDF-");
      int pages;
      try (PDDocument document = Loader.loadPDF(pdf)) {
        pages = document.getNumberOfPages();
      }
      assertThat(pages).as(s.template()).isPositive();
      assertThat(PdfText.of(pdf)).as(s.template()).contains(title).doesNotContain(NoticeSample.ID_NUMBER);

      allHtml.add(htmlNanos);
      allPdf.add(pdfNanos);
      results.add(new Result(s.template(), s.type(), s.kind().code(), Stats.ofNanos(htmlNanos), Stats.ofNanos(pdfNanos),
          html.getBytes(StandardCharsets.UTF_8).length, pdf.length, pages));
    }
    assertThat(results).extracting(Result::kind)
        .containsAll(Arrays.stream(NoticeKind.values()).map(NoticeKind::code).toList());
    Stats html = Stats.ofNanos(concat(allHtml));
    Stats pdf = Stats.ofNanos(concat(allPdf));
    Stats issue = issueEndToEnd();

    write(report, results, html, pdf, issue);
  }

  /**
   * Each template once: for every kind and type, the template an issue would use; a shared template is
   * measured with the first type (alphabetically) that uses it, a type's own with that type.
   */
  private List<Subject> subjects() {
    Map<String, Subject> byTemplate = new LinkedHashMap<>();
    List<String> types = processes.types().stream().sorted().toList();
    for (NoticeKind kind : NoticeKind.values()) {
      for (String type : types) {
        String template = renderer.templateFor(type, kind);
        if (renderer.shippedSource(template).isPresent()) {
          byTemplate.putIfAbsent(template, new Subject(template, type, kind));
        }
      }
    }
    return List.copyOf(byTemplate.values());
  }

  /** For information: issue a 公示 (no status change) on a submitted 低保 case, again and again. */
  private Stats issueEndToEnd() {
    Case submitted = new DibaoCases(engine, applications, notices, users).submit();
    NoticeService.DecisionInput input = new NoticeService.DecisionInput(NoticeSample.REASONS, null, null);
    int before = notices.ofApplication(submitted.applicationId()).size();
    long[] nanos = time(() -> notices.issue(submitted.applicationId(), NoticeKind.PUBLICITY, input), ISSUE_RUNS);
    assertThat(notices.ofApplication(submitted.applicationId())).hasSize(before + ISSUE_RUNS + warmUp(ISSUE_RUNS));
    return Stats.ofNanos(nanos);
  }

  private static <T> long[] time(Supplier<T> run, int runs) {
    for (int i = 0; i < warmUp(runs); i++) {
      run.get();
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      run.get();
      nanos[i] = System.nanoTime() - t0;
    }
    return nanos;
  }

  private static int warmUp(int runs) {
    return Math.max(runs / 5, 5);
  }

  private static long[] concat(List<long[]> parts) {
    return parts.stream().flatMapToLong(Arrays::stream).toArray();
  }

  private void write(BenchReport report, List<Result> results, Stats html, Stats pdf, Stats issue) throws Exception {
    String runs = results.size() + " templates, " + HTML_RUNS + " HTML / " + PDF_RUNS + " PDF runs each after "
        + warmUp(HTML_RUNS) + " / " + warmUp(PDF_RUNS) + " warm-up";
    report.atMost("HTML render, median", html.p50(), HTML_TARGET_MS, "ms",
        "template lookup + sample model + FreeMarker, all templates pooled; " + runs);
    report.atMost("PDF render, median", pdf.p50(), PDF_TARGET_MS, "ms",
        "openhtmltopdf with the CJK font, from the stored HTML, all templates pooled");
    report.put("htmlRuns", HTML_RUNS).put("pdfRuns", PDF_RUNS).put("issueRuns", ISSUE_RUNS)
        .put("html", html).put("pdf", pdf).put("issuePublicityEndToEnd", issue).put("templates", results);

    report.line(runs + ", milliseconds:").line("");
    report.line(String.format("%-26s %-8s %8s %8s %8s %8s  %8s %8s %8s %8s %7s %7s %3s", "template", "type",
        "html p50", "p95", "p99", "max", "pdf p50", "p95", "p99", "max", "html B", "pdf B", "pp"));
    for (Result r : results) {
      report.line(String.format("%-26s %-8s %8.2f %8.2f %8.2f %8.2f  %8.2f %8.2f %8.2f %8.2f %7d %7d %3d",
          r.template(), r.type(), r.html().p50(), r.html().p95(), r.html().p99(), r.html().max(), r.pdf().p50(),
          r.pdf().p95(), r.pdf().p99(), r.pdf().max(), r.htmlBytes(), r.pdfBytes(), r.pages()));
    }
    report.line(String.format("%-35s %8.2f %8.2f %8.2f %8.2f  %8.2f %8.2f %8.2f %8.2f", "all templates", html.p50(),
        html.p95(), html.p99(), html.max(), pdf.p50(), pdf.p95(), pdf.p99(), pdf.max()));
    report.line("").line(String.format("For information, NoticeService.issue of a 公示 on a submitted 低保 case "
        + "(文号 counter, model, HTML render, SHA-256, insert, history; committed; an issue renders no PDF, a download "
        + "renders it from the stored HTML), %d runs: p50 %.2f, p95 %.2f, p99 %.2f, "
        + "max %.2f ms", issue.runs(), issue.p50(), issue.p95(), issue.p99(), issue.max()));
    report.write(json);
  }
}
