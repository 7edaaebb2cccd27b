package cn.minzheng.approvals.admin.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.minzheng.approvals.admin.AdminAction;
import cn.minzheng.approvals.admin.AdminAudit;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.notice.Notice;
import cn.minzheng.approvals.notice.NoticeKind;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.IntegrationTest;

/**
 * Notice templates edited by administrators: hostile and incomplete texts refused with their messages,
 * a good one saved and used by the next notice (issued ones unchanged), preview, revert, who may.
 */
@IntegrationTest
class NoticeTemplateAdminApiTest {

  /** A complete 不予批准决定书 written from scratch (no shared layout), one §0 element a line. */
  static final String GOOD_REJECTED = """
      <!DOCTYPE html>
      <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><meta charset="UTF-8"/><title>${title}</title>
      <style>body { font-family: "${fontFamily}", sans-serif; }</style></head><body>
      <h1>${title}</h1>
      <p>${docNumber}</p>
      <p>${applicant.name}（身份证号：${applicant.maskedId}）：</p>
      <p>申请事项：${application.typeName}</p>
      <p>收到申请日期：${application.receivedDate}</p>
      <p>决定：经审核，本机关决定不予批准。【新版模板】</p>
      <p>事实和理由：${opinion}</p>
      <p>法律依据：${legal.basis}</p>
      <p>如不服本决定，可以自收到本决定书之日起${legal.reviewDays}日内向${legal.reviewBody}申请行政复议；</p>
      <p>也可以自收到本决定书之日起${legal.litigationMonths}个月内向${legal.court}提起行政诉讼。</p>
      <p>${organ.name}</p>
      <p>（印章）</p>
      <p>${issuedDate}</p>
      </body></html>
      """;
  private static final String TEMPLATES = "/api/admin/notice-templates";

  @Autowired TestRestTemplate rest;
  @Autowired NoticeTemplateAdmin templates;
  @Autowired UserDirectory users;
  @Autowired AdminAudit audit;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;

  AdminHttp admin;

  @BeforeEach
  @AfterEach
  void shippedTemplates() {
    // every test starts and ends on the shipped files, whatever it saved
    CurrentUser administrator = users.load("admin").orElseThrow();
    for (String[] t : new String[][] {{"dibao", "rejected"}, {null, "not_accepted"}}) {
      NoticeTemplateAdmin.TemplateRef ref = templates.ref(t[1], t[0]);
      if ("SAVED".equals(templates.text(ref).origin())) {
        templates.revert(ref, "测试复原", administrator);
      }
    }
    admin = new AdminHttp(rest, "admin");
  }

  private ResponseEntity<Map<String, Object>> save(String kind, String type, String content, String note) {
    Map<String, Object> draft = new java.util.HashMap<>();
    draft.put("type", type);
    draft.put("content", content);
    draft.put("note", note);
    return admin.post(TEMPLATES + "/" + kind, draft);
  }

  @Test
  void shouldRefuseTemplateThatInstantiatesAClassWithNew() {
    // when
    ResponseEntity<Map<String, Object>> refused = save("rejected", "dibao",
        GOOD_REJECTED.replace("<h1>", "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}<h1>"),
        "试图执行命令");

    // then refused with its message, nothing saved
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(AdminHttp.rules(refused)).containsExactly("builtin-new");
    Map<String, Object> error = AdminHttp.error(refused, "builtin-new");
    assertThat((String) error.get("message_zh")).contains("?new", "禁止", "第 4 行");
    assertThat((String) error.get("message_en")).contains("?new", "forbidden");
    assertThat(templates.history(templates.ref("rejected", "dibao"))
        .stream().filter(v -> !v.isRevert()).filter(v -> v.getContent().contains("Execute"))).isEmpty();
  }

  @Test
  void shouldRefuseTemplateThatReachesTheJavaApi() {
    // when
    ResponseEntity<Map<String, Object>> refused = save("rejected", "dibao",
        GOOD_REJECTED.replace("${applicant.name}", "${applicant?api.get(\"name\")}"), "api");

    // then
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(AdminHttp.rules(refused)).containsExactly("builtin-api");
    assertThat((String) AdminHttp.error(refused, "builtin-api").get("message_en")).contains("?api", "Java API");
    assertThat(templates.text(templates.ref("rejected", "dibao")).origin()).isEqualTo("SHARED");
  }

  @Test
  void shouldRefuseEvalInterpretAndIncludesOfAnythingButTheSharedParts() {
    // when
    ResponseEntity<Map<String, Object>> refused = save("rejected", "dibao", GOOD_REJECTED
        .replace("<h1>", "${\"1+1\"?eval}<@\"<#include '/application.yml'>\"?interpret/>"
            + "<#include \"/application.yml\"><#include \"shzz/rejected.ftlh\"><#import someName as x><h1>"), "include");

    // then: each construct named, the part of the shared layout still allowed
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(AdminHttp.rules(refused)).contains("builtin-eval", "builtin-interpret", "include-forbidden");
    assertThat(AdminHttp.rules(refused).stream().filter("include-forbidden"::equals)).hasSize(4);
    // a type's template may reuse the shared one; the shared one may not include another (no include cycles)
    assertThat(admin.post(TEMPLATES + "/publicity/preview", Map.of("type", "tekun",
        "content", "<#include \"/publicity.ftlh\">")).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<Map<String, Object>> shared = admin.post(TEMPLATES + "/publicity/preview",
        Map.of("content", "<#include \"/publicity.ftlh\">"));
    assertThat(AdminHttp.rules(shared)).containsExactly("include-forbidden");
    assertThat(admin.post(TEMPLATES + "/rejected/preview", Map.of("type", "dibao",
        "content", "<#import \"_layout.ftlh\" as layout>" + GOOD_REJECTED)).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldRefuseTemplateThatTurnsAutoEscapingOff() {
    // when: each way FreeMarker offers to print markup unescaped
    ResponseEntity<Map<String, Object>> refused = save("rejected", "dibao", "<#ftl output_format=\"plainText\">"
        + GOOD_REJECTED.replace("${opinion}", "${opinion?no_esc}<#noautoesc>${applicant.name}</#noautoesc>"
        + "<#outputformat \"plainText\">${applicant.name}</#outputformat>"), "不转义");

    // then
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(AdminHttp.rules(refused)).containsExactly("escaping-off", "escaping-off", "escaping-off", "escaping-off");
    assertThat((String) AdminHttp.error(refused, "escaping-off").get("message_zh")).contains("自动转义", "第 1 行");
  }

  @Test
  void shouldRefuseTemplateThatDoesNotRender() {
    // when: a directive left open, and a variable the sample case does not have
    ResponseEntity<Map<String, Object>> open = save("rejected", "dibao", GOOD_REJECTED + "<#if opinion??>", "语法错误");
    ResponseEntity<Map<String, Object>> unknown = save("rejected", "dibao",
        GOOD_REJECTED.replace("${opinion}", "${reasonText}"), "变量错误");

    // then
    assertThat(AdminHttp.rules(open)).containsExactly("render-failed");
    assertThat((String) AdminHttp.error(open, "render-failed").get("message_zh")).contains("模板无法用示例数据渲染");
    assertThat(AdminHttp.rules(unknown)).containsExactly("render-failed");
    assertThat((String) AdminHttp.error(unknown, "render-failed").get("message_en")).contains("reasonText");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "missing-organ            | <p>${organ.name}</p>",
      "missing-doc-number       | <p>${docNumber}</p>",
      "missing-date             | <p>${issuedDate}</p>",
      "missing-seal             | <p>（印章）</p>",
      "missing-masked-id        | （身份证号：${applicant.maskedId}）",
      "missing-item             | <p>申请事项：${application.typeName}</p>",
      "missing-received-date    | <p>收到申请日期：${application.receivedDate}</p>",
      "missing-decision         | <p>决定：经审核，本机关决定不予批准。【新版模板】</p>",
      "missing-reasons          | <p>事实和理由：${opinion}</p>",
      "missing-legal-basis      | <p>法律依据：${legal.basis}</p>",
      "missing-review-right     | 向${legal.reviewBody}申请行政复议",
      "missing-litigation-right | 个月内向${legal.court}提起行政诉讼"})
  void shouldRefuseNegativeNoticeLackingAMandatoryElement(String rule, String removed) {
    // given the complete template less one element
    assertThat(GOOD_REJECTED).contains(removed);

    // when
    ResponseEntity<Map<String, Object>> refused = save("rejected", "dibao", GOOD_REJECTED.replace(removed, ""), "缺要素");

    // then that element, and only it, is named in both languages
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(AdminHttp.rules(refused)).containsExactly(rule);
    assertThat((String) AdminHttp.error(refused, rule).get("message_zh")).startsWith("缺少必备要素：");
    assertThat((String) AdminHttp.error(refused, rule).get("message_en")).startsWith("Mandatory element missing: ");
  }

  @Test
  void shouldNameEveryMissingElementWhenNoticeOfNotAcceptingHasNone() {
    // when a 不予受理通知书 is reduced to a greeting
    ResponseEntity<Map<String, Object>> refused = save("not_accepted", null, "<p>${applicant.name}，您好。</p>", "过简");

    // then all twelve elements are named
    assertThat(AdminHttp.rules(refused)).hasSize(12).allMatch(r -> r.startsWith("missing-"));
    assertThat((String) AdminHttp.error(refused, "missing-review-right").get("message_zh")).contains("复议机关", "60日");
    assertThat((String) AdminHttp.error(refused, "missing-litigation-right").get("message_zh")).contains("人民法院", "6个月");
  }

  @Test
  void shouldPassEveryShippedTemplateWithItsSample() {
    // when each template in use is previewed unchanged
    List<Map<String, Object>> list = admin.getList(TEMPLATES).getBody();

    // then every one renders and no negative one lacks an element
    assertThat(list).extracting(t -> t.get("templateName")).contains("rejected.ftlh", "not_accepted.ftlh",
        "appeal_decision.ftlh", "shzz/rejected.ftlh", "dibao/approved.ftlh");
    for (Map<String, Object> t : list) {
      String query = t.get("type") == null ? "" : "?type=" + t.get("type");
      String content = (String) admin.get(TEMPLATES + "/" + t.get("kind") + query).getBody().get("content");
      Map<String, Object> draft = new java.util.HashMap<>();
      draft.put("type", t.get("type"));
      draft.put("content", content);
      ResponseEntity<Map<String, Object>> preview = admin.post(TEMPLATES + "/" + t.get("kind") + "/preview", draft);
      assertThat(preview.getStatusCode()).as(t.get("templateName").toString()).isEqualTo(HttpStatus.OK);
      assertThat((List<?>) preview.getBody().get("problems")).as(t.get("templateName").toString()).isEmpty();
    }
  }

  @Test
  void shouldPreviewSampleAsHtmlAndPdfWithTheIdMasked() {
    // when
    ResponseEntity<Map<String, Object>> html = admin.post(TEMPLATES + "/rejected/preview",
        Map.of("type", "dibao", "content", GOOD_REJECTED));
    ResponseEntity<byte[]> pdf = admin.postForBytes(TEMPLATES + "/rejected/preview.pdf",
        Map.of("type", "dibao", "content", GOOD_REJECTED));

    // then
    assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((String) html.getBody().get("html")).contains("【新版模板】", "420112********1234", "武汉市东西湖区人民政府")
        .doesNotContain("420112198001011234");
    assertThat((List<?>) html.getBody().get("problems")).isEmpty();
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    // a draft lacking an element still previews, with the problem listed
    ResponseEntity<Map<String, Object>> incomplete = admin.post(TEMPLATES + "/rejected/preview",
        Map.of("type", "dibao", "content", GOOD_REJECTED.replace("<p>（印章）</p>", "")));
    assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(incomplete.getBody().get("problems").toString()).contains("missing-seal");
  }

  @Test
  void shouldIssueNextNoticeWithSavedTemplateAndKeepIssuedOnesThenRevert() {
    // given a 低保 application and a refusal issued with the shipped template
    Case c = new DibaoCases(engine, applications, notices, users).submit();
    NoticeService.DecisionInput input = new NoticeService.DecisionInput("家庭人均收入高于当地低保标准", null, "qu-approver");
    Notice before = notices.issue(c.applicationId(), NoticeKind.REJECTED, input);
    assertThat(before.getContentHtml()).doesNotContain("【新版模板】");

    // when the administrator saves a new text for 低保 refusals
    ResponseEntity<Map<String, Object>> saved = save("rejected", "dibao", GOOD_REJECTED, "统一决定书版式");
    Notice after = notices.issue(c.applicationId(), NoticeKind.REJECTED, input);

    // then the next notice uses it; the one issued before is unchanged, its hash still its text's
    assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(saved.getBody().get("version")).isNotNull();
    assertThat(after.getContentHtml()).contains("【新版模板】", "家庭人均收入高于当地低保标准");
    CurrentUser approver = users.load("qu-approver").orElseThrow();
    Notice reread = notices.get(before.getId(), approver);
    assertThat(reread.getContentHtml()).isEqualTo(before.getContentHtml()).doesNotContain("【新版模板】");
    assertThat(reread.getSha256()).isEqualTo(NoticeService.sha256(reread.getContentHtml()));
    AdminAction entry = audit.recent("notice-template:dibao/rejected.ftlh", 1).get(0);
    assertThat(entry.getAction()).isEqualTo("notice-template.save");
    assertThat(entry.getNote()).isEqualTo("统一决定书版式");
    assertThat(entry.getOldContent()).contains("<@layout.rights");
    assertThat(entry.getNewContent()).isEqualTo(GOOD_REJECTED);

    // when reverted
    ResponseEntity<Map<String, Object>> reverted = admin.post(TEMPLATES + "/rejected/revert",
        Map.of("type", "dibao", "note", "恢复默认"));
    Notice afterRevert = notices.issue(c.applicationId(), NoticeKind.REJECTED, input);

    // then the shared template is back, and the history shows both versions
    assertThat(reverted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(afterRevert.getContentHtml()).doesNotContain("【新版模板】").contains("本机关决定不予批准");
    List<Map<String, Object>> history = admin.getList(TEMPLATES + "/rejected/history?type=dibao").getBody();
    assertThat(history.get(0).get("revert")).isEqualTo(true);
    assertThat(history.get(1).get("content")).isEqualTo(GOOD_REJECTED);
    AdminAction revertEntry = audit.recent("notice-template:dibao/rejected.ftlh", 1).get(0);
    assertThat(revertEntry.getAction()).isEqualTo("notice-template.revert");
    assertThat(revertEntry.getOldContent()).isEqualTo(GOOD_REJECTED);
    assertThat(revertEntry.getNewContent()).contains("<@layout.rights");
  }

  @Test
  void shouldRequireNoteAndSomethingToRevert() {
    // when
    ResponseEntity<Map<String, Object>> noNote = save("rejected", "dibao", GOOD_REJECTED, " ");
    ResponseEntity<Map<String, Object>> nothing = admin.post(TEMPLATES + "/rejected/revert",
        Map.of("type", "dibao", "note", "恢复"));
    ResponseEntity<Map<String, Object>> unknownType = admin.get(TEMPLATES + "/rejected?type=nosuch");

    // then
    assertThat(AdminHttp.rules(noNote)).containsExactly("note-required");
    assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(unknownType.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void shouldRefuseWhenCallerIsNotAdministrator() {
    for (String user : List.of("wjs-clerk", "qu-approver", "auditor")) {
      AdminHttp other = new AdminHttp(rest, user);
      assertThat(other.getText(TEMPLATES).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(other.post(TEMPLATES + "/rejected", Map.of("type", "dibao", "content", GOOD_REJECTED, "note", "x"))
          .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(other.getText("/admin/notice-templates").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(templates.text(templates.ref("rejected", "dibao")).origin()).isEqualTo("SHARED");
  }
}
