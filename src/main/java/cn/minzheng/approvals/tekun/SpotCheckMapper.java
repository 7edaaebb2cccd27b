package cn.minzheng.approvals.tekun;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code mz_spot_check}: the county reviews of 特困 cases and whether each was spot-checked. */
@Mapper
public interface SpotCheckMapper {

  /** Reviews of the district in [from, to) and how many of them were spot-checked. */
  record Tally(long reviewed, long checked) {
  }

  /**
   * Locks the district's region row until the completing transaction ends, so that two reviews completed at
   * the same moment are counted one after the other (the second sees the first's row).
   */
  String lockDistrict(@Param("districtCode") String districtCode);

  Tally tally(@Param("districtCode") String districtCode, @Param("from") LocalDateTime from,
              @Param("to") LocalDateTime to);

  void insert(@Param("applicationId") long applicationId, @Param("districtCode") String districtCode,
              @Param("checked") boolean checked, @Param("reviewedBy") String reviewedBy,
              @Param("at") LocalDateTime at);
}
