package cn.minzheng.approvals.process;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/**
 * One approval type: its model and what the application service and the inbox need to know of it.
 * Implementations are Spring beans, found by {@link CaseProcesses}; the shared stages' tasks
 * (受理, 申诉复核) are answered through {@link SharedStages}.
 */
public interface CaseProcess {

  /** The application type of api-contract.md (dibao, tekun, …). */
  String type();

  /** The process definition key of its model. */
  String key();

  /** Further models a case of this type may run after its own (e.g. 特困 终止); their stages are this type's too. */
  default List<String> otherModelKeys() {
    return List.of();
  }

  /** Prefix of its application numbers, e.g. DB in DB-420112-2026-000123. */
  String numberPrefix();

  /** This model's own user tasks and the decisions each may take (the shared stages' are in SharedStages). */
  Map<String, Set<Decision>> decisions();

  /** This model's own stages that work with the full ID numbers (受理 does too, see SharedStages). */
  default Set<String> fullIdStages() {
    return Set.of();
  }

  /** Decisions the user task may take, in this model or a shared stage; empty for unknown tasks. */
  default Set<Decision> allowedDecisions(String taskKey) {
    return decisions().getOrDefault(taskKey, SharedStages.allowedDecisions(taskKey));
  }

  /** Stages that work with the full ID numbers (everywhere else they are masked). */
  default boolean needsFullIdNumbers(String taskKey) {
    return fullIdStages().contains(taskKey) || SharedStages.needsFullIdNumbers(taskKey);
  }

  /** Appeal stages: the one who refused may not decide (回避). */
  default boolean isRecusalStage(String taskKey) {
    return SharedStages.TASK_DECIDE_APPEAL.equals(taskKey);
  }

  /**
   * Earlier stages a task may be returned to (退回), the model's own return flow first; empty when
   * the stage cannot return.
   */
  List<String> returnTargets(String taskKey);

  /** The stage whose refusal the appeal is about. */
  boolean isFinalDecisionStage(String taskKey);

  /** Whether the application describes a household (members with incomes) — not so for a registration. */
  default boolean householdRequired() {
    return true;
  }

  /**
   * Whether the district office issues every notice of the type, those of 受理 included (a
   * registration: the 登记管理机关 accepts itself); otherwise street notices come from the street.
   */
  default boolean districtIssuesAllNotices() {
    return false;
  }

  /** Rules of the type-specific {@code data} of the application body; empty when it is fine. */
  default List<FieldProblem> validateData(ApplicationRequest request) {
    return List.of();
  }

  /** Variables the model needs at start besides the common ones (application id, region, periods). */
  default Map<String, Object> startVariables(ApplicationRecord application) {
    return Map.of();
  }

  /**
   * Called in the submission's transaction once the application is recorded: a type claims here what may be
   * held by one application only (e.g. a burial subsidy per deceased); throws an ApiException to refuse.
   */
  default void onSubmitted(ApplicationRecord application) {
  }

  /** Called when the application stops holding its persons (不予受理, 不予批准, 撤回): {@code status} is the new one. */
  default void onReleased(long applicationId, String status) {
  }
}
