package cn.minzheng.approvals.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.approvals.web.ApiException;

/**
 * The Camunda Form of a task, read from the engine. A form bound by deployment or version
 * ({@code camunda:formRefBinding}) is the same for every task of that stage of that process version, so it
 * is read and parsed once per (process version, stage); a form bound to the latest version is read each time.
 */
@Component
class TaskForms {

  private final FormService forms;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final ObjectMapper json;
  private final Map<String, FormSchema> fixed = new ConcurrentHashMap<>();

  TaskForms(FormService forms, RepositoryService repository, TaskService tasks, ObjectMapper json) {
    this.forms = forms;
    this.repository = repository;
    this.tasks = tasks;
    this.json = json;
  }

  FormSchema of(Task task) {
    String key = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
    FormSchema known = fixed.get(key);
    if (known != null) {
      return known;
    }
    FormSchema schema = read(task.getId());
    if (fixedPerProcessVersion(task)) {
      fixed.put(key, schema);
    }
    return schema;
  }

  private boolean fixedPerProcessVersion(Task task) {
    if (task.getProcessDefinitionId() == null) {
      return false;
    }
    UserTask element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementById(task.getTaskDefinitionKey());
    String binding = element == null ? null : element.getCamundaFormRefBinding();
    return "deployment".equals(binding) || "version".equals(binding);
  }

  private FormSchema read(String taskId) {
    try (InputStream in = forms.getDeployedTaskForm(taskId)) {
      return FormSchema.parse(in, json);
    } catch (IOException e) {
      throw new IllegalStateException("form of task " + taskId + " unreadable", e);
    } catch (RuntimeException e) {
      // completed by someone else between our check and this read (the engine then fails inside)
      if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
        throw ApiException.conflict("error.task-done");
      }
      throw e;
    }
  }
}
