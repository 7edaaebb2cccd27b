package cn.minzheng.approvals.linshi;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Look-ups of earlier 临时救助 for the once-a-year rule. */
@Mapper
public interface LinshiMapper {

  /** The {@code data} of approved applications of the type whose applicant is the person, submitted since. */
  List<String> approvedDataSince(@Param("type") String type, @Param("idNumber") String idNumber,
                                 @Param("since") LocalDateTime since);

  /** A paid 临时救助 is closed: the person may apply again (for another cause, or the same one next year). */
  void releasePersons(@Param("applicationId") long applicationId);
}
