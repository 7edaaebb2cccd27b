package cn.minzheng.approvals.board;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One case on 公示 as the public board shows it: only what domain.md §0 allows (masked name, household
 * size, amount) and where and when; {@code id} is the opaque public id of this 公示, never the application id.
 */
public record PublicNotice(String id, String regionName, String maskedName, Integer householdSize, BigDecimal amount,
                           String type, String typeName, LocalDateTime startsAt, LocalDateTime endsAt) {
}
