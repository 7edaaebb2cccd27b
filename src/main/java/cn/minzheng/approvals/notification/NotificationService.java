package cn.minzheng.approvals.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** In-app notifications, written in the transaction of the change they report. */
@Service
public class NotificationService {

  private final NotificationMapper notifications;
  private final IdentityService identity;
  private final Clock clock;

  public NotificationService(NotificationMapper notifications, IdentityService identity, Clock clock) {
    this.notifications = notifications;
    this.identity = identity;
    this.clock = clock;
  }

  @Transactional
  public void notify(String userId, NotificationKind kind, Long applicationId, String taskId, String message) {
    Notification notification = new Notification();
    notification.setUserId(userId);
    notification.setKind(kind.code());
    notification.setApplicationId(applicationId);
    notification.setTaskId(taskId);
    notification.setMessage(message.length() > 500 ? message.substring(0, 500) : message);
    notification.setCreatedAt(LocalDateTime.now(clock));
    notifications.insert(notification);
  }

  /** Everyone in the groups (a task's candidates), each once. */
  @Transactional
  public void notifyGroups(Collection<String> groupIds, NotificationKind kind, Long applicationId, String taskId, String message) {
    LinkedHashSet<String> users = new LinkedHashSet<>();
    for (String group : groupIds) {
      identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).forEach(users::add);
    }
    users.forEach(user -> notify(user, kind, applicationId, taskId, message));
  }

  public boolean alreadySent(String userId, NotificationKind kind, String taskId) {
    return notifications.countFor(userId, kind.code(), taskId) > 0;
  }

  public List<Notification> of(String userId, boolean unreadOnly, int page, int size) {
    return notifications.findByUser(userId, unreadOnly, page * size, size);
  }

  public long unread(String userId) {
    return notifications.countUnread(userId);
  }

  @Transactional
  public void markRead(long id, String userId) {
    notifications.markRead(id, userId, LocalDateTime.now(clock));
  }

  @Transactional
  public void markAllRead(String userId) {
    notifications.markAllRead(userId, LocalDateTime.now(clock));
  }
}
