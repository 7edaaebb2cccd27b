package cn.minzheng.approvals.tekun;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.config.TimeConfig;
import cn.minzheng.approvals.inbox.CompletionGuard;
import cn.minzheng.approvals.inbox.TaskView;
import cn.minzheng.approvals.process.Decision;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.web.ApiException;

/**
 * The county review's spot-check (入户抽查) as a quota (民发〔2021〕43号: at least 30 %): of the 特困 cases a
 * district reviews in a period ({@code approvals.tekun.spot-check-period}: month, quarter or year), at least
 * {@code approvals.tekun.spot-check-ratio} must be spot-checked. Completing a review without one is refused
 * (422) when it would bring the period below the quota, and the task view says so beforehand. Each completed
 * review is counted from the engine's task event, so every way of completing it is counted; completions through
 * the inbox lock the district's region row first, so concurrent ones cannot both slip under the quota.
 */
@Component
public class SpotCheckQuota implements CompletionGuard {

  static final String SPOT_CHECK = "spotCheck";
  static final String YES = "yes";

  private final SpotCheckMapper reviews;
  private final MessageSource messages;
  private final BigDecimal ratio;
  private final String period;

  public SpotCheckQuota(SpotCheckMapper reviews, MessageSource messages,
                        @Value("${approvals.tekun.spot-check-ratio:0.30}") BigDecimal ratio,
                        @Value("${approvals.tekun.spot-check-period:month}") String period) {
    if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0 || !List.of("month", "quarter", "year").contains(period)) {
      throw new IllegalArgumentException("approvals.tekun.spot-check-ratio must be 0..1 and the period month, quarter or year");
    }
    this.reviews = reviews;
    this.messages = messages;
    this.ratio = ratio;
    this.period = period;
  }

  /** Whether one more review of the district without a spot-check would bring the period below the quota. */
  public boolean spotCheckRequired(String districtCode) {
    SpotCheckMapper.Tally tally = tallyNow(districtCode);
    return BigDecimal.valueOf(tally.checked()).compareTo(ratio.multiply(BigDecimal.valueOf(tally.reviewed() + 1))) < 0;
  }

  @Override
  public void check(ApplicationRecord application, String taskKey, Decision decision, Map<String, Object> data) {
    if (!applies(application, taskKey) || decision == Decision.RETURN) {
      return;
    }
    // the completion's transaction holds the lock until this review is counted too
    reviews.lockDistrict(application.getDistrictCode());
    if (!YES.equals(data.get(SPOT_CHECK)) && spotCheckRequired(application.getDistrictCode())) {
      SpotCheckMapper.Tally tally = tallyNow(application.getDistrictCode());
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "error.tekun.spot-check-quota", percent(),
          tally.checked(), tally.reviewed());
    }
  }

  @Override
  public List<TaskView.Note> notes(ApplicationRecord application, String taskKey) {
    if (!applies(application, taskKey) || !spotCheckRequired(application.getDistrictCode())) {
      return List.of();
    }
    return List.of(new TaskView.Note("spot-check-required",
        messages.getMessage("note.tekun.spot-check-required", new Object[] {percent()}, Locale.SIMPLIFIED_CHINESE),
        messages.getMessage("note.tekun.spot-check-required", new Object[] {percent()}, Locale.ENGLISH)));
  }

  /** Counts every completed review (not a return) with its recorded decision, in the engine's transaction. */
  @EventListener
  public void onReviewCompleted(DelegateTask task) {
    if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
        || !TekunProcess.TASK_DISTRICT_REVIEW.equals(task.getTaskDefinitionKey())
        || !task.getProcessDefinitionId().startsWith(TekunProcess.KEY + ":")
        || Decision.RETURN.code().equals(task.getVariable(ProcessVariables.DECISION))) {
      return;
    }
    Object decidedBy = task.getVariable(ProcessVariables.DECIDED_BY);
    reviews.insert(((Number) task.getVariable(ProcessVariables.APPLICATION_ID)).longValue(),
        (String) task.getVariable(ProcessVariables.DISTRICT_CODE), YES.equals(task.getVariable(SPOT_CHECK)),
        decidedBy == null ? String.valueOf(task.getAssignee()) : decidedBy.toString(), now());
  }

  private boolean applies(ApplicationRecord application, String taskKey) {
    return TekunProcess.KEY.equals(application.getType()) && TekunProcess.TASK_DISTRICT_REVIEW.equals(taskKey);
  }

  private SpotCheckMapper.Tally tallyNow(String districtCode) {
    LocalDate today = now().toLocalDate();
    LocalDate from = switch (period) {
      case "year" -> today.withDayOfYear(1);
      case "quarter" -> today.with(IsoFields.DAY_OF_QUARTER, 1);
      default -> today.withDayOfMonth(1);
    };
    LocalDate to = switch (period) {
      case "year" -> from.plusYears(1);
      case "quarter" -> from.plusMonths(3);
      default -> from.plusMonths(1);
    };
    return reviews.tally(districtCode, from.atStartOfDay(), to.atStartOfDay());
  }

  private String percent() {
    return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /** Engine time in Beijing (tests move the engine clock). */
  private static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), TimeConfig.BEIJING);
  }
}
