package cn.minzheng.approvals.binzang;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Our own records the burial subsidies look up: 低保 families. */
@Mapper
public interface BinzangMapper {

  /** Approved applications of the type where one of the persons is the applicant or a member. */
  long countApprovedOfPersons(@Param("type") String type, @Param("idNumbers") List<String> idNumbers);

  /** A paid subsidy is closed: the arranger may apply again. */
  void releasePersons(@Param("applicationId") long applicationId);
}
