package cn.minzheng.approvals.admin.check;

import static cn.minzheng.approvals.admin.check.ModelChecker.blank;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import camundajar.impl.com.cronutils.model.CronType;
import camundajar.impl.com.cronutils.model.definition.CronDefinitionBuilder;
import camundajar.impl.com.cronutils.parser.CronParser;
import cn.minzheng.approvals.notice.NoticeKind;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.security.Role;

/** The rules for one BPMN file of a checked set. */
final class BpmnChecks {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  /** End events that mean the applicant was refused, by the id convention of our models. */
  private static final Pattern REFUSAL_END = Pattern.compile("(?i)End_\\w*(Refus|Reject|NotAccepted|Missed|Denied|Declin)\\w*");
  private static final Pattern HISTORY_TTL = Pattern.compile("\\d+|P\\d+D");
  private static final String NOTICE_DELEGATE = "${issueNoticeDelegate}";
  private static final Set<String> SKIPPED_FOR_EXPRESSIONS = Set.of("documentation", "textAnnotation", "BPMNDiagram");

  private final ModelChecker.Parsed parsed;
  private final ModelChecker.Index index;
  private final ModelCatalog catalog;
  private final List<ModelProblem> problems;
  private final Expressions expressions;

  BpmnChecks(ModelChecker.Parsed parsed, ModelChecker.Index index, ModelCatalog catalog, List<ModelProblem> problems) {
    this.parsed = parsed;
    this.index = index;
    this.catalog = catalog;
    this.problems = problems;
    this.expressions = new Expressions(index.beans, index.variables);
  }

  void run() {
    Element root = parsed.dom().getDocumentElement();
    ModelChecker.unsafeConstructs(root, parsed.resource().name(), problems);
    expressions(root, parsed.resource().name());
    for (Process process : parsed.bpmn().getModelElementsByType(Process.class)) {
      if (process.isExecutable()) {
        historyTimeToLive(process);
      }
    }
    parsed.bpmn().getModelElementsByType(UserTask.class).forEach(this::userTask);
    parsed.bpmn().getModelElementsByType(CallActivity.class).forEach(this::callActivity);
    parsed.bpmn().getModelElementsByType(TimerEventDefinition.class).forEach(this::timer);
    for (EndEvent end : parsed.bpmn().getModelElementsByType(EndEvent.class)) {
      if (isRefusalEnd(end) && !reachedOnlyAfterNotice(end, new HashSet<>())) {
        problem(end.getId(), ModelRules.REFUSAL_NOTICE,
            "拒绝类结束事件之前的每条路径都须出具否定性通知书（issueNoticeDelegate，noticeKind 为 not_accepted、rejected 或 appeal_decision）",
            "every path to this refusal end must first issue a negative notice (issueNoticeDelegate with noticeKind not_accepted, rejected or appeal_decision)");
      }
    }
  }

  private void expressions(Element element, String fallbackId) {
    if (SKIPPED_FOR_EXPRESSIONS.contains(element.getLocalName())) {
      return;
    }
    String id = element.hasAttribute("id") ? element.getAttribute("id") : fallbackId;
    ModelChecker.attributesByLocalName(element).forEach((name, value) -> {
      if (Expressions.contains(value)) {
        expressions.check(value, name, id, problems);
      }
    });
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    if (Expressions.contains(text.toString())) {
      expressions.check(text.toString().trim(), null, id, problems);
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        expressions(e, id);
      }
    }
  }

  private void historyTimeToLive(Process process) {
    String ttl = process.getAttributeValueNs(CAMUNDA_NS, "historyTimeToLive");
    if (blank(ttl) || !HISTORY_TTL.matcher(ttl.trim()).matches()) {
      problem(process.getId(), ModelRules.HISTORY_TTL, "流程须设置 camunda:historyTimeToLive（天数，如 P3650D）",
          "the process must set camunda:historyTimeToLive (days, e.g. P3650D)");
    }
  }

  private void userTask(UserTask task) {
    String groups = task.getCamundaCandidateGroups();
    if (blank(groups)) {
      problem(task.getId(), ModelRules.USER_TASK_GROUP, "用户任务须指定候选组（camunda:candidateGroups）",
          "the user task must name its candidate groups (camunda:candidateGroups)");
    } else {
      for (String group : splitOutsideExpressions(groups)) {
        candidateGroup(task.getId(), group.trim());
      }
    }
    String formRef = task.getCamundaFormRef();
    if (blank(formRef)) {
      problem(task.getId(), ModelRules.USER_TASK_FORM, "用户任务须引用表单（camunda:formRef）",
          "the user task must reference a form (camunda:formRef)");
    } else if (!Expressions.contains(formRef)) {
      boolean byDeployment = "deployment".equals(task.getCamundaFormRefBinding());
      if (!index.checkedForms.contains(formRef) && (byDeployment || !index.deployedForms.contains(formRef))) {
        problem(task.getId(), ModelRules.USER_TASK_FORM,
            "引用的表单「" + formRef + "」不存在" + (byDeployment ? "于本次部署中（formRefBinding=deployment）" : ""),
            "the form '" + formRef + "' does not exist" + (byDeployment ? " in this deployment (formRefBinding=deployment)" : ""));
      }
    }
    String due = task.getCamundaDueDate();
    if (blank(due)) {
      problem(task.getId(), ModelRules.USER_TASK_DUE_DATE, "用户任务须设置期限（camunda:dueDate）",
          "the user task must have a due date (camunda:dueDate)");
    } else if (!Expressions.contains(due) && !isDate(due.trim()) && !isDuration(due.trim())) {
      problem(task.getId(), ModelRules.USER_TASK_DUE_DATE, "期限「" + due + "」不是 ISO 8601 日期或期间",
          "the due date '" + due + "' is not an ISO 8601 date or duration");
    }
  }

  private void candidateGroup(String taskId, String group) {
    if (Expressions.contains(group)) {
      // the expression rule checks the names; what is left must be "-<role>" (regionCode-role)
      String rest = group.replaceAll("[$#]\\{[^}]*}", "");
      if (!rest.isEmpty() && Role.ofCode(rest.startsWith("-") ? rest.substring(1) : "").isEmpty()) {
        problem(taskId, ModelRules.USER_TASK_GROUP, "候选组「" + group + "」不符合「<地区代码>-<角色>」",
            "the candidate group '" + group + "' is not of the form <region code>-<role>");
      }
    } else if (!catalog.groupExists(group)) {
      problem(taskId, ModelRules.USER_TASK_GROUP, "候选组「" + group + "」不存在", "the candidate group '" + group + "' does not exist");
    }
  }

  private void callActivity(CallActivity call) {
    String called = call.getCalledElement();
    if (blank(called) || Expressions.contains(called)) {
      return;
    }
    boolean byDeployment = "deployment".equals(call.getCamundaCalledElementBinding());
    if (!index.checkedProcesses.containsKey(called) && (byDeployment || !index.deployedProcesses.containsKey(called))) {
      problem(call.getId(), ModelRules.CALLED_ELEMENT,
          "调用的流程「" + called + "」不存在" + (byDeployment ? "于本次部署中（calledElementBinding=deployment）" : ""),
          "the called process '" + called + "' does not exist" + (byDeployment ? " in this deployment (calledElementBinding=deployment)" : ""));
    }
  }

  private void timer(TimerEventDefinition timer) {
    String id = ((ModelElementInstance) timer.getParentElement()).getAttributeValue("id");
    String date = timer.getTimeDate() == null ? null : timer.getTimeDate().getTextContent().trim();
    String duration = timer.getTimeDuration() == null ? null : timer.getTimeDuration().getTextContent().trim();
    String cycle = timer.getTimeCycle() == null ? null : timer.getTimeCycle().getTextContent().trim();
    boolean ok;
    String value;
    if (!blank(date)) {
      value = date;
      ok = Expressions.contains(date) || isDate(date);
    } else if (!blank(duration)) {
      value = duration;
      ok = Expressions.contains(duration) || isDuration(duration);
    } else if (!blank(cycle)) {
      value = cycle;
      ok = Expressions.contains(cycle) || isCycle(cycle);
    } else {
      value = "";
      ok = false;
    }
    if (!ok) {
      problem(id, ModelRules.TIMER, "定时器「" + value + "」不是有效的 ISO 8601 时间、期间或周期",
          "the timer '" + value + "' is not a valid ISO 8601 date, duration or cycle");
    }
  }

  static boolean isDate(String text) {
    for (var parser : List.<java.util.function.Consumer<String>>of(OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse)) {
      try {
        parser.accept(text);
        return true;
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return false;
  }

  static boolean isDuration(String text) {
    try {
      DatatypeFactory.newInstance().newDuration(text);
      return text.startsWith("P");
    } catch (IllegalArgumentException | DatatypeConfigurationException e) {
      return false;
    }
  }

  private static boolean isCycle(String text) {
    if (text.startsWith("R")) {
      try {
        new DurationHelper(text);
        return true;
      } catch (Exception e) {
        return false;
      }
    }
    try {
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ)).parse(text);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private boolean isRefusalEnd(EndEvent end) {
    return REFUSAL_END.matcher(String.valueOf(end.getId())).matches()
        || end.getEventDefinitions().stream().anyMatch(d -> d instanceof ErrorEventDefinition);
  }

  /** Walks back from the end: every way there passes a negative notice, or a called stage that issues one. */
  private boolean reachedOnlyAfterNotice(FlowNode end, Set<String> stagesVisited) {
    Deque<FlowNode> todo = new ArrayDeque<>(predecessors(end));
    if (todo.isEmpty()) {
      return false;
    }
    Set<FlowNode> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      FlowNode node = todo.pop();
      if (!seen.add(node) || issuesNegativeNotice(node, stagesVisited)) {
        continue;
      }
      List<FlowNode> before = predecessors(node);
      if (before.isEmpty()) {
        return false;
      }
      todo.addAll(before);
    }
    return true;
  }

  private static List<FlowNode> predecessors(FlowNode node) {
    List<FlowNode> before = new ArrayList<>();
    for (SequenceFlow flow : node.getIncoming()) {
      before.add(flow.getSource());
    }
    if (node instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
      before.add(boundary.getAttachedTo());
    }
    if (node instanceof StartEvent && node.getParentElement() instanceof SubProcess sub && !sub.triggeredByEvent()) {
      before.addAll(predecessors(sub));
    }
    return before;
  }

  private boolean issuesNegativeNotice(FlowNode node, Set<String> stagesVisited) {
    if (node instanceof ServiceTask task && NOTICE_DELEGATE.equals(String.valueOf(task.getCamundaDelegateExpression()).replace(" ", ""))) {
      return noticeKind(task) != null && NoticeKind.ofCode(noticeKind(task)).map(NoticeKind::negative).orElse(false);
    }
    // an error from a called stage (不予受理) that issued the refusal notice itself
    if (node instanceof BoundaryEvent boundary && boundary.getAttachedTo() instanceof CallActivity call
        && boundary.getEventDefinitions().stream().anyMatch(d -> d instanceof ErrorEventDefinition)) {
      return stageIssuesNoticeBeforeErrors(call.getCalledElement(), stagesVisited);
    }
    return false;
  }

  private boolean stageIssuesNoticeBeforeErrors(String key, Set<String> stagesVisited) {
    Process stage = index.checkedProcesses.getOrDefault(key, index.deployedProcesses.get(key));
    if (stage == null || !stagesVisited.add(key)) {
      return false;
    }
    List<EndEvent> errorEnds = stage.getChildElementsByType(EndEvent.class).stream()
        .filter(e -> e.getEventDefinitions().stream().anyMatch(d -> d instanceof ErrorEventDefinition)).toList();
    return !errorEnds.isEmpty() && errorEnds.stream().allMatch(e -> reachedOnlyAfterNotice(e, stagesVisited));
  }

  private static String noticeKind(ServiceTask task) {
    if (task.getExtensionElements() == null) {
      return null;
    }
    for (CamundaInputOutput io : task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()) {
      for (CamundaInputParameter parameter : io.getCamundaInputParameters()) {
        if (ProcessVariables.NOTICE_KIND.equals(parameter.getCamundaName())) {
          return parameter.getTextContent().trim();
        }
      }
    }
    return null;
  }

  /** "a,${b}-c" → ["a", "${b}-c"]; commas inside an expression stay. */
  private static List<String> splitOutsideExpressions(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder part = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      }
      if (c == ',' && depth == 0) {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    return parts;
  }

  private void problem(String element, String rule, String zh, String en) {
    problems.add(new ModelProblem(element, rule, zh, en));
  }
}
