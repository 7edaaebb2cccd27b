package cn.minzheng.approvals.board;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.CaseActionService;
import cn.minzheng.approvals.common.Counters;
import cn.minzheng.approvals.common.Masking;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.region.Region;
import cn.minzheng.approvals.region.RegionService;
import cn.minzheng.approvals.web.ApiException;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/**
 * The public 公示 board: the cases whose shared stage {@code stage_public_notice} waits for an 异议 now,
 * and objections filed there. A 公示 is on the board exactly while the engine would take an objection for
 * it, so the board and the process can never disagree.
 */
@Service
public class PublicBoard {

  /** Letters only: an opaque id can never look like a phone, ID or account number. */
  private static final char[] ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz".toCharArray();
  private static final int ID_LENGTH = 20;
  private static final DateTimeFormatter RECEIPT_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  private static final String TERMINATION_KEY = cn.minzheng.approvals.tekun.TekunTerminationProcess.KEY;

  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService historyService;
  private final ApplicationService applications;
  private final CaseActionService caseActions;
  private final RegionService regions;
  private final PublicNoticeMapper mapper;
  private final Counters counters;
  private final PublicBoardProperties properties;
  private final MessageSource messages;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public PublicBoard(RuntimeService runtime, ManagementService management, HistoryService historyService,
                     ApplicationService applications, CaseActionService caseActions, RegionService regions,
                     PublicNoticeMapper mapper, Counters counters, PublicBoardProperties properties,
                     MessageSource messages, Clock clock) {
    this.runtime = runtime;
    this.management = management;
    this.historyService = historyService;
    this.applications = applications;
    this.caseActions = caseActions;
    this.regions = regions;
    this.mapper = mapper;
    this.counters = counters;
    this.properties = properties;
    this.messages = messages;
    this.clock = clock;
  }

  /** The 公示 running now, newest first; {@code regionCode} (district, street or community) narrows them. */
  public List<PublicNotice> running(String regionCode) {
    Map<String, Long> applicationByStage = new HashMap<>();
    Set<String> stageIds = runtime.createEventSubscriptionQuery().eventType("message")
        .eventName(ProcessVariables.MESSAGE_OBJECTION).list().stream()
        .map(EventSubscription::getProcessInstanceId).collect(Collectors.toSet());
    if (stageIds.isEmpty()) {
      return List.of();
    }
    for (ProcessInstance stage : runtime.createProcessInstanceQuery().processInstanceIds(stageIds)
        .processDefinitionKey(SharedStages.PUBLIC_NOTICE).active().list()) {
      // every case's instances carry the application id as business key; anything else is not a case
      String key = stage.getBusinessKey();
      if (key != null && key.matches("\\d{1,18}")) {
        applicationByStage.put(stage.getId(), Long.valueOf(key));
      }
    }
    Map<Long, ApplicationRecord> cases = applications.byIds(applicationByStage.values());
    Map<String, Date> startedAt = new HashMap<>();
    if (!applicationByStage.isEmpty()) {
      for (HistoricProcessInstance h : historyService.createHistoricProcessInstanceQuery()
          .processInstanceIds(applicationByStage.keySet()).list()) {
        startedAt.put(h.getId(), h.getStartTime());
      }
    }
    Map<String, String> regionNames = regions.all().stream().collect(Collectors.toMap(Region::getCode, Region::getName));
    List<PublicNotice> board = new ArrayList<>();
    applicationByStage.forEach((stageId, applicationId) -> {
      ApplicationRecord a = cases.get(applicationId);
      if (a == null || !inRegion(a, regionCode)) {
        return;
      }
      Job timer = management.createJobQuery().processInstanceId(stageId).timers().singleResult();
      String regionCodeShown = a.getCommunityCode() != null ? a.getCommunityCode() : a.getStreetCode();
      board.add(new PublicNotice(publicId(stageId, applicationId), regionNames.get(regionCodeShown),
          Masking.name(a.getApplicantName()), a.getHouseholdSize(), a.getAmount(), a.getType(), typeName(a, stageId),
          local(startedAt.get(stageId)), timer == null ? null : local(timer.getDuedate())));
    });
    board.sort(Comparator.comparing(PublicNotice::startsAt, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(PublicNotice::id));
    return board;
  }

  /** The type's name; a 公示 of a 特困 termination (tekun_termination calls the stage) says so. */
  private String typeName(ApplicationRecord a, String stageId) {
    String name = messages.getMessage("type.name." + a.getType(), null, a.getType(), ZH);
    ProcessInstance caller = runtime.createProcessInstanceQuery().subProcessInstanceId(stageId).singleResult();
    if (caller != null && caller.getProcessDefinitionId().startsWith(TERMINATION_KEY + ":")) {
      return name + "（终止）";
    }
    return name;
  }

  /** Streets and communities, for the board's filter (names of places, nothing about anyone). */
  public List<Region> places() {
    return regions.all().stream()
        .filter(r -> Region.STREET.equals(r.getLevel()) || Region.COMMUNITY.equals(r.getLevel())).toList();
  }

  /**
   * An 异议 from the public against one running 公示: rate-limited per client, recorded with a receipt
   * number, and delivered to the process as staff-entered objections are.
   */
  @Transactional
  public String fileObjection(String publicId, String content, String contact, String clientAddress) {
    validate(content, contact);
    String clientKey = NoticeService.sha256("mz-public-objection|" + clientAddress);
    LocalDateTime now = LocalDateTime.now(clock);
    List<LocalDateTime> recent = mapper.objectionTimes(clientKey, now.minusHours(1));
    if (recent.size() >= properties.getObjectionsPerHour()) {
      long wait = Duration.between(now, recent.get(0).plusHours(1)).toSeconds();
      throw new ObjectionRateLimitedException(Math.max(1, wait));
    }
    PublicNoticeMapper.PublicNoticeRef ref = publicId == null ? null : mapper.findByPublicId(publicId);
    if (ref == null) {
      throw ApiException.notFound();
    }
    boolean running = runtime.createEventSubscriptionQuery().processInstanceId(ref.getProcessInstanceId())
        .eventType("message").eventName(ProcessVariables.MESSAGE_OBJECTION).count() > 0;
    if (!running) {
      throw ApiException.conflict("error.public-notice-ended");
    }
    String day = RECEIPT_DAY.format(now);
    String receiptNo = "YY" + day + "-" + String.format("%04d", counters.next("public-objection-" + day));
    caseActions.filePublicObjection(ref.getApplicationId(), content, receiptNo);
    String trimmedContact = contact == null || contact.isBlank() ? null : contact.trim();
    mapper.insertObjection(receiptNo, publicId, ref.getApplicationId(), content.trim(), trimmedContact, clientKey, now);
    return receiptNo;
  }

  private void validate(String content, String contact) {
    List<FieldProblem> problems = new ArrayList<>();
    if (content == null || content.isBlank()) {
      problems.add(new FieldProblem("content", "validation.required"));
    } else if (content.trim().length() > properties.getContentMaxLength()) {
      problems.add(new FieldProblem("content", "validation.too-long", properties.getContentMaxLength()));
    }
    if (contact != null && contact.trim().length() > properties.getContactMaxLength()) {
      problems.add(new FieldProblem("contact", "validation.too-long", properties.getContactMaxLength()));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
  }

  /** The public id of this run of the 公示 stage, made the first time the board shows it. */
  private String publicId(String stageId, long applicationId) {
    String existing = mapper.findPublicId(stageId);
    if (existing != null) {
      return existing;
    }
    String id = newId();
    try {
      mapper.insertNotice(id, applicationId, stageId, LocalDateTime.now(clock));
      return id;
    } catch (DuplicateKeyException raced) {
      return mapper.findPublicId(stageId);
    }
  }

  private String newId() {
    StringBuilder id = new StringBuilder(ID_LENGTH);
    for (int i = 0; i < ID_LENGTH; i++) {
      id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
    }
    return id.toString();
  }

  private static boolean inRegion(ApplicationRecord a, String regionCode) {
    return regionCode == null || regionCode.isBlank() || regionCode.equals(a.getCommunityCode())
        || regionCode.equals(a.getStreetCode()) || regionCode.equals(a.getDistrictCode());
  }

  private LocalDateTime local(Date date) {
    return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), clock.getZone() == null ? ZoneId.systemDefault() : clock.getZone());
  }
}
