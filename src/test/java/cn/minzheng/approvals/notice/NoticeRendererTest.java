package cn.minzheng.approvals.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.minzheng.approvals.config.ApprovalsProperties;

class NoticeRendererTest {

  private final NoticeRenderer renderer = new NoticeRenderer(new ApprovalsProperties());

  @Test
  void shouldRenderPlainDataWhenModelHoldsMapsListsAndNumbers() {
    // given a model of plain data only
    Map<String, Object> model = Map.of("organ", Map.of("name", "东西湖区民政局"),
        "members", List.of("张*", "李*"), "amount", 830);

    // when
    String html = renderer.renderSource("plain", "${organ.name}:<#list members as m>${m};</#list>${amount}", model);

    // then
    assertThat(html).isEqualTo("东西湖区民政局:张*;李*;830");
  }

  @Test
  void shouldRefuseWhenTemplateInstantiatesExecuteWithNew() {
    // given the classic FreeMarker code-execution template
    String source = "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}";

    // when / then
    assertThatThrownBy(() -> renderer.renderSource("hostile", source, Map.of()))
        .isInstanceOf(NoticeRenderer.NoticeRenderException.class)
        .hasMessageContaining("hostile");
  }

  @Test
  void shouldNotRunCommandWhenTemplateTriesExecute(@TempDir Path dir) {
    // given a template that would create a marker file if Execute were instantiated
    Path marker = dir.resolve("pwned");
    String source = "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + marker + "\")}";

    // when
    assertThatThrownBy(() -> renderer.renderSource("hostile", source, Map.of()))
        .isInstanceOf(NoticeRenderer.NoticeRenderException.class);

    // then no command ran
    assertThat(marker).doesNotExist();
  }

  @Test
  void shouldRefuseWhenTemplateInstantiatesObjectConstructor() {
    // given another ?new target that would let a template build arbitrary Java objects
    String source = "<#assign oc=\"freemarker.template.utility.ObjectConstructor\"?new()>"
        + "${oc(\"java.lang.ProcessBuilder\", \"id\").start()}";

    // when / then
    assertThatThrownBy(() -> renderer.renderSource("hostile", source, Map.of()))
        .isInstanceOf(NoticeRenderer.NoticeRenderException.class);
  }

  @Test
  void shouldRefuseWhenTemplateUsesApiBuiltIn() {
    // given a map in the model (map adapters support ?api when it is enabled)
    Map<String, Object> model = Map.of("applicant", Map.of("name", "张三"));
    String withApi = "${applicant?api.get(\"name\")}";

    // when / then: the plain access works, the ?api access is refused
    assertThat(renderer.renderSource("plain", "${applicant.name}", model)).isEqualTo("张三");
    assertThatThrownBy(() -> renderer.renderSource("api", withApi, model))
        .isInstanceOf(NoticeRenderer.NoticeRenderException.class)
        .hasMessageContaining("api");
  }

  @Test
  void shouldEscapeHtmlWhenModelValueContainsMarkup() {
    // given a name carrying markup
    Map<String, Object> model = Map.of("name", "<script>alert('x')</script>&");

    // when
    String html = renderer.renderSource("escape", "<p>${name}</p>", model);

    // then
    assertThat(html).isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>");
    assertThat(html).doesNotContain("<script>");
  }

  @Test
  void shouldFailWhenModelHoldsAFile() {
    // given a non-plain Java object whose methods would reach the file system
    Map<String, Object> model = Map.of("f", new File("/"));

    // when / then
    assertThatThrownBy(() -> renderer.renderSource("file", "${f.getAbsolutePath()}", model))
        .isInstanceOf(NoticeRenderer.NoticeRenderException.class);
    assertThatThrownBy(() -> renderer.renderSource("file", "<#list f.listFiles() as x>${x}</#list>", model))
        .isInstanceOf(NoticeRenderer.NoticeRenderException.class);
  }

  @Test
  void shouldFailWhenModelHoldsAThreadNestedInPlainData() {
    // given a Thread hidden inside a map
    Map<String, Object> model = Map.of("case", Map.of("worker", Thread.currentThread()));

    // when / then
    assertThatThrownBy(() -> renderer.renderSource("thread", "${case.worker.getName()}", model))
        .isInstanceOf(NoticeRenderer.NoticeRenderException.class);
    assertThatThrownBy(() -> renderer.renderSource("thread", "${case.worker}", model))
        .isInstanceOf(NoticeRenderer.NoticeRenderException.class);
  }

  @Test
  void shouldFailWhenTemplateDoesNotParse() {
    // given broken template text
    String source = "<#if>";

    // when / then
    assertThatThrownBy(() -> renderer.renderSource("broken", source, Map.of()))
        .isInstanceOf(NoticeRenderer.NoticeRenderException.class)
        .hasMessageContaining("broken");
  }

  @Test
  void shouldEmbedChineseTextWhenRenderingPdf() throws Exception {
    // given a small XHTML notice in Chinese using the configured font family
    String title = "最低生活保障确认通知书";
    String xhtml = "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/>"
        + "<style>body { font-family: \"" + renderer.fontFamily() + "\"; }</style></head>"
        + "<body><h1>" + title + "</h1><p>申请人：张*三</p></body></html>";

    // when
    byte[] pdf = renderer.toPdf(xhtml);

    // then
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    String text = cn.minzheng.approvals.support.PdfText.of(pdf);
    assertThat(text).contains(title).contains("申请人");
  }

  @Test
  void shouldEmbedChineseTextWhenRenderingPdfsAtOnce() throws Exception {
    // given: more PDFs at once than parsed fonts are kept, each with its own text
    int threads = 6;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<String>> texts = new java.util.ArrayList<>();
      for (int i = 0; i < threads * 3; i++) {
        String xhtml = "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/>"
            + "<style>body { font-family: \"" + renderer.fontFamily() + "\"; }</style></head>"
            + "<body><h1>批准通知书" + i + "</h1><p>申请人：张*三，第" + i + "号</p></body></html>";
        // when
        texts.add(pool.submit(() -> cn.minzheng.approvals.support.PdfText.of(renderer.toPdf(xhtml))));
      }
      // then: every one has its own Chinese text
      for (int i = 0; i < texts.size(); i++) {
        assertThat(texts.get(i).get()).contains("批准通知书" + i).contains("第" + i + "号");
      }
    } finally {
      pool.shutdownNow();
    }
  }

}
