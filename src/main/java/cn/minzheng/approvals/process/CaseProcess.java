package cn.minzheng.approvals.process;

import java.util.Set;

/** What the inbox and the application service need to know of one approval model. */
public interface CaseProcess {

  String key();

  /** Decisions the user task may take; empty for unknown tasks. */
  Set<Decision> allowedDecisions(String taskKey);

  /** Stages that work with the full ID numbers (everywhere else they are masked). */
  boolean needsFullIdNumbers(String taskKey);

  /** Appeal stages: the one who refused may not decide (回避). */
  boolean isRecusalStage(String taskKey);

  /**
   * Earlier stages a task may be returned to (退回), the model's own return flow first; empty when
   * the stage cannot return.
   */
  java.util.List<String> returnTargets(String taskKey);

  /** The stage whose refusal the appeal is about. */
  boolean isFinalDecisionStage(String taskKey);
}
