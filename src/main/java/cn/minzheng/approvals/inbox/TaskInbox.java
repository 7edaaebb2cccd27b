package cn.minzheng.approvals.inbox;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

import cn.minzheng.approvals.common.Page;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.web.ApiException;

/**
 * The open tasks a user may act on (api-contract.md, Tasks): one statement for a page and its total,
 * whatever the number of tasks, never outside the user's region.
 */
@Service
public class TaskInbox {

  private final TaskInboxMapper mapper;

  public TaskInbox(TaskInboxMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * @param scope   {@code mine}, {@code group} or {@code all} (null or blank); anything else is a 400
   * @param overdue true: only tasks due before the engine's clock ({@link ClockUtil}, which tests move)
   */
  public Page<TaskRow> page(CurrentUser user, String scope, String type, String stage, Boolean overdue, String q,
                            int page, int size) {
    return page(user, scope, type, null, stage, overdue, q, page, size);
  }

  /** As above, narrowed to one street (for district users; a street's own staff see only theirs anyway). */
  public Page<TaskRow> page(CurrentUser user, String scope, String type, String street, String stage, Boolean overdue,
                            String q, int page, int size) {
    String s = blankToNull(scope);
    boolean mine;
    boolean group;
    switch (s == null ? "all" : s) {
      case "mine" -> { mine = true; group = false; }
      case "group" -> { mine = false; group = true; }
      case "all" -> { mine = true; group = true; }
      default -> throw ApiException.badRequest("error.bad-parameter");
    }
    List<String> groups = user.groups() == null ? List.of() : user.groups();
    // no IN () in SQL: without groups there is no group branch
    group = group && !groups.isEmpty();
    if ((!mine && !group) || user.regionCode() == null || user.regionLevel() == null) {
      return new Page<>(List.of(), 0, page, size);
    }
    Date dueBefore = Boolean.TRUE.equals(overdue) ? ClockUtil.getCurrentTime() : null;
    TaskInboxQuery query = new TaskInboxQuery(user.id(), groups, mine, group, user.regionLevel(), user.regionCode(),
        blankToNull(type), blankToNull(street), blankToNull(stage), dueBefore, blankToNull(q), page * size, size);
    List<TaskInboxMapper.CountedTaskRow> rows = mapper.page(query);
    if (rows.isEmpty()) {
      return new Page<>(List.of(), page == 0 ? 0 : mapper.count(query), page, size);
    }
    return new Page<>(rows.stream().map(TaskInboxMapper.CountedTaskRow::row).toList(), rows.get(0).total(), page, size);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
