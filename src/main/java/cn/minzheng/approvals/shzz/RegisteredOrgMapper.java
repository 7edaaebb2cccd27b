package cn.minzheng.approvals.shzz;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** mz_registered_org (the credit code goes into the case's data through ApplicationService#recordData). */
@Mapper
public interface RegisteredOrgMapper {

  int countByName(@Param("name") String name);

  int countByCreditCode(@Param("creditCode") String creditCode);

  int countByLegalRep(@Param("idNumber") String idNumber, @Param("orgKind") String orgKind);

  RegisteredOrg findByApplication(@Param("applicationId") long applicationId);

  void insert(RegisteredOrg org);
}
