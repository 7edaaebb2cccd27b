package cn.minzheng.approvals.notice;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.ProcedureClock;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.common.Counters;
import cn.minzheng.approvals.common.IdNumbers;
import cn.minzheng.approvals.common.IsoDurations;
import cn.minzheng.approvals.common.Masking;
import cn.minzheng.approvals.config.ApprovalsProperties;
import cn.minzheng.approvals.region.Region;
import cn.minzheng.approvals.region.RegionService;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.web.ApiException;

/**
 * Issues notices: fills the template of the kind with the case's data, gives it the next 文号 of the
 * issuing office for the year, stores it with its SHA-256, and sets the status the notice decides.
 */
@Service
public class NoticeService {

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter CHINESE_MONTH = DateTimeFormatter.ofPattern("yyyy年M月");
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private final NoticeMapper notices;
  private final NoticeRenderer renderer;
  private final ApplicationService applications;
  private final RegionService regions;
  private final Counters counters;
  private final CaseHistory history;
  private final MessageSource messages;
  private final ApprovalsProperties properties;
  private final Clock clock;
  private final ProcedureClock procedureClock;
  private final cn.minzheng.approvals.security.UserDirectory users;
  private final cn.minzheng.approvals.process.CaseProcesses processes;

  public NoticeService(NoticeMapper notices, NoticeRenderer renderer, ApplicationService applications,
                       RegionService regions, Counters counters, CaseHistory history, MessageSource messages,
                       ApprovalsProperties properties, Clock clock, ProcedureClock procedureClock,
                       cn.minzheng.approvals.process.CaseProcesses processes,
                       cn.minzheng.approvals.security.UserDirectory users) {
    this.users = users;
    this.notices = notices;
    this.renderer = renderer;
    this.applications = applications;
    this.regions = regions;
    this.counters = counters;
    this.history = history;
    this.messages = messages;
    this.properties = properties;
    this.clock = clock;
    this.procedureClock = procedureClock;
    this.processes = processes;
  }

  /** What the deciding stage said: the reasons, the missing materials, who decided. */
  public record DecisionInput(String opinion, String missing, String decidedBy) {
  }

  @Transactional
  public Notice issue(long applicationId, NoticeKind kind, DecisionInput input) {
    ApplicationRecord application = applications.getForProcess(applicationId);
    Region street = regions.find(application.getStreetCode()).orElseThrow();
    Region district = regions.find(application.getDistrictCode()).orElseThrow();
    Region organ = organOf(kind, application, street, district, input.decidedBy());
    LocalDateTime now = LocalDateTime.now(clock);
    String docNumber = organ.getDocPrefix() + "〔" + now.getYear() + "〕"
        + counters.next("doc:" + organ.getCode() + ":" + now.getYear()) + "号";

    Map<String, Object> model = model(application, kind, organ, street, district, docNumber, now.toLocalDate(), input);
    String html = renderer.render(renderer.templateFor(application.getType(), kind), model);

    Notice notice = new Notice();
    notice.setApplicationId(applicationId);
    notice.setKind(kind.code());
    notice.setDocNumber(docNumber);
    notice.setOrganCode(organ.getCode());
    notice.setContentHtml(html);
    notice.setSha256(sha256(html));
    notice.setCreatedBy(input.decidedBy() == null ? CaseHistory.SYSTEM : input.decidedBy());
    notice.setCreatedAt(now);
    notices.insert(notice);

    if (kind.resultingStatus() != null) {
      applications.changeStatus(applicationId, kind.resultingStatus());
    }
    if (kind == NoticeKind.ACCEPTED) {
      procedureClock.start(application);
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("kind", kind.code());
    detail.put("noticeId", notice.getId());
    detail.put("docNumber", docNumber);
    detail.put("sha256", notice.getSha256());
    history.recordSystem(applicationId, application.getStage(), "notice_issued", detail);
    return notice;
  }

  /**
   * The model a notice of this kind and type would get, filled with {@link NoticeSample}'s made-up case:
   * what an administrator's draft template is tried on before it may be saved.
   */
  public Map<String, Object> sampleModel(String type, NoticeKind kind) {
    NoticeSample sample = NoticeSample.of(type, LocalDate.now(clock));
    Region organ = kind.organ() == NoticeKind.Organ.STREET ? sample.street() : sample.district();
    String docNumber = organ.getDocPrefix() + "〔" + sample.issued().getYear() + "〕88号";
    return model(sample.application(), kind, organ, sample.street(), sample.district(), docNumber, sample.issued(),
        sample.input());
  }

  /**
   * The office that signs: the kind's own (street for 受理/补正/公示, district for decisions), except that
   * a decision taken by street staff (分级审批: small amounts approved by the street) is the street's,
   * and a type may have the district issue everything (registration).
   */
  private Region organOf(NoticeKind kind, ApplicationRecord application, Region street, Region district, String decidedBy) {
    if (processes.supports(application.getType()) && processes.forType(application.getType()).districtIssuesAllNotices()) {
      return district;
    }
    if (kind.organ() == NoticeKind.Organ.STREET) {
      return street;
    }
    boolean streetDecided = decidedBy != null && users.load(decidedBy)
        .map(u -> Region.STREET.equals(u.regionLevel())).orElse(false);
    return streetDecided ? street : district;
  }

  private Map<String, Object> model(ApplicationRecord application, NoticeKind kind, Region organ, Region street,
                                    Region district, String docNumber, LocalDate today, DecisionInput input) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", messages.getMessage("notice.title." + application.getType() + "." + kind.code(), null,
        kind.title(), ZH));
    model.put("fontFamily", renderer.fontFamily());
    model.put("docNumber", docNumber);
    model.put("issuedDate", CHINESE_DATE.format(today));
    model.put("organ", Map.of("name", organ.getOrganName(), "code", organ.getCode()));

    Map<String, Object> applicant = new HashMap<>();
    applicant.put("name", application.getApplicantName());
    applicant.put("maskedName", Masking.name(application.getApplicantName()));
    applicant.put("maskedId", IdNumbers.mask(application.getApplicantIdNumber()));
    model.put("applicant", applicant);

    Map<String, Object> app = new HashMap<>();
    app.put("number", application.getNumber());
    app.put("typeName", messages.getMessage("type.name." + application.getType(), null, application.getType(), ZH));
    app.put("receivedDate", CHINESE_DATE.format(application.getCreatedAt()));
    app.put("streetName", street.getName());
    app.put("districtName", district.getName());
    String communityName = application.getCommunityCode() == null ? street.getName()
        : regions.find(application.getCommunityCode()).map(Region::getName).orElse(street.getName());
    app.put("communityName", communityName);
    putMoney(app, "householdSize", application.getHouseholdSize());
    putMoney(app, "amount", application.getAmount());
    putMoney(app, "standard", application.getStandardAmount());
    putMoney(app, "perCapitaIncome", application.getPerCapitaIncome());
    app.put("data", cn.minzheng.approvals.application.ApplicationData.scalars(application.getDataJson()));
    model.put("application", app);

    model.put("opinion", input.opinion() == null ? "" : input.opinion());
    // 一次性告知: what the clerk listed, plus every required kind not yet handed in
    java.util.LinkedHashSet<String> missing = new java.util.LinkedHashSet<>();
    if (input.missing() != null) {
      Arrays.stream(input.missing().split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).forEach(missing::add);
    }
    if (kind == NoticeKind.SUPPLEMENT) {
      List<String> required = properties.getRequiredMaterials().getOrDefault(application.getType(), List.of());
      applications.missingMaterialKinds(application, required).stream()
          .map(k -> messages.getMessage("material.kind." + k, null, k, ZH)).forEach(missing::add);
    }
    model.put("missing", List.copyOf(missing));

    Map<String, Object> legal = new HashMap<>();
    legal.put("reviewBody", district.getReviewBody());
    legal.put("court", district.getCourt());
    legal.put("reviewDays", 60);
    legal.put("litigationMonths", 6);
    // a kind may cite its own articles (e.g. 终止), else the type's
    String typeBasis = messages.getMessage("notice.basis." + application.getType(), null, "", ZH);
    legal.put("basis", messages.getMessage("notice.basis." + application.getType() + "." + kind.code(), null, typeBasis, ZH));
    model.put("legal", legal);

    LocalDate noticeEnd = IsoDurations.addTo(today.atStartOfDay(), properties.getPublicNoticePeriod()).toLocalDate();
    model.put("publicity", Map.of("start", CHINESE_DATE.format(today), "end", CHINESE_DATE.format(noticeEnd)));
    model.put("benefitStartMonth", CHINESE_MONTH.format(today.plusMonths(1).withDayOfMonth(1)));
    model.put("data", cn.minzheng.approvals.application.ApplicationData.asMap(application.getDataJson()));
    return model;
  }

  /** The type-specific {@code data} of the application (and what its process recorded there), for the templates. */


  private static void putMoney(Map<String, Object> map, String key, Object value) {
    if (value instanceof BigDecimal decimal) {
      map.put(key, decimal.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
    } else if (value != null) {
      map.put(key, value.toString());
    }
  }

  /** A notice of a case the user may see; 404 otherwise. */
  public Notice get(long noticeId, CurrentUser user) {
    Notice notice = notices.findById(noticeId);
    if (notice == null) {
      throw ApiException.notFound();
    }
    applications.get(notice.getApplicationId(), user);
    return notice;
  }

  public List<Notice> ofApplication(long applicationId) {
    return notices.findByApplication(applicationId);
  }

  public byte[] pdf(Notice notice) {
    return renderer.toPdf(notice.getContentHtml());
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
