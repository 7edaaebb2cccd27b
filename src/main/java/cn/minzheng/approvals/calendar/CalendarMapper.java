package cn.minzheng.approvals.calendar;

import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface CalendarMapper {

  List<Integer> findYears();

  List<LocalDate> findDays(@Param("kind") String kind);
}
