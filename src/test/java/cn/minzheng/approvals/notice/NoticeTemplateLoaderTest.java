package cn.minzheng.approvals.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.minzheng.approvals.config.ApprovalsProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Where notice templates come from: saved texts over the shipped files, and nothing but notice names. */
class NoticeTemplateLoaderTest {

  private final Map<String, NoticeTemplateOverrides.SavedText> saved = new HashMap<>();
  private final NoticeTemplateOverrides overrides = name -> Optional.ofNullable(saved.get(name));
  private final NoticeTemplateLoader loader = new NoticeTemplateLoader(overrides);

  @Test
  void shouldFindNothingButNoticeNames() throws Exception {
    // then: classpath files that are not notices cannot be reached, whatever the path
    assertThat(loader.findTemplateSource("application.yml")).isNull();
    assertThat(loader.findTemplateSource("../application.yml")).isNull();
    assertThat(loader.findTemplateSource("../messages.properties")).isNull();
    assertThat(loader.findTemplateSource("db/migration/V1__core_tables.sql")).isNull();
    assertThat(loader.findTemplateSource("rejected.ftlh")).isNotNull();
    assertThat(loader.findTemplateSource("shzz/rejected.ftlh")).isNotNull();
    assertThat(loader.findTemplateSource("dibao/rejected.ftlh")).isNull();
  }

  @Test
  void shouldServeTheSharedPartToATypesTemplateByItsRelativeName() throws Exception {
    assertThat(loader.findTemplateSource("dibao/_layout.ftlh")).isEqualTo(loader.findTemplateSource("_layout.ftlh"))
        .isNotNull();
    assertThat(loader.findTemplateSource("_nosuch.ftlh")).isNull();
  }

  @Test
  void shouldPreferTheSavedTextAndNoticeItsNewVersion() throws Exception {
    // given
    NoticeRenderer renderer = new NoticeRenderer(new ApprovalsProperties(), new SimpleMeterRegistry(), Optional.of(overrides));
    assertThat(renderer.templateFor("dibao", NoticeKind.REJECTED)).isEqualTo("rejected.ftlh");

    // when a text for 低保 refusals is saved
    saved.put("dibao/rejected.ftlh", new NoticeTemplateOverrides.SavedText("dibao/rejected.ftlh", 7, "v7 ${x}"));
    renderer.templatesChanged();

    // then the type's template is found and rendered; a newer version replaces it
    assertThat(renderer.templateFor("dibao", NoticeKind.REJECTED)).isEqualTo("dibao/rejected.ftlh");
    assertThat(renderer.render("dibao/rejected.ftlh", Map.of("x", "甲"))).isEqualTo("v7 甲");
    saved.put("dibao/rejected.ftlh", new NoticeTemplateOverrides.SavedText("dibao/rejected.ftlh", 8, "v8 ${x}"));
    renderer.templatesChanged();
    assertThat(renderer.render("dibao/rejected.ftlh", Map.of("x", "乙"))).isEqualTo("v8 乙");
  }

  @Test
  void shouldFailToRenderADraftThatIncludesAnotherClasspathFile() {
    // given the locked-down renderer itself, without the administrators' source check
    NoticeRenderer renderer = new NoticeRenderer(new ApprovalsProperties());

    // then an include of a file that is not a notice finds nothing
    assertThatThrownBy(() -> renderer.renderSource("rejected.ftlh", "<#include \"/application.yml\">", Map.of()))
        .isInstanceOf(NoticeRenderer.NoticeRenderException.class);
    assertThatThrownBy(() -> renderer.renderSource("rejected.ftlh", "<#include \"../application.yml\">", Map.of()))
        .isInstanceOf(NoticeRenderer.NoticeRenderException.class);
    assertThat(renderer.renderSource("rejected.ftlh", "<#import \"_layout.ftlh\" as l>ok", Map.of())).isEqualTo("ok");
  }

}
