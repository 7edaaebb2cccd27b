package cn.minzheng.approvals.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.RowBounds;

/** The dashboard's figures, each within the caller's region ({@code scopeLevel}/{@code scopeCode}). */
@Mapper
public interface DashboardMapper {

  List<Map<String, Object>> openByStage(@Param("scopeLevel") String scopeLevel, @Param("scopeCode") String scopeCode);

  List<Map<String, Object>> overdueByStreet(@Param("scopeLevel") String scopeLevel, @Param("scopeCode") String scopeCode,
                                            @Param("today") LocalDate today);

  List<Map<String, Object>> outcomes(@Param("scopeLevel") String scopeLevel, @Param("scopeCode") String scopeCode);

  List<Map<String, Object>> appeals(@Param("scopeLevel") String scopeLevel, @Param("scopeCode") String scopeCode);

  /** Finished cases' main-process durations, newest first (bounded by the caller). */
  List<Map<String, Object>> processDurations(@Param("scopeLevel") String scopeLevel, @Param("scopeCode") String scopeCode,
                                             RowBounds bounds);

  /** Finished user tasks' durations (the case's own and its shared stages'), newest first (bounded). */
  List<Map<String, Object>> taskDurations(@Param("scopeLevel") String scopeLevel, @Param("scopeCode") String scopeCode,
                                          RowBounds bounds);

  /** Approved 特困 cases with their graded self-care level and data (careMode). */
  List<Map<String, Object>> tekunCare(@Param("scopeLevel") String scopeLevel, @Param("scopeCode") String scopeCode);

  List<Map<String, Object>> dibaoByStreet(@Param("scopeLevel") String scopeLevel, @Param("scopeCode") String scopeCode);

  /** Beds and nursing beds of the institutions whose region code starts with {@code prefix}. */
  Map<String, Object> beds(@Param("prefix") String prefix);
}
