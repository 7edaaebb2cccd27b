package cn.minzheng.approvals.audit.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 (lower-case hex) over the canonical form of (seq, at, actor, action, target,
 * detail, client, prev_hash) — each field written as {@code <UTF-8 byte length>:<text>}, a missing one as
 * {@code ~}, joined by {@code |}. Lengths make it unambiguous whatever the fields contain; {@code at} is
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSS} (stored to the millisecond on every database).
 */
public final class LedgerHash {

  /** prev_hash of the first row. */
  public static final String GENESIS = "0".repeat(64);

  static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  private LedgerHash() {
  }

  public static String of(LedgerEntry e) {
    return of(e.getSeq(), e.getAt(), e.getActor(), e.getAction(), e.getTarget(), e.getDetail(), e.getClient(),
        e.getPrevHash());
  }

  public static String of(long seq, LocalDateTime at, String actor, String action, String target, String detail,
                          String client, String prevHash) {
    String canonical = String.join("|", field(Long.toString(seq)), field(at == null ? null : AT.format(at)),
        field(actor), field(action), field(target), field(detail), field(client), field(prevHash));
    return sha256(canonical);
  }

  /** SHA-256 (lower-case hex) of a text's UTF-8 bytes; null for null. */
  public static String sha256(String text) {
    if (text == null) {
      return null;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String field(String value) {
    return value == null ? "~" : value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
  }
}
