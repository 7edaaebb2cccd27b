package cn.minzheng.approvals.notification;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.approvals.security.CurrentUser;

@RestController
@RequestMapping("/api/notifications")
public class NotificationController {

  private final NotificationService notifications;

  public NotificationController(NotificationService notifications) {
    this.notifications = notifications;
  }

  @GetMapping
  public List<Notification> list(@RequestParam(defaultValue = "false") boolean unread,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size,
                                 @AuthenticationPrincipal CurrentUser user) {
    return notifications.of(user.id(), unread, Math.max(page, 0), Math.min(Math.max(size, 1), 100));
  }

  @GetMapping("/count")
  public Map<String, Long> count(@AuthenticationPrincipal CurrentUser user) {
    return Map.of("unread", notifications.unread(user.id()));
  }

  @PostMapping("/{id}/read")
  public ResponseEntity<Void> read(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
    notifications.markRead(id, user.id());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/read-all")
  public ResponseEntity<Void> readAll(@AuthenticationPrincipal CurrentUser user) {
    notifications.markAllRead(user.id());
    return ResponseEntity.noContent().build();
  }
}
