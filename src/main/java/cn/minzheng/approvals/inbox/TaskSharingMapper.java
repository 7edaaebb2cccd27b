package cn.minzheng.approvals.inbox;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** 加签 requests and 抄送 copies: the ways a task is shared beyond its assignee. */
@Mapper
public interface TaskSharingMapper {

  void insertSign(SignRequest sign);

  SignRequest findSign(long id);

  List<SignRequest> findSignsOfTask(String taskId);

  List<SignRequest> findSignsBySigner(@Param("signer") String signer, @Param("status") String status);

  int decideSign(@Param("id") long id, @Param("status") String status, @Param("opinion") String opinion,
                 @Param("now") LocalDateTime now);

  void insertCc(TaskCc cc);

  List<TaskCc> findCcOfUser(@Param("userId") String userId, @Param("offset") int offset, @Param("limit") int limit);

  long countCcOfUser(String userId);
}
