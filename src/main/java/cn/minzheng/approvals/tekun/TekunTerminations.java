package cn.minzheng.approvals.tekun;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.ApplicationStatus;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.process.CaseEngine;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.Role;
import cn.minzheng.approvals.web.ApiException;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/**
 * 终止 of 特困 support: street staff start it for an approved person with the reason and the facts; the
 * procedure runs in {@code processes/tekun-termination.bpmn} and ends with {@link #close}.
 */
@Service
public class TekunTerminations {

  private final ApplicationService applications;
  private final TerminationMapper terminations;
  private final CaseEngine engine;
  private final CaseHistory history;
  private final MessageSource messages;
  private final Clock clock;

  public TekunTerminations(ApplicationService applications, TerminationMapper terminations, CaseEngine engine,
                           CaseHistory history, MessageSource messages, Clock clock) {
    this.applications = applications;
    this.terminations = terminations;
    this.engine = engine;
    this.history = history;
    this.messages = messages;
    this.clock = clock;
  }

  /** The body of {@code POST /api/applications/{id}/termination}. */
  public record TerminationRequest(String reason, String facts) {
  }

  @Transactional
  public String start(long applicationId, TerminationRequest request, CurrentUser user) {
    if (!user.has(Role.CLERK)) {
      throw ApiException.forbidden();
    }
    ApplicationRecord application = applications.get(applicationId, user);
    List<FieldProblem> problems = new ArrayList<>();
    if (request.reason() == null || request.reason().isBlank()) {
      problems.add(new FieldProblem("reason", "validation.required"));
    } else if (!TekunTerminationProcess.REASONS.contains(request.reason())) {
      problems.add(new FieldProblem("reason", "validation.enum"));
    }
    if (request.facts() == null || request.facts().isBlank()) {
      problems.add(new FieldProblem("facts", "validation.required"));
    } else if (request.facts().length() > 2000) {
      problems.add(new FieldProblem("facts", "validation.too-long", 2000));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    if (!TekunProcess.KEY.equals(application.getType()) || !ApplicationStatus.APPROVED.equals(application.getStatus())) {
      throw ApiException.conflict("error.termination-not-allowed", application.getNumber());
    }
    if (terminations.findOpen(applicationId) != null) {
      throw ApiException.conflict("error.termination-running", application.getNumber());
    }
    String facts = request.facts().trim();
    terminations.insert(applicationId, request.reason(), facts, user.id(), LocalDateTime.now(clock));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put(TekunTerminationProcess.VAR_REASON, request.reason());
    data.put("terminationReasonText", messages.getMessage("termination.reason." + request.reason(), null,
        Locale.SIMPLIFIED_CHINESE));
    data.put("terminationFacts", facts);
    applications.recordData(applicationId, data);
    history.record(applicationId, application.getStage(), null, user.id(), user.name(), "termination_started", facts,
        Map.of("reason", request.reason()));
    String instance = engine.startModel(application, TekunTerminationProcess.KEY,
        Map.of(TekunTerminationProcess.VAR_REASON, request.reason()));
    terminations.updateProcessInstance(terminations.findOpen(applicationId), instance);
    applications.moveToProcessInstance(applicationId, instance);
    return instance;
  }

  /** The procedure's end: terminated (status terminated) or support kept (status approved again). */
  @Transactional
  public void close(long applicationId, String outcome) {
    applications.changeStatus(applicationId, TekunTerminationProcess.OUTCOME_TERMINATED.equals(outcome)
        ? ApplicationStatus.TERMINATED : ApplicationStatus.APPROVED);
    terminations.close(applicationId, outcome);
    history.recordSystem(applicationId, applications.getForProcess(applicationId).getStage(), "termination_" + outcome,
        Map.of());
  }
}
