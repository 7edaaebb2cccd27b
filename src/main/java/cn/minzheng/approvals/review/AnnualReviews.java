package cn.minzheng.approvals.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.approvals.admin.AdminAudit;
import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.ApplicationStatus;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.region.Region;
import cn.minzheng.approvals.region.RegionService;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.web.ApiException;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/**
 * 年度复核 of 低保 households: an administrator starts a run for a region and year (one run per region
 * and year: starting it again answers the run there is), pauses and resumes it; the
 * {@link AnnualReviewRunner} creates the review cases. Each review's decision is recorded by
 * {@link #decide} from the model.
 */
@Service
public class AnnualReviews {

  public static final String AUDIT_START = "annual-review.start";
  public static final String AUDIT_PAUSE = "annual-review.pause";
  public static final String AUDIT_RESUME = "annual-review.resume";

  private final ReviewMapper reviews;
  private final AnnualReviewRunner runner;
  private final AnnualReviewProperties properties;
  private final RegionService regions;
  private final ApplicationService applications;
  private final CaseHistory history;
  private final AdminAudit audit;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public AnnualReviews(ReviewMapper reviews, AnnualReviewRunner runner, AnnualReviewProperties properties,
                       RegionService regions, ApplicationService applications, CaseHistory history, AdminAudit audit,
                       TransactionTemplate transaction, Clock clock) {
    this.reviews = reviews;
    this.runner = runner;
    this.properties = properties;
    this.regions = regions;
    this.applications = applications;
    this.history = history;
    this.audit = audit;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The body of {@code POST /api/admin/annual-reviews}. */
  public record StartRequest(String regionCode, Integer year, String note) {
  }

  /** The run and whether this call created it (false: the region's run of the year was there already). */
  public record Started(ReviewRun run, boolean created) {
  }

  public Started start(StartRequest request, CurrentUser admin) {
    Region region = validate(request);
    ReviewRun existing = reviews.findRunOf(region.getCode(), request.year());
    if (existing != null) {
      return new Started(existing, false);
    }
    ReviewRun run;
    try {
      run = transaction.execute(status -> record(region, request, admin));
    } catch (DuplicateKeyException e) {
      // a second click or node was faster: its run is the one
      return new Started(reviews.findRunOf(region.getCode(), request.year()), false);
    }
    if (properties.isBackground()) {
      runner.submit(run.getId());
    }
    return new Started(run, true);
  }

  private Region validate(StartRequest request) {
    Region region = request.regionCode() == null ? null : regions.find(request.regionCode().trim())
        .filter(r -> Region.DISTRICT.equals(r.getLevel()) || Region.STREET.equals(r.getLevel())).orElse(null);
    int thisYear = LocalDateTime.now(clock).getYear();
    List<FieldProblem> problems = new java.util.ArrayList<>();
    if (region == null) {
      problems.add(new FieldProblem("regionCode", "annual-review.region-invalid"));
    }
    if (request.year() == null || request.year() < 2000 || request.year() > thisYear + 1) {
      problems.add(new FieldProblem("year", "annual-review.year-invalid"));
    }
    if (request.note() != null && request.note().length() > 500) {
      problems.add(new FieldProblem("note", "validation.too-long", 500));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return region;
  }

  private ReviewRun record(Region region, StartRequest request, CurrentUser admin) {
    LocalDateTime now = LocalDateTime.now(clock);
    ReviewRun run = new ReviewRun();
    run.setRegionCode(region.getCode());
    run.setReviewYear(request.year());
    run.setNote(request.note() == null || request.note().isBlank() ? null : request.note().trim());
    run.setState(ReviewRun.RUNNING);
    run.setTotal(reviews.countCandidates(region.getLevel(), region.getCode(), request.year()));
    run.setActor(admin.id());
    run.setCreatedAt(now);
    run.setUpdatedAt(now);
    reviews.insertRun(run);
    audit.record(admin.id(), AUDIT_START, target(run), run.getNote(), null,
        "{\"regionCode\":\"" + run.getRegionCode() + "\",\"year\":" + run.getReviewYear() + ",\"total\":"
            + run.getTotal() + "}");
    return run;
  }

  public ReviewRun progress(long runId) {
    ReviewRun run = reviews.findRun(runId);
    if (run == null) {
      throw ApiException.notFound();
    }
    return run;
  }

  public List<ReviewRun> recent() {
    return reviews.recentRuns(50);
  }

  /** Stops the run after the chunk in hand (the chunk holds the run's row lock; this waits for it). */
  @Transactional
  public ReviewRun pause(long runId, CurrentUser admin) {
    ReviewRun run = progress(runId);
    if (reviews.changeState(runId, ReviewRun.RUNNING, ReviewRun.PAUSED, LocalDateTime.now(clock)) == 0) {
      throw ApiException.conflict("annual-review.not-running", runId);
    }
    audit.record(admin.id(), AUDIT_PAUSE, target(run), null, ReviewRun.RUNNING, ReviewRun.PAUSED);
    return progress(runId);
  }

  public ReviewRun resume(long runId, CurrentUser admin) {
    ReviewRun run = transaction.execute(status -> {
      ReviewRun found = progress(runId);
      if (reviews.changeState(runId, ReviewRun.PAUSED, ReviewRun.RUNNING, LocalDateTime.now(clock)) == 0) {
        throw ApiException.conflict("annual-review.not-paused", runId);
      }
      audit.record(admin.id(), AUDIT_RESUME, target(found), null, ReviewRun.PAUSED, ReviewRun.RUNNING);
      return progress(runId);
    });
    if (properties.isBackground()) {
      runner.submit(runId);
    }
    return run;
  }

  private static String target(ReviewRun run) {
    return "annual-review:" + run.getRegionCode() + ":" + run.getReviewYear();
  }

  /**
   * The reviewer's decision (Service_ApplyOutcome): the new monthly amount for 增发/减发 (the previous
   * one again for 维持, e.g. after an appeal re-opened a 减发), what the notices show, the review row and
   * the case's history. 停发 ends the benefit through its notice (status terminated).
   */
  @Transactional
  public void decide(long applicationId, int year, String outcome, BigDecimal newAmount, String findings) {
    if (!DibaoReviewProcess.OUTCOMES.contains(outcome)) {
      throw ApiException.invalid(List.of(new FieldProblem(DibaoReviewProcess.VAR_REVIEW_OUTCOME, "validation.enum")));
    }
    AnnualReview review = reviews.findReview(applicationId, year);
    if (review == null) {
      throw new IllegalStateException("no review of application " + applicationId + " for " + year);
    }
    BigDecimal previous = review.getPreviousAmount();
    BigDecimal amount = amountAfter(outcome, previous, newAmount);
    ApplicationRecord application = applications.getForProcess(applicationId);
    if (amount != null) {
      applications.recordAmount(applicationId, application.getHouseholdSize() == null ? 0 : application.getHouseholdSize(),
          application.getHouseholdIncome(), application.getPerCapitaIncome(), application.getStandardAmount(), amount);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("reviewYear", String.valueOf(year));
    data.put("reviewOutcome", outcome);
    data.put("reviewPreviousAmount", previous == null ? "" : previous.setScale(2, RoundingMode.HALF_UP).toPlainString());
    data.put("reviewFindings", findings == null ? "" : findings);
    applications.recordData(applicationId, data);
    reviews.decide(review.getId(), outcome, LocalDateTime.now(clock));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("year", year);
    detail.put("outcome", outcome);
    if (amount != null) {
      detail.put("amount", amount.toPlainString());
    }
    history.recordSystem(applicationId, application.getStage(), DibaoReviewProcess.EVENT_DECIDED, detail);
  }

  /**
   * The end of a 减发 or 停发 once the appeal is over (window passed or decision upheld): the case is a
   * recipient again after 减发, its benefit ended after 停发.
   */
  @Transactional
  public void close(long applicationId, int year) {
    AnnualReview review = reviews.findReview(applicationId, year);
    if (review == null) {
      throw new IllegalStateException("no review of application " + applicationId + " for " + year);
    }
    applications.changeStatus(applicationId, DibaoReviewProcess.OUTCOME_STOP.equals(review.getOutcome())
        ? ApplicationStatus.TERMINATED : ApplicationStatus.APPROVED);
  }

  /** The amount after the decision; null when it stays as it is (停发: the benefit stops instead). */
  private static BigDecimal amountAfter(String outcome, BigDecimal previous, BigDecimal newAmount) {
    switch (outcome) {
      case DibaoReviewProcess.OUTCOME_KEEP:
        return previous;
      case DibaoReviewProcess.OUTCOME_INCREASE:
      case DibaoReviewProcess.OUTCOME_REDUCE:
        boolean increase = DibaoReviewProcess.OUTCOME_INCREASE.equals(outcome);
        boolean fits = newAmount != null && newAmount.signum() > 0 && (previous == null
            || (increase ? newAmount.compareTo(previous) > 0 : newAmount.compareTo(previous) < 0));
        if (!fits) {
          throw ApiException.invalid(List.of(new FieldProblem(DibaoReviewProcess.VAR_NEW_AMOUNT,
              increase ? "annual-review.amount-not-higher" : "annual-review.amount-not-lower")));
        }
        return newAmount.setScale(2, RoundingMode.HALF_UP);
      default:
        return null;
    }
  }
}
