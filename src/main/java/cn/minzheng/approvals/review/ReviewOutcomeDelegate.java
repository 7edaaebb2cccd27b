package cn.minzheng.approvals.review;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/**
 * Records the 年度复核 decision (维持/增发/减发/停发) before its notice: the new amount, the findings of the
 * check and the home visit for the notice's reasons, the review row.
 */
@ProcessBean
@Component("reviewOutcomeDelegate")
public class ReviewOutcomeDelegate implements JavaDelegate {

  private final AnnualReviews reviews;

  public ReviewOutcomeDelegate(AnnualReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    int year = Integer.parseInt(String.valueOf(execution.getVariable(DibaoReviewProcess.VAR_REVIEW_YEAR)));
    Object amount = execution.getVariable(DibaoReviewProcess.VAR_NEW_AMOUNT);
    BigDecimal newAmount = amount == null || amount.toString().isBlank() ? null : new BigDecimal(amount.toString());
    reviews.decide(applicationId, year, String.valueOf(execution.getVariable(DibaoReviewProcess.VAR_REVIEW_OUTCOME)),
        newAmount, findings(execution));
  }

  /** What the check and (if held) the home visit found: the facts of the decision. */
  private static String findings(DelegateExecution execution) {
    StringBuilder text = new StringBuilder();
    for (String name : new String[] {"checkFindings", "visitFindings"}) {
      Object value = execution.getVariable(name);
      if (value != null && !value.toString().isBlank()) {
        if (text.length() > 0) {
          text.append("；");
        }
        text.append(value.toString().trim());
      }
    }
    return text.toString();
  }
}
