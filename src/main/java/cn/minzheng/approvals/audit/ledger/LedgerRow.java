package cn.minzheng.approvals.audit.ledger;

import java.time.LocalDateTime;

/** A ledger row as the API answers it: exactly the hashed content, so anyone can recompute the chain. */
public record LedgerRow(long seq, LocalDateTime at, String actor, String action, String target, String detail,
                        String client, String prevHash, String hash) {

  static LedgerRow of(LedgerEntry e) {
    return new LedgerRow(e.getSeq(), e.getAt(), e.getActor(), e.getAction(), e.getTarget(), e.getDetail(),
        e.getClient(), e.getPrevHash(), e.getHash());
  }
}
