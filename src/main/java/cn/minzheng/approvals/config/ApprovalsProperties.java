package cn.minzheng.approvals.config;

import java.time.Period;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Settings under {@code approvals.*}: everything local or yearly that operators own. */
@Validated
@ConfigurationProperties("approvals")
public class ApprovalsProperties {

  private static final String ISO_DURATION = "P(\\d+[YMWD])*(T(\\d+[HMS])+)?";

  /** Load the demo regions and users at start-up (never overwrites existing data). */
  private boolean demoData = false;

  /** ISO-8601 duration of every 公示 (public notice). */
  @Pattern(regexp = ISO_DURATION)
  private String publicNoticePeriod = "P7D";

  /** How long after a refusal an appeal may be filed (ISO-8601 duration). */
  @Pattern(regexp = ISO_DURATION)
  private String appealWindow = "P60D";

  /** How long Camunda keeps the history of a finished case (ISO-8601 period in days, e.g. P3650D). */
  @Pattern(regexp = "P\\d+D")
  private String historyTimeToLive = "P3650D";

  @Valid
  private final Notices notices = new Notices();

  /** Materials every application of a type must have (kinds of ApplicationTypes.MATERIAL_KINDS) [local]. */
  private Map<String, java.util.List<String>> requiredMaterials = new HashMap<>(Map.of("dibao",
      java.util.List.of("id_card", "hukou", "income_proof", "commitment", "check_authorization")));

  @Valid
  private final Map<String, Limit> limits = new HashMap<>(Map.of("dibao", new Limit()));

  public static class Notices {
    /** TrueType font with CJK glyphs that PDFs embed. */
    @NotNull
    private String fontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    /** Family name the templates' CSS uses for that font. */
    @NotNull
    private String fontFamily = "WenQuanYi Micro Hei";

    public String getFontPath() { return fontPath; }
    public void setFontPath(String fontPath) { this.fontPath = fontPath; }
    public String getFontFamily() { return fontFamily; }
    public void setFontFamily(String fontFamily) { this.fontFamily = fontFamily; }
  }

  /** Statutory limit of the whole procedure, in working days from 受理, per application type. */
  public static class Limit {
    @jakarta.validation.constraints.Positive
    private int workdays = 30;
    @jakarta.validation.constraints.Positive
    private int extendedWorkdays = 45;

    public int getWorkdays() { return workdays; }
    public void setWorkdays(int workdays) { this.workdays = workdays; }
    public int getExtendedWorkdays() { return extendedWorkdays; }
    public void setExtendedWorkdays(int extendedWorkdays) { this.extendedWorkdays = extendedWorkdays; }
  }

  public boolean isDemoData() { return demoData; }
  public void setDemoData(boolean demoData) { this.demoData = demoData; }
  public String getPublicNoticePeriod() { return publicNoticePeriod; }
  public void setPublicNoticePeriod(String publicNoticePeriod) { this.publicNoticePeriod = publicNoticePeriod; }
  public String getAppealWindow() { return appealWindow; }
  public void setAppealWindow(String appealWindow) { this.appealWindow = appealWindow; }
  public String getHistoryTimeToLive() { return historyTimeToLive; }
  public void setHistoryTimeToLive(String historyTimeToLive) { this.historyTimeToLive = historyTimeToLive; }
  public Notices getNotices() { return notices; }
  public Map<String, Limit> getLimits() { return limits; }
  public Map<String, java.util.List<String>> getRequiredMaterials() { return requiredMaterials; }
  public void setRequiredMaterials(Map<String, java.util.List<String>> requiredMaterials) { this.requiredMaterials = requiredMaterials; }

  public Limit limitOf(String type) {
    return limits.getOrDefault(type, new Limit());
  }

  /** History time-to-live in days, as Camunda wants it. */
  public int historyTimeToLiveDays() {
    return Period.parse(historyTimeToLive).getDays();
  }
}
