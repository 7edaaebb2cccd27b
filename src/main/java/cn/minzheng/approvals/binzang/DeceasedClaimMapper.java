package cn.minzheng.approvals.binzang;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code mz_binzang_claim}: which application holds a subsidy kind for a deceased. */
@Mapper
public interface DeceasedClaimMapper {

  /** The application that holds the claim, or null. */
  Long findHolder(@Param("subsidy") String subsidy, @Param("idNumber") String idNumber);

  /** Fails with a duplicate key when another application holds it (the primary key decides races). */
  void insert(@Param("subsidy") String subsidy, @Param("idNumber") String idNumber,
              @Param("applicationId") long applicationId, @Param("at") LocalDateTime at);

  int release(@Param("applicationId") long applicationId);
}
