package cn.minzheng.approvals.process;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import cn.minzheng.approvals.application.ApplicationTypes;

/**
 * The names of the application types, of the stages their cases pass and of the decisions, in one place for
 * every client ({@code GET /api/types}), so that no page keeps its own list or shows a raw element id.
 * The stages are the values an application's {@code stage} can take ({@link StageTracker}): {@code Start}, the
 * {@code Task_}, {@code Wait_} and {@code End_} elements of the type's deployed model and of the shared stages it
 * calls (in model order, a called stage in the place of its call), and {@code Withdrawn}. A stage's name is the
 * message {@code stage.<type>.<id>}, else {@code stage.<id>}, else the element's name in the model.
 */
@Service
public class TypeCatalog {

  private static final Pattern STAGE_ID = Pattern.compile("(Task|Wait|End)_\\w+");
  private static final List<Decision> DECISION_ORDER =
      List.of(Decision.APPROVE, Decision.SUPPLEMENT, Decision.REJECT, Decision.RETURN);

  /** A stage: its id, its name, and whether it is a user task (a {@code taskKey} of the inbox). */
  public record Stage(String id, String name, boolean task) {
  }

  /** A type: its code, name, stages and the names of the decisions. */
  public record Type(String type, String name, List<Stage> stages, Map<String, String> decisions) {
  }

  private final CaseProcesses processes;
  private final RepositoryService repository;
  private final MessageSource messages;

  public TypeCatalog(CaseProcesses processes, RepositoryService repository, MessageSource messages) {
    this.processes = processes;
    this.repository = repository;
    this.messages = messages;
  }

  public List<Type> types(Locale locale) {
    // one query for the latest version of every model; the models themselves come from the engine's cache
    Map<String, ProcessDefinition> latest = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .collect(Collectors.toMap(ProcessDefinition::getKey, Function.identity(), (a, b) -> a));
    return ApplicationTypes.ORDER.stream().filter(processes::supports).map(type -> describe(type, latest, locale)).toList();
  }

  private Type describe(String type, Map<String, ProcessDefinition> latest, Locale locale) {
    Map<String, Stage> stages = new LinkedHashMap<>();
    put(stages, type, "Start", null, false, locale);
    Set<String> seen = new HashSet<>();
    collect(processes.forType(type).key(), type, stages, latest, seen, locale);
    for (String other : processes.forType(type).otherModelKeys()) {
      collect(other, type, stages, latest, seen, locale);
    }
    put(stages, type, "Withdrawn", null, false, locale);
    Map<String, String> decisions = new LinkedHashMap<>();
    for (Decision decision : DECISION_ORDER) {
      decisions.put(decision.code(), name(List.of("decision." + type + "." + decision.code(), "decision." + decision.code()),
          decision.label(), locale));
    }
    return new Type(type, name(List.of("type.name." + type), type, locale), List.copyOf(stages.values()), decisions);
  }

  private void collect(String processKey, String type, Map<String, Stage> stages, Map<String, ProcessDefinition> latest,
                       Set<String> seen, Locale locale) {
    if (!seen.add(processKey)) {
      return;
    }
    ProcessDefinition definition = latest.get(processKey);
    if (definition == null) {
      return;
    }
    Process process = repository.getBpmnModelInstance(definition.getId()).getModelElementById(processKey);
    for (FlowElement element : process.getFlowElements()) {
      if (element instanceof CallActivity call && call.getCalledElement() != null) {
        collect(call.getCalledElement(), type, stages, latest, seen, locale);
      } else if (STAGE_ID.matcher(element.getId()).matches() && !stages.containsKey(element.getId())) {
        put(stages, type, element.getId(), element.getName(), element instanceof UserTask, locale);
      }
    }
  }

  private void put(Map<String, Stage> stages, String type, String id, String modelName, boolean task, Locale locale) {
    String name = name(List.of("stage." + type + "." + id, "stage." + id), modelName == null ? id : modelName, locale);
    stages.put(id, new Stage(id, name, task));
  }

  private String name(List<String> keys, String fallback, Locale locale) {
    for (String key : keys) {
      String text = messages.getMessage(key, null, null, locale);
      if (text != null) {
        return text;
      }
    }
    return fallback;
  }
}
