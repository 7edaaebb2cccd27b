package cn.minzheng.approvals.common;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-free sequences (application numbers, 文号). The increment holds the row lock until the caller's
 * transaction ends, so concurrent callers queue, and a rolled-back transaction gives its number back.
 */
@Service
public class Counters {

  private final CounterMapper counters;

  public Counters(CounterMapper counters) {
    this.counters = counters;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public long next(String key) {
    if (counters.increment(key) == 0) {
      try {
        counters.createIfAbsent(key);
      } catch (DuplicateKeyException raced) {
        // Oracle's MERGE can lose a race for a brand-new key; the row exists now, which is all we need.
        // (Safe to continue: Oracle and H2 roll back only the statement; PostgreSQL never gets here.)
      }
      counters.increment(key);
    }
    return counters.current(key);
  }
}
