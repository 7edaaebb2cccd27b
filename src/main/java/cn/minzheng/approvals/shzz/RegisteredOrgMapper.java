package cn.minzheng.approvals.shzz;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** mz_registered_org, and the one column of mz_application the registration writes (data_json). */
@Mapper
public interface RegisteredOrgMapper {

  int countByName(@Param("name") String name);

  int countByCreditCode(@Param("creditCode") String creditCode);

  int countByLegalRep(@Param("idNumber") String idNumber, @Param("orgKind") String orgKind);

  RegisteredOrg findByApplication(@Param("applicationId") long applicationId);

  void insert(RegisteredOrg org);

  void updateApplicationData(@Param("applicationId") long applicationId, @Param("dataJson") String dataJson);
}
