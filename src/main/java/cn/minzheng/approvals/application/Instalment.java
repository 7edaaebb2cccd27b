package cn.minzheng.approvals.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One payment of an approval paid in stages (分次发放), a row of {@code mz_instalment}. {@link #schedule} splits
 * the approved amount into equal instalments (cents to the last) at a fixed interval of months.
 */
public record Instalment(Long id, long applicationId, int seq, LocalDate dueDate, BigDecimal amount, String status,
                         LocalDateTime paidAt) {

  public static final String SCHEDULED = "scheduled";
  public static final String PAID = "paid";

  public static List<Instalment> schedule(long applicationId, BigDecimal total, int count, LocalDate first,
                                          int intervalMonths) {
    if (count < 1 || intervalMonths < 1) {
      throw new IllegalArgumentException("instalments and interval must be at least 1");
    }
    BigDecimal each = total.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
    List<Instalment> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      BigDecimal amount = i == count - 1 ? total.subtract(each.multiply(BigDecimal.valueOf(count - 1))) : each;
      rows.add(new Instalment(null, applicationId, i + 1, first.plusMonths((long) i * intervalMonths),
          amount.setScale(2, RoundingMode.HALF_UP), SCHEDULED, null));
    }
    return rows;
  }
}
