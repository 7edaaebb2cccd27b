package cn.minzheng.approvals.audit.cases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The models a case ran on, one per engine instance (the case's own and each called stage), with the
 * activities it passed through so the viewer can highlight the path taken.
 */
@Component
public class CaseDiagrams {

  private final CaseTimeline timeline;
  private final RepositoryService repository;

  public CaseDiagrams(CaseTimeline timeline, RepositoryService repository) {
    this.timeline = timeline;
    this.repository = repository;
  }

  /** One instance's model and path: the BPMN XML, the activities passed and those where the case waits now. */
  public record Diagram(String processInstanceId, String processDefinitionKey, int version, String name, String xml,
                        List<String> passed, List<String> active) {
  }

  public List<Diagram> of(long applicationId) {
    List<Diagram> diagrams = new ArrayList<>();
    for (HistoricProcessInstance instance : timeline.instances(applicationId)) {
      Set<String> passed = new LinkedHashSet<>();
      Set<String> active = new LinkedHashSet<>();
      for (HistoricActivityInstance activity : timeline.activities(instance.getId())) {
        passed.add(activity.getActivityId());
        if (activity.getEndTime() == null) {
          active.add(activity.getActivityId());
        }
      }
      var definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
      diagrams.add(new Diagram(instance.getId(), definition.getKey(), definition.getVersion(),
          definition.getName() == null ? definition.getKey() : definition.getName(), xml(definition.getId()),
          List.copyOf(passed), List.copyOf(active)));
    }
    return diagrams;
  }

  private String xml(String definitionId) {
    try (InputStream in = repository.getProcessModel(definitionId)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("model " + definitionId + " unreadable", e);
    }
  }
}
