package cn.minzheng.approvals.tekun;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code mz_termination}: the 终止 procedures of an application. */
@Mapper
public interface TerminationMapper {

  /** The open procedure (no outcome yet) of the application, or null. */
  Long findOpen(@Param("applicationId") long applicationId);

  void insert(@Param("applicationId") long applicationId, @Param("reason") String reason, @Param("facts") String facts,
              @Param("startedBy") String startedBy, @Param("at") LocalDateTime at);

  int updateProcessInstance(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  int close(@Param("applicationId") long applicationId, @Param("outcome") String outcome);
}
