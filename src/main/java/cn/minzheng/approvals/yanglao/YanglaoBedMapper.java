package cn.minzheng.approvals.yanglao;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Institutions, beds and the 轮候 queue (V7__yanglao_institutions.sql). */
@Mapper
public interface YanglaoBedMapper {

  List<Institution> findInstitutions();

  Institution findInstitution(String code);

  void insertInstitution(@Param("code") String code, @Param("name") String name, @Param("regionCode") String regionCode);

  void insertBed(@Param("institutionCode") String institutionCode, @Param("bedNo") String bedNo, @Param("nursing") int nursing);

  /** Gives one free bed to the application; 1 when it got one, 0 when none was free (or another took it). */
  int takeBed(@Param("applicationId") long applicationId, @Param("institutionCode") String institutionCode,
              @Param("districtCode") String districtCode, @Param("nursing") int nursing);

  int countFreeBeds(@Param("institutionCode") String institutionCode, @Param("districtCode") String districtCode,
                    @Param("nursing") int nursing);

  Bed findBedOf(long applicationId);

  Bed findBed(@Param("institutionCode") String institutionCode, @Param("bedNo") String bedNo);

  int releaseBed(@Param("institutionCode") String institutionCode, @Param("bedNo") String bedNo);

  void enqueue(@Param("applicationId") long applicationId, @Param("institutionCode") String institutionCode,
               @Param("districtCode") String districtCode, @Param("nursing") int nursing,
               @Param("priorityRank") int priorityRank, @Param("queuedAt") LocalDateTime queuedAt);

  int isQueued(long applicationId);

  int dequeue(long applicationId);

  /**
   * The application's place in the 轮候 queue it waits in (1 = next): those of the same district waiting for
   * the same institution, or for any, ahead of it by priority rank and then time; 0 when it is not queued.
   */
  int queuePosition(long applicationId);

  Long nextWaiter(@Param("institutionCode") String institutionCode, @Param("districtCode") String districtCode,
                  @Param("nursing") int nursing);

}
