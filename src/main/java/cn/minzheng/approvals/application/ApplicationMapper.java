package cn.minzheng.approvals.application;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ApplicationMapper {

  void insert(ApplicationRecord application);

  void insertMember(MemberRecord member);

  void insertMaterial(MaterialRecord material);

  ApplicationRecord findById(long id);

  List<ApplicationRecord> findByIds(@Param("ids") Collection<Long> ids);

  List<MemberRecord> findMembers(long applicationId);

  List<MaterialRecord> findMaterials(long applicationId);

  /** Kinds of the scanned files attached to the application. */
  List<String> findAttachedKinds(long applicationId);

  List<ApplicationRecord> search(ApplicationQuery query);

  long count(ApplicationQuery query);

  int updateProcessInstance(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  int updateStage(@Param("id") long id, @Param("stage") String stage, @Param("now") LocalDateTime now);

  int updateStatus(@Param("id") long id, @Param("status") String status, @Param("now") LocalDateTime now);

  int updateAmount(@Param("id") long id, @Param("householdSize") int householdSize,
                   @Param("householdIncome") BigDecimal householdIncome, @Param("perCapitaIncome") BigDecimal perCapitaIncome,
                   @Param("standardAmount") BigDecimal standardAmount, @Param("amount") BigDecimal amount,
                   @Param("now") LocalDateTime now);

  int startProcedureClock(@Param("id") long id, @Param("acceptedAt") LocalDateTime acceptedAt,
                          @Param("due") java.time.LocalDate due);

  int extendProcedure(@Param("id") long id, @Param("due") java.time.LocalDate due, @Param("reason") String reason,
                      @Param("now") LocalDateTime now);

  List<ApplicationRecord> findPastProcedureDue(@Param("scopeLevel") String scopeLevel, @Param("scopeCode") String scopeCode,
                                               @Param("today") java.time.LocalDate today);

  /** Ids, as the engine's business keys, of the open applications of a region. */
  List<String> findOpenIds(@Param("scopeLevel") String scopeLevel, @Param("scopeCode") String scopeCode);

  /** The open application (if any) that already holds this person for this type. */
  Long findOpenApplicationOfPerson(@Param("type") String type, @Param("idNumber") String idNumber);

  void insertOpenPerson(@Param("type") String type, @Param("idNumber") String idNumber, @Param("applicationId") long applicationId);

  int deleteOpenPersons(long applicationId);
  /** Replaces the type-specific data (what the process recorded is added to what was applied for). */
  int updateData(@Param("id") long id, @Param("dataJson") String dataJson, @Param("now") java.time.LocalDateTime now);
}
