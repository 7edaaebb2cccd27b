package cn.minzheng.approvals.admin.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.minzheng.approvals.notice.NoticeKind;

/**
 * domain.md §0: every negative notice (不予受理, 不予批准/登记/确认, 复核决定 …) states the issuing
 * organ, 文号, date and seal; the applicant with the ID masked; the item applied for and the date
 * received; the decision; facts and reasons; the legal basis; the 复议 right with the named 复议机关
 * and 60 days; the 诉讼 right with the court and 6 months. Checked on the notice rendered from the
 * sample case, whose values are distinct, so each element is found by the value only its variable
 * carries (a template that writes the organ's name as fixed text is refused: it would be wrong for
 * the next office).
 */
final class MandatoryElementCheck {

  /** One element: its rule id (also the message key's last part). */
  enum Element {
    ORGAN, DOC_NUMBER, DATE, SEAL, MASKED_ID, ITEM, RECEIVED_DATE, DECISION, REASONS, LEGAL_BASIS,
    REVIEW_RIGHT, LITIGATION_RIGHT;

    String rule() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern REVIEW_DAYS = Pattern.compile("(60|六十)\\s*(日|天)");
  private static final Pattern LITIGATION_MONTHS = Pattern.compile("(6|六)\\s*个月");
  /** The decision in words: refused, not accepted, upheld or revoked. The title alone does not count. */
  private static final Map<NoticeKind, Pattern> DECISION = Map.of(
      NoticeKind.NOT_ACCEPTED, Pattern.compile("不予受理"),
      NoticeKind.REJECTED, Pattern.compile("不予(批准|登记|确认|入住|救助|发放)|停发|终止"),
      NoticeKind.APPEAL_DECISION, Pattern.compile("维持|撤销|不予"),
      NoticeKind.TERMINATED, Pattern.compile("终止|停发"),
      NoticeKind.REDUCED, Pattern.compile("减发"),
      NoticeKind.STOPPED, Pattern.compile("停发|停止发放"));
  private static final Pattern ANY_DECISION = Pattern.compile("不予|停发|终止|维持|撤销");

  private MandatoryElementCheck() {
  }

  /** The elements the rendered sample notice lacks; none for a kind that is not negative. */
  @SuppressWarnings("unchecked")
  static List<ConfigProblem> check(NoticeKind kind, Map<String, Object> model, String html) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (!kind.negative()) {
      return problems;
    }
    String text = text(html);
    Map<String, Object> organ = (Map<String, Object>) model.get("organ");
    Map<String, Object> applicant = (Map<String, Object>) model.get("applicant");
    Map<String, Object> application = (Map<String, Object>) model.get("application");
    Map<String, Object> legal = (Map<String, Object>) model.get("legal");
    String title = String.valueOf(model.get("title"));
    require(problems, Element.ORGAN, contains(text, organ.get("name")));
    require(problems, Element.DOC_NUMBER, contains(text, model.get("docNumber")));
    require(problems, Element.DATE, contains(text, model.get("issuedDate")));
    require(problems, Element.SEAL, text.contains("印章"));
    require(problems, Element.MASKED_ID, contains(text, applicant.get("maskedId")));
    // the item's name also occurs in the titles of the laws cited (最低生活保障审核确认办法): not there
    String withoutLaw = text.replace(normalise(String.valueOf(legal.get("basis"))), " ").replace(title, " ");
    require(problems, Element.ITEM, contains(withoutLaw, application.get("typeName")));
    require(problems, Element.RECEIVED_DATE, contains(text, application.get("receivedDate")));
    String body = text.replace(title, " ");
    require(problems, Element.DECISION, DECISION.getOrDefault(kind, ANY_DECISION).matcher(body).find());
    require(problems, Element.REASONS, contains(text, model.get("opinion")));
    require(problems, Element.LEGAL_BASIS, contains(text, legal.get("basis")));
    require(problems, Element.REVIEW_RIGHT, contains(text, legal.get("reviewBody")) && REVIEW_DAYS.matcher(text).find());
    require(problems, Element.LITIGATION_RIGHT, contains(text, legal.get("court")) && LITIGATION_MONTHS.matcher(text).find());
    return problems;
  }

  private static void require(List<ConfigProblem> problems, Element element, boolean present) {
    if (!present) {
      problems.add(new ConfigProblem("content", "missing-" + element.rule(), "notice-template.missing." + element.rule()));
    }
  }

  private static boolean contains(String text, Object value) {
    return value != null && !value.toString().isBlank() && text.contains(normalise(value.toString()));
  }

  /** The notice's text as a reader sees it: tags dropped, the escaped characters back, spaces folded. */
  static String text(String html) {
    String text = TAG.matcher(html).replaceAll(" ")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    return normalise(text);
  }

  private static String normalise(String s) {
    return SPACE.matcher(s).replaceAll(" ").strip();
  }
}
