package cn.minzheng.approvals.application;

import java.time.LocalDate;

/**
 * Filters of the application list. {@code scopeLevel}/{@code scopeCode} restrict it to the caller's
 * region (district, street or community); the mapper never sees a list without them.
 */
public record ApplicationQuery(String scopeLevel, String scopeCode, String type, String status, String stage,
                               String q, int offset, int limit, Narrowing narrowing) {

  public ApplicationQuery(String scopeLevel, String scopeCode, String type, String status, String stage, String q,
                          int offset, int limit) {
    this(scopeLevel, scopeCode, type, status, stage, q, offset, limit, Narrowing.NONE);
  }

  /**
   * The further filters the dashboard's figures link to: one street, open cases only, cases past their
   * statutory limit on {@code today}, cases with an appeal. Null or false: not applied.
   */
  public record Narrowing(String street, boolean open, boolean overdue, boolean appealed, LocalDate today) {
    public static final Narrowing NONE = new Narrowing(null, false, false, false, null);
  }
}
