package cn.minzheng.approvals.audit.ledger;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Appends to the hash-chained audit ledger (mz_ledger). Inside a transaction the rows wait until just
 * before it commits and are written then, so they are kept exactly when the change they record is, and
 * the head lock that serialises appenders is held only for the last moments of the transaction, after
 * all its other writes (no lock-order cycle with the engine's rows). Outside one (logins, views) a row
 * is written in a short transaction of its own.
 */
@Service
public class Ledger {

  /** Target prefix of rows about one application; {@code application_id} is set from it. */
  public static final String APPLICATION = "application:";

  /** Rows per INSERT: well within every database's limit on bind parameters. */
  static final int INSERT_SLICE = 100;

  private final LedgerMapper ledger;
  private final ObjectMapper json;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  public Ledger(LedgerMapper ledger, ObjectMapper json, Clock clock, PlatformTransactionManager transactions) {
    this.ledger = ledger;
    this.json = json;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** A row about one application. */
  public void appendForApplication(String actor, String action, long applicationId, Map<String, ?> detail) {
    append(actor, action, APPLICATION + applicationId, detail);
  }

  /**
   * Appends a row: who ({@code actor}), what ({@code action}), on what ({@code target}), the detail (JSON,
   * personal data masked), from the current request's client address, at the current time.
   */
  public void append(String actor, String action, String target, Map<String, ?> detail) {
    LedgerEntry entry = new LedgerEntry();
    entry.setAt(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
    entry.setActor(truncate(PersonalDataMask.text(actor == null ? "anonymous" : actor), 64));
    entry.setAction(truncate(action, 64));
    entry.setTarget(truncate(PersonalDataMask.text(target), 200));
    entry.setApplicationId(applicationIdOf(target));
    entry.setDetail(detail == null || detail.isEmpty() ? null : toJson(PersonalDataMask.map(detail)));
    entry.setClient(truncate(ClientAddress.current(), 64));
    if (TransactionSynchronizationManager.isSynchronizationActive()
        && TransactionSynchronizationManager.isActualTransactionActive()
        && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
      pending().add(entry);
    } else {
      ownTransaction.executeWithoutResult(status -> write(List.of(entry)));
    }
  }

  /** Chains the rows onto the head under its row lock; the lock is released when the transaction ends. */
  void write(List<LedgerEntry> entries) {
    LedgerMapper.LedgerHead head = ledger.lockHead();
    long seq = head.lastSeq();
    String prev = head.lastHash();
    for (LedgerEntry entry : entries) {
      entry.setSeq(++seq);
      entry.setPrevHash(prev);
      entry.setHash(LedgerHash.of(entry));
      prev = entry.getHash();
    }
    // one statement per slice: a case step writes three or four rows, a batch hundreds
    for (int from = 0; from < entries.size(); from += INSERT_SLICE) {
      ledger.insertAll(entries.subList(from, Math.min(entries.size(), from + INSERT_SLICE)));
    }
    ledger.updateHead(seq, prev);
  }

  /**
   * This transaction's rows still to write: bound to the transaction as its connection is (looked up at
   * once, not by scanning its synchronizations, of which a transaction starting many processes has
   * thousands), set aside while the transaction is suspended and let go when it ends.
   */
  private List<LedgerEntry> pending() {
    PendingRows rows = (PendingRows) TransactionSynchronizationManager.getResource(this);
    if (rows == null) {
      rows = new PendingRows();
      TransactionSynchronizationManager.registerSynchronization(rows);
      TransactionSynchronizationManager.bindResource(this, rows);
    }
    return rows.entries;
  }

  private final class PendingRows implements TransactionSynchronization {
    private final List<LedgerEntry> entries = new ArrayList<>();

    @Override
    public int getOrder() {
      return 0; // before MyBatis lets go of its session for this transaction
    }

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResourceIfPossible(Ledger.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(Ledger.this, this);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      if (!entries.isEmpty()) {
        write(List.copyOf(entries));
        entries.clear();
      }
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(Ledger.this);
    }
  }

  static Long applicationIdOf(String target) {
    if (target == null || !target.startsWith(APPLICATION)) {
      return null;
    }
    try {
      return Long.parseLong(target.substring(APPLICATION.length()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String toJson(Map<String, ?> detail) {
    try {
      return json.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("ledger detail is not serialisable", e);
    }
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
