package cn.minzheng.approvals.audit.ledger;

import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;

/**
 * Recomputes the chain from the first row, a page at a time (so a ledger of millions of rows never
 * sits in memory), and names the first row that does not hold: a seq missing, a prev_hash that is not
 * the hash of the row before, a hash that is not the hash of the row's own content, or an
 * application_id that does not match the row's target. Rows appended while it runs are left for the
 * next run: it checks up to the head it read first.
 */
@Service
public class LedgerVerifier {

  static final int PAGE = 1000;

  private final LedgerMapper ledger;

  public LedgerVerifier(LedgerMapper ledger) {
    this.ledger = ledger;
  }

  public record Result(boolean ok, long checked, Long firstBrokenSeq) {
  }

  public Result verify() {
    LedgerMapper.LedgerHead head = ledger.head();
    long checked = 0;
    long expectedSeq = 1;
    String prevHash = LedgerHash.GENESIS;
    while (expectedSeq <= head.lastSeq()) {
      List<LedgerEntry> page = ledger.scan(LedgerFilter.none(), expectedSeq - 1, head.lastSeq(), PAGE);
      if (page.isEmpty()) {
        return new Result(false, checked, expectedSeq); // rows at the end are gone
      }
      for (LedgerEntry row : page) {
        if (row.getSeq() != expectedSeq || !intact(row, prevHash)) {
          return new Result(false, checked, expectedSeq);
        }
        checked++;
        expectedSeq++;
        prevHash = row.getHash();
      }
    }
    if (!prevHash.equals(head.lastHash())) {
      return new Result(false, checked, head.lastSeq());
    }
    return new Result(true, checked, null);
  }

  private static boolean intact(LedgerEntry row, String prevHash) {
    return prevHash.equals(row.getPrevHash())
        && LedgerHash.of(row).equals(row.getHash())
        && Objects.equals(Ledger.applicationIdOf(row.getTarget()), row.getApplicationId());
  }
}
