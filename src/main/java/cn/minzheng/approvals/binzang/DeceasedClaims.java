package cn.minzheng.approvals.binzang;

import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.approvals.application.ApplicationMapper;
import cn.minzheng.approvals.common.IdNumbers;
import cn.minzheng.approvals.web.ApiException;

/**
 * One subsidy of each kind per deceased (by ID number): the first application claims it in
 * {@code mz_binzang_claim}, whose primary key refuses any other — also one submitted at the same moment,
 * which waits on the key until the first commits. The insert runs in a nested transaction (a savepoint) so
 * that after losing the race the earlier application can still be read and named in the 422.
 */
@Service
public class DeceasedClaims {

  private final DeceasedClaimMapper claims;
  private final ApplicationMapper applications;
  private final TransactionTemplate savepoint;
  private final Clock clock;

  public DeceasedClaims(DeceasedClaimMapper claims, ApplicationMapper applications,
                        PlatformTransactionManager transactions, Clock clock) {
    this.claims = claims;
    this.applications = applications;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.clock = clock;
  }

  /** Claims the subsidy for the deceased for this application, or refuses with the earlier one's number. */
  public void claim(String subsidy, String deceasedIdNumber, long applicationId) {
    Long holder = claims.findHolder(subsidy, deceasedIdNumber);
    if (holder == null) {
      try {
        savepoint.executeWithoutResult(status ->
            claims.insert(subsidy, deceasedIdNumber, applicationId, LocalDateTime.now(clock)));
        return;
      } catch (DuplicateKeyException raced) {
        holder = claims.findHolder(subsidy, deceasedIdNumber);
      }
    }
    String number = holder == null ? "?" : applications.findById(holder).getNumber();
    throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "error.binzang.duplicate-deceased." + subsidy,
        IdNumbers.mask(deceasedIdNumber), number);
  }

  /** An application that never reached a decision (不予受理, 撤回) frees its claim. */
  public void release(long applicationId) {
    claims.release(applicationId);
  }
}
