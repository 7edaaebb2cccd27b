package cn.minzheng.approvals.admin.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a model file defines (its key and name) and which other models it binds by deployment
 * ({@code camunda:formRefBinding} / {@code calledElementBinding="deployment"}): those must travel in the
 * same deployment. Empty for a file that does not parse safely (the checks then say why).
 */
public record ModelReferences(String key, String name, Set<String> formsByDeployment, Set<String> processesByDeployment) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static Optional<ModelReferences> of(ModelResource resource) {
    if (resource.bytes().length > ModelChecker.MAX_BYTES) {
      return Optional.empty();
    }
    try {
      switch (resource.kind()) {
        case BPMN: {
          SafeXml.parse(resource.bytes());
          BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.bytes()));
          Process process = model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
              .findFirst().orElse(null);
          if (process == null) {
            return Optional.empty();
          }
          Set<String> forms = new LinkedHashSet<>();
          for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if ("deployment".equals(task.getCamundaFormRefBinding()) && task.getCamundaFormRef() != null) {
              forms.add(task.getCamundaFormRef());
            }
          }
          Set<String> processes = new LinkedHashSet<>();
          for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            if ("deployment".equals(call.getCamundaCalledElementBinding()) && call.getCalledElement() != null) {
              processes.add(call.getCalledElement());
            }
          }
          return Optional.of(new ModelReferences(process.getId(), nameOr(process.getName(), process.getId()), forms, processes));
        }
        case DMN: {
          SafeXml.parse(resource.bytes());
          Decision decision = Dmn.readModelFromStream(new ByteArrayInputStream(resource.bytes()))
              .getModelElementsByType(Decision.class).stream().findFirst().orElse(null);
          return decision == null ? Optional.empty()
              : Optional.of(new ModelReferences(decision.getId(), nameOr(decision.getName(), decision.getId()), Set.of(), Set.of()));
        }
        case FORM: {
          JsonNode form = JSON.readTree(resource.bytes());
          String id = form == null ? "" : form.path("id").asText("");
          return id.isBlank() ? Optional.empty() : Optional.of(new ModelReferences(id, id, Set.of(), Set.of()));
        }
        default:
          return Optional.empty();
      }
    } catch (SafeXml.Refused | IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String nameOr(String name, String fallback) {
    return name == null || name.isBlank() ? fallback : name;
  }
}
