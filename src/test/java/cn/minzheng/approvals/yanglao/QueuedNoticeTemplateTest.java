package cn.minzheng.approvals.yanglao;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.approvals.config.ApprovalsProperties;
import cn.minzheng.approvals.notice.NoticeKind;
import cn.minzheng.approvals.notice.NoticeRenderer;

/** notices/yanglao/queued.ftlh (轮候通知书) rendered with sample data: each priority category, with and without a wished institution. */
class QueuedNoticeTemplateTest {

  private final NoticeRenderer renderer = new NoticeRenderer(new ApprovalsProperties());

  @Test
  void shouldBeTheTemplateOfTheQueuedKindForYanglao() {
    assertThat(renderer.templateFor(YanglaoProcess.KEY, NoticeKind.QUEUED)).isEqualTo("yanglao/queued.ftlh");
  }

  @ParameterizedTest
  @CsvSource({
      "tekun, 特困人员（第一优先）",
      "alone, 孤寡老年人（第二优先）",
      "disabled, 失能老年人（第三优先）",
      "aged80, 高龄老年人（第四优先）",
      "none, 一般（无优先条件）"})
  void shouldNameThePriorityCategory(String priority, String text) {
    Map<String, Object> data = data(priority);
    data.put("queuedInstitutionName", "东西湖区社会福利院（示例）");
    String html = render(data);
    assertThat(html).contains(text, "第 3 位", "东西湖区社会福利院（示例）", "能力轻度受损（轻度失能）");
  }

  @Test
  void shouldSayAnyInstitutionOfTheDistrictWhenNoneWasWishedAndANursingBedWhenNeeded() {
    Map<String, Object> data = data("none");
    data.put("nursingCare", true);
    String html = render(data);
    assertThat(html).contains("本区各养老机构（任一有适合床位者）", "需要护理床位", "有床位空出时", "入住通知书", "15日内",
        "撤回申请", "吴家山街道", "行政复议", "东西湖区人民政府", "行政诉讼", "（印章）", "民〔2026〕7号");
  }

  private static Map<String, Object> data(String priority) {
    Map<String, Object> data = new HashMap<>();
    data.put("queuedPosition", 3);
    data.put("queuedPriority", priority);
    data.put("abilityGrade", "能力轻度受损（轻度失能）");
    data.put("abilityScore", 80);
    return data;
  }

  private String render(Map<String, Object> data) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", "轮候通知书");
    model.put("fontFamily", "WenQuanYi Micro Hei");
    model.put("docNumber", "东西湖民〔2026〕7号");
    model.put("issuedDate", "2026年11月24日");
    model.put("organ", Map.of("name", "东西湖区民政局", "code", "420112000000"));
    model.put("applicant", Map.of("name", "王老伯", "maskedName", "王*伯", "maskedId", "420112********0011"));
    model.put("application", Map.of("number", "YL-420112-2026-000001", "typeName", "福利院、养老机构入住",
        "receivedDate", "2026年11月20日", "streetName", "吴家山街道", "districtName", "东西湖区"));
    model.put("legal", Map.of("reviewBody", "东西湖区人民政府", "court", "武汉市东西湖区人民法院", "reviewDays", 60,
        "litigationMonths", 6, "basis", "《养老机构管理办法》（民政部令第66号）第十四条、第十五条"));
    model.put("data", data);
    return renderer.render(renderer.templateFor(YanglaoProcess.KEY, NoticeKind.QUEUED), model);
  }
}
