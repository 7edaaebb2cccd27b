package cn.minzheng.approvals.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/** Ends a 年度复核 减发 or 停发 after its appeal stage: the case's status as the decision left it. */
@ProcessBean
@Component("closeReviewDelegate")
public class CloseReviewDelegate implements JavaDelegate {

  private final AnnualReviews reviews;

  public CloseReviewDelegate(AnnualReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.close(((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue(),
        Integer.parseInt(String.valueOf(execution.getVariable(DibaoReviewProcess.VAR_REVIEW_YEAR))));
  }
}
