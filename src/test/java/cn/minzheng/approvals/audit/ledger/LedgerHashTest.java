package cn.minzheng.approvals.audit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The canonical form is the contract of anyone re-checking an export: a fixed vector (computed with Python's hashlib). */
class LedgerHashTest {

  @Test
  void shouldHashTheLengthPrefixedFieldsAsDocumented() {
    // printf '1:1|23:2026-11-24T18:02:25.370|9:wjs-clerk|6:submit|13:application:1|11:{"a":"中"}|~|64:000…' | sha256sum
    String hash = LedgerHash.of(1, LocalDateTime.of(2026, 11, 24, 18, 2, 25, 370_000_000), "wjs-clerk", "submit",
        "application:1", "{\"a\":\"中\"}", null, LedgerHash.GENESIS);
    assertThat(hash).isEqualTo("67183a8dad9f4e90396c2010650f40c645ee765c099a5250165e807ee4be82eb");
  }

  @Test
  void shouldTellAMissingFieldFromAnEmptyOneAndFieldsApartWhateverTheyContain() {
    LocalDateTime at = LocalDateTime.of(2026, 1, 1, 0, 0);
    assertThat(LedgerHash.of(1, at, "a", "b", null, null, null, LedgerHash.GENESIS))
        .isNotEqualTo(LedgerHash.of(1, at, "a", "b", "", null, null, LedgerHash.GENESIS));
    assertThat(LedgerHash.of(1, at, "a|b", "c", null, null, null, LedgerHash.GENESIS))
        .isNotEqualTo(LedgerHash.of(1, at, "a", "b|c", null, null, null, LedgerHash.GENESIS));
  }

  @Test
  void shouldMaskPersonalDataByKeyAndByShape() {
    Map<String, Object> masked = PersonalDataMask.map(Map.of(
        "idNumber", "42011219900101123X",
        "members", List.of(Map.of("idNumber", "420112199001011234", "monthlyIncome", 300)),
        "bankAccount", "6228480012345678901",
        "opinion", "核对 42011219900101123X，电话 13812345678。",
        "noticeSha256", "597034aec78b9989a9611579278b780e78a740300c32ea1cd0e5e1af4c1fe97b",
        "applicationId", 12));
    assertThat(masked).containsEntry("idNumber", "420112********123X")
        .containsEntry("bankAccount", "***************8901")
        .containsEntry("opinion", "核对 420112********123X，电话 138****5678。")
        .containsEntry("noticeSha256", "597034aec78b9989a9611579278b780e78a740300c32ea1cd0e5e1af4c1fe97b")
        .containsEntry("applicationId", 12);
    assertThat(masked.get("members").toString()).contains("420112********1234", "monthlyIncome=***").doesNotContain("300");
  }
}
