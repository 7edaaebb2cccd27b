package cn.minzheng.approvals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationService;

/**
 * Keeps the application's {@code stage} in step with the process: the id of the wait state it has
 * reached (user tasks {@code Task_*}, waits {@code Wait_*}) or of the end event ({@code End_*}).
 * Runs in the engine's transaction, one update per stage.
 */
@Component
public class StageTracker {

  private final ApplicationService applications;

  public StageTracker(ApplicationService applications) {
    this.applications = applications;
  }

  @EventListener
  public void onExecution(DelegateExecution execution) {
    if (!ExecutionListener.EVENTNAME_START.equals(execution.getEventName())) {
      return;
    }
    String activityId = execution.getCurrentActivityId();
    if (activityId == null || !(activityId.startsWith("Task_") || activityId.startsWith("Wait_") || activityId.startsWith("End_"))) {
      return;
    }
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey != null) {
      applications.changeStage(Long.parseLong(businessKey), activityId);
    }
  }
}
