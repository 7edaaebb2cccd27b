package cn.minzheng.approvals.calendar;

import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface CalendarMapper {

  List<Integer> findYears();

  List<LocalDate> findDays(@Param("kind") String kind);

  /** With {@link #lastChange()} the calendar's version, compared by every node to see another's change. */
  long countDays();

  /** Id of the last administrator action on a calendar year (null: none). */
  Long lastChange();

  /** The official notice a year's arrangement comes from; null when the year is not covered. */
  String findYearSource(@Param("year") int year);

  /** The days of {@code from}..{@code to} (inclusive), by date. */
  List<CalendarDay> findDaysBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);

  void insertYear(@Param("year") int year, @Param("source") String source);

  void updateYearSource(@Param("year") int year, @Param("source") String source);

  void deleteDaysBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);

  void insertDay(CalendarDay day);
}
