package cn.minzheng.approvals.config;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

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

  @Valid
  private final Calendar calendar = new Calendar();

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

  /** The official working-day calendar: holidays off, 调休 weekend days worked, and the years covered. */
  public static class Calendar {
    private List<LocalDate> holidays = new ArrayList<>();
    private List<LocalDate> workdays = new ArrayList<>();
    private List<Integer> years = new ArrayList<>();

    public List<LocalDate> getHolidays() { return holidays; }
    public void setHolidays(List<LocalDate> holidays) { this.holidays = holidays; }
    public List<LocalDate> getWorkdays() { return workdays; }
    public void setWorkdays(List<LocalDate> workdays) { this.workdays = workdays; }
    public List<Integer> getYears() { return years; }
    public void setYears(List<Integer> years) { this.years = years; }
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
  public Calendar getCalendar() { return calendar; }

  /** History time-to-live in days, as Camunda wants it. */
  public int historyTimeToLiveDays() {
    return Period.parse(historyTimeToLive).getDays();
  }
}
