package cn.minzheng.approvals.inbox;

import java.util.List;
import java.util.Map;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.process.Decision;

/**
 * A rule a stage's completion must keep that depends on more than the form (e.g. a quota over many cases):
 * {@link #check} refuses the completion with an ApiException; {@link #notes} tells the task view beforehand.
 */
public interface CompletionGuard {

  void check(ApplicationRecord application, String taskKey, Decision decision, Map<String, Object> data);

  /** What the one working the task must know before completing it; empty when nothing. */
  List<TaskView.Note> notes(ApplicationRecord application, String taskKey);
}
