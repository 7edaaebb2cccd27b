package cn.minzheng.approvals.notification;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface NotificationMapper {

  void insert(Notification notification);

  List<Notification> findByUser(@Param("userId") String userId, @Param("unreadOnly") boolean unreadOnly,
                                @Param("offset") int offset, @Param("limit") int limit);

  long countUnread(String userId);

  int markRead(@Param("id") long id, @Param("userId") String userId, @Param("now") LocalDateTime now);

  int markAllRead(@Param("userId") String userId, @Param("now") LocalDateTime now);

  long countFor(@Param("userId") String userId, @Param("kind") String kind, @Param("taskId") String taskId);
}
