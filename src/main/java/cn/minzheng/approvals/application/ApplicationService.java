package cn.minzheng.approvals.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.audit.ledger.Ledger;
import cn.minzheng.approvals.common.Counters;
import cn.minzheng.approvals.common.Page;
import cn.minzheng.approvals.common.IdNumbers;
import cn.minzheng.approvals.common.Masking;
import cn.minzheng.approvals.process.CaseEngine;
import cn.minzheng.approvals.process.CaseProcesses;
import cn.minzheng.approvals.region.RegionService;
import cn.minzheng.approvals.region.RegionService.RegionPath;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.RegionScope;
import cn.minzheng.approvals.security.Role;
import cn.minzheng.approvals.web.ApiException;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/** Applications: submission, reading within the caller's region, status and stage changes. */
@Service
public class ApplicationService {

  private final ApplicationMapper applications;
  private final ApplicationRequestValidator validator;
  private final RegionService regions;
  private final Counters counters;
  private final CaseHistory history;
  private final CaseEngine engine;
  private final ObjectMapper json;
  private final Clock clock;
  private final CaseProcesses processes;
  private final Ledger ledger;

  public ApplicationService(ApplicationMapper applications, ApplicationRequestValidator validator, RegionService regions,
                            Counters counters, CaseHistory history, CaseEngine engine, ObjectMapper json, Clock clock,
                            CaseProcesses processes, Ledger ledger) {
    this.processes = processes;
    this.ledger = ledger;
    this.applications = applications;
    this.validator = validator;
    this.regions = regions;
    this.counters = counters;
    this.history = history;
    this.engine = engine;
    this.json = json;
    this.clock = clock;
  }

  /** Records a new application and starts its approval; all or nothing. */
  @Transactional
  public ApplicationRecord submit(ApplicationRequest request, CurrentUser user) {
    if (!user.has(Role.CLERK) && !user.has(Role.WORKER)) {
      throw ApiException.forbidden();
    }
    List<FieldProblem> problems = validator.validate(request);
    RegionPath path = null;
    if (request.regionCode() != null) {
      path = regions.path(request.regionCode()).orElse(null);
      if (path == null) {
        problems.add(new FieldProblem("regionCode", "validation.region.unknown"));
      } else if (!RegionScope.covers(user, path.communityCode(), path.street().getCode(), path.district().getCode())) {
        problems.add(new FieldProblem("regionCode", "validation.region.outside"));
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    refuseOpenDuplicate(request);
    LocalDateTime now = LocalDateTime.now(clock);
    ApplicationRecord application = new ApplicationRecord();
    application.setNumber(nextNumber(request.type(), path.district().getCode(), now.getYear()));
    application.setType(request.type());
    application.setRegionCode(request.regionCode());
    application.setCommunityCode(path.communityCode());
    application.setStreetCode(path.street().getCode());
    application.setDistrictCode(path.district().getCode());
    application.setStatus(ApplicationStatus.IN_PROGRESS);
    application.setStage("Start");
    application.setApplicantName(request.applicant().name().trim());
    application.setApplicantIdNumber(request.applicant().idNumber());
    application.setApplicantPhone(request.applicant().phone());
    application.setReason(request.reason());
    application.setBankName(request.bankName());
    application.setBankAccount(request.bankAccount());
    application.setAssetsJson(toJson(request.assets()));
    application.setDataJson(toJson(request.data()));
    application.setCreatedBy(user.id());
    application.setCreatedAt(now);
    application.setUpdatedAt(now);
    applications.insert(application);
    if (request.members() != null) {
      insertMembers(application.getId(), request.members());
    }
    if (request.materials() != null) {
      for (ApplicationRequest.Material item : request.materials()) {
        MaterialRecord material = new MaterialRecord();
        material.setApplicationId(application.getId());
        material.setKind(item.kind());
        material.setDescription(item.description());
        material.setProvided(item.provided() == null || item.provided());
        applications.insertMaterial(material);
      }
    }
    for (String idNumber : persons(request)) {
      // the primary key refuses a concurrent second application for the same person
      applications.insertOpenPerson(request.type(), idNumber, application.getId());
    }
    processes.forType(request.type()).onSubmitted(application);
    history.record(application.getId(), "Start", null, user.id(), user.name(), "submit", request.reason(),
        Map.of("number", application.getNumber()));
    String processInstanceId = engine.start(application);
    applications.updateProcessInstance(application.getId(), processInstanceId);
    application.setProcessInstanceId(processInstanceId);
    return applications.findById(application.getId());
  }

  /**
   * 409 naming the open application of one of the request's people, if there is one. Also called after a
   * submission lost the race for {@code mz_open_person} to a simultaneous one (its transaction is rolled
   * back then, so the winner's number can be read).
   */
  public void refuseOpenDuplicate(ApplicationRequest request) {
    for (String idNumber : persons(request)) {
      Long open = applications.findOpenApplicationOfPerson(request.type(), idNumber);
      if (open != null) {
        throw new ApiException(HttpStatus.CONFLICT, "error.duplicate-person", Masking.name(nameOf(request, idNumber)),
            applications.findById(open).getNumber());
      }
    }
  }

  /** Everyone the application is about: the household's members, or the applicant alone. */
  private static java.util.Set<String> persons(ApplicationRequest request) {
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    ids.add(request.applicant().idNumber());
    if (request.members() != null) {
      request.members().forEach(m -> ids.add(m.idNumber()));
    }
    return ids;
  }

  private static String nameOf(ApplicationRequest request, String idNumber) {
    if (request.members() != null) {
      for (ApplicationRequest.Member member : request.members()) {
        if (idNumber.equals(member.idNumber())) {
          return member.name();
        }
      }
    }
    return request.applicant().name();
  }

  private void insertMembers(long applicationId, List<ApplicationRequest.Member> members) {
    int seq = 0;
    for (ApplicationRequest.Member item : members) {
      MemberRecord member = new MemberRecord();
      member.setApplicationId(applicationId);
      member.setSeq(++seq);
      member.setName(item.name().trim());
      member.setIdNumber(item.idNumber());
      member.setRelation(item.relation());
      member.setCoResident(Boolean.TRUE.equals(item.coResident()));
      member.setWorkAbility(item.workAbility());
      member.setDisability(item.disability());
      var incomes = item.incomes();
      member.setMonthlyIncome(item.monthlyIncome() != null ? item.monthlyIncome() : incomes.total());
      if (incomes != null) {
        member.setIncomeWage(incomes.wage());
        member.setIncomeBusiness(incomes.business());
        member.setIncomeProperty(incomes.property());
        member.setIncomeTransfer(incomes.transfer());
        member.setIncomeOther(incomes.other());
      }
      applications.insertMember(member);
    }
  }

  private String nextNumber(String type, String districtCode, int year) {
    String prefix = engine.numberPrefix(type);
    String county = districtCode.substring(0, 6);
    long n = counters.next("app:" + prefix + ":" + county + ":" + year);
    return String.format("%s-%s-%d-%06d", prefix, county, year, n);
  }

  /** The application if the user's region covers it; otherwise 404, as if it did not exist. */
  public ApplicationRecord get(long id, CurrentUser user) {
    ApplicationRecord application = applications.findById(id);
    if (application == null || !RegionScope.covers(user, application)) {
      throw ApiException.notFound();
    }
    return application;
  }

  /** For the engine's own steps, which act for the office as a whole. */
  public ApplicationRecord getForProcess(long id) {
    ApplicationRecord application = applications.findById(id);
    if (application == null) {
      throw new IllegalStateException("application " + id + " missing");
    }
    return application;
  }

  public List<MemberRecord> members(long applicationId) {
    return applications.findMembers(applicationId);
  }

  public List<MaterialRecord> materials(long applicationId) {
    return applications.findMaterials(applicationId);
  }

  /** Required kinds of the type that the application has not handed in. */
  public List<String> missingMaterialKinds(ApplicationRecord application, List<String> required) {
    java.util.Set<String> provided = new java.util.HashSet<>();
    applications.findMaterials(application.getId()).stream().filter(MaterialRecord::isProvided)
        .forEach(m -> provided.add(m.getKind()));
    provided.addAll(applications.findAttachedKinds(application.getId()));
    return required.stream().filter(kind -> !provided.contains(kind)).toList();
  }

  public Map<Long, ApplicationRecord> byIds(java.util.Collection<Long> ids) {
    Map<Long, ApplicationRecord> result = new HashMap<>();
    if (!ids.isEmpty()) {
      applications.findByIds(ids).forEach(a -> result.put(a.getId(), a));
    }
    return result;
  }

  public Page<ApplicationRecord> search(CurrentUser user, String type, String status, String stage, String q, int page, int size) {
    return search(user, type, status, stage, q, ApplicationQuery.Narrowing.NONE, page, size);
  }

  /** The list with the dashboard's further filters (street, open, overdue, appealed). */
  public Page<ApplicationRecord> search(CurrentUser user, String type, String status, String stage, String q,
                                        ApplicationQuery.Narrowing narrowing, int page, int size) {
    if (user.regionCode() == null || user.regionLevel() == null) {
      return new Page<>(List.of(), 0, page, size);
    }
    ApplicationQuery query = new ApplicationQuery(user.regionLevel(), user.regionCode(), blankToNull(type),
        blankToNull(status), blankToNull(stage), blankToNull(q), page * size, size, narrowing);
    return new Page<>(applications.search(query), applications.count(query), page, size);
  }

  @Transactional
  public void changeStage(long applicationId, String stage) {
    applications.updateStage(applicationId, stage, LocalDateTime.now(clock));
    ledger.appendForApplication(CaseHistory.SYSTEM, "stage_changed", applicationId, Map.of("stage", stage));
  }

  /**
   * Moves the application to a new status and keeps the one-open-application-per-person rule:
   * a refusal, non-acceptance or withdrawal frees the household to apply again; an appeal takes it back.
   */
  @Transactional
  public void changeStatus(long applicationId, String status) {
    ApplicationRecord application = getForProcess(applicationId);
    if (status.equals(application.getStatus())) {
      return;
    }
    applications.updateStatus(applicationId, status, LocalDateTime.now(clock));
    ledger.appendForApplication(CaseHistory.SYSTEM, "status_changed", applicationId,
        Map.of("from", application.getStatus(), "to", status));
    boolean wasHolding = ApplicationStatus.OPEN.contains(application.getStatus())
        || ApplicationStatus.APPROVED.equals(application.getStatus());
    boolean holds = ApplicationStatus.OPEN.contains(status) || ApplicationStatus.APPROVED.equals(status);
    if (wasHolding && !holds) {
      applications.deleteOpenPersons(applicationId);
      if (processes.supports(application.getType())) {
        processes.forType(application.getType()).onReleased(applicationId, status);
      }
    } else if (!wasHolding && holds) {
      java.util.Map<String, String> persons = new java.util.LinkedHashMap<>();
      persons.put(application.getApplicantIdNumber(), application.getApplicantName());
      applications.findMembers(applicationId).forEach(m -> persons.put(m.getIdNumber(), m.getName()));
      for (var person : persons.entrySet()) {
        Long open = applications.findOpenApplicationOfPerson(application.getType(), person.getKey());
        if (open != null) {
          throw new ApiException(HttpStatus.CONFLICT, "error.duplicate-person", Masking.name(person.getValue()),
              applications.findById(open).getNumber());
        }
        applications.insertOpenPerson(application.getType(), person.getKey(), applicationId);
      }
    }
  }

  /** The case now runs in another model instance (e.g. its 终止): the inbox finds its tasks through it. */
  @Transactional
  public void moveToProcessInstance(long applicationId, String processInstanceId) {
    applications.updateProcessInstance(applicationId, processInstanceId);
  }

  /** Adds what a stage recorded (an advance paid, a deadline set) to the application's {@code data}. */
  @Transactional
  public void recordData(long applicationId, Map<String, Object> entries) {
    ApplicationRecord application = getForProcess(applicationId);
    Map<String, Object> before = ApplicationData.asMap(application.getDataJson());
    Map<String, Object> data = new LinkedHashMap<>(before);
    data.putAll(entries);
    applications.updateData(applicationId, toJson(data), LocalDateTime.now(clock));
    history.recordDataChanges(applicationId, application.getStage(), before, data);
  }

  @Transactional
  public void recordAmount(long applicationId, int householdSize, BigDecimal householdIncome, BigDecimal perCapita,
                           BigDecimal standard, BigDecimal amount) {
    applications.updateAmount(applicationId, householdSize, householdIncome, perCapita, standard, amount,
        LocalDateTime.now(clock));
  }

  /** Masks an ID number unless the viewer's stage needs it. */
  public static String idForViewer(String idNumber, boolean fullNeeded) {
    return fullNeeded ? idNumber : IdNumbers.mask(idNumber);
  }

  private String toJson(Map<String, Object> value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return json.writeValueAsString(new LinkedHashMap<>(value));
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("error.unreadable");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
