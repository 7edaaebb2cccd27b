package cn.minzheng.approvals.admin.model;

import java.nio.charset.StandardCharsets;

import cn.minzheng.approvals.admin.check.ModelRules;

/**
 * A small good model and one hostile variant per rule, for the API, engine-rest and unit tests of the
 * model checks. The good one: a user task of the street clerks with the 受理 form and a due date.
 */
public final class HostileModels {

  /** A case: the file, the rule it breaks and the element the problem must name. */
  public record Case(String name, String filename, byte[] bytes, String rule, String element) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String USER_TASK = "<bpmn:userTask id=\"Task_Review\" name=\"审核\" camunda:candidateGroups=\"${streetCode}-clerk\" "
      + "camunda:dueDate=\"${workdays.dueIn(3)}\" camunda:formRef=\"stage-accept\" camunda:formRefBinding=\"latest\">";

  private HostileModels() {
  }

  public static String good(String key) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_check" targetNamespace="http://minzheng.cn/approvals">
          <bpmn:process id="KEY" name="模型检查测试" isExecutable="true" camunda:historyTimeToLive="P3650D">
            <bpmn:startEvent id="Start_Test">
              <bpmn:outgoing>Flow_ToReview</bpmn:outgoing>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_ToReview" sourceRef="Start_Test" targetRef="Task_Review" />
            USER_TASK
              <bpmn:incoming>Flow_ToReview</bpmn:incoming>
              <bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Review" targetRef="End_Done" />
            <bpmn:endEvent id="End_Done">
              <bpmn:incoming>Flow_ToEnd</bpmn:incoming>
            </bpmn:endEvent>
            <!-- EXTRA -->
          </bpmn:process>
        </bpmn:definitions>
        """.replace("KEY", key).replace("USER_TASK", USER_TASK);
  }

  public static Case[] all(String key) {
    String good = good(key);
    return new Case[] {
        bpmn("script task", key, extra(good, "<bpmn:scriptTask id=\"Task_Evil\" scriptFormat=\"groovy\"><bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>"),
            ModelRules.SCRIPT_TASK, "Task_Evil"),
        bpmn("script listener", key, good.replace(USER_TASK, USER_TASK + "<bpmn:extensionElements><camunda:executionListener event=\"start\">"
            + "<camunda:script scriptFormat=\"groovy\">'id'.execute()</camunda:script></camunda:executionListener></bpmn:extensionElements>"),
            ModelRules.SCRIPT, "Task_Review"),
        bpmn("script condition", key, good.replace("<bpmn:sequenceFlow id=\"Flow_ToEnd\" sourceRef=\"Task_Review\" targetRef=\"End_Done\" />",
            "<bpmn:sequenceFlow id=\"Flow_ToEnd\" sourceRef=\"Task_Review\" targetRef=\"End_Done\"><bpmn:conditionExpression "
            + "xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\">'id'.execute() != null</bpmn:conditionExpression></bpmn:sequenceFlow>"),
            ModelRules.SCRIPT_CONDITION, "Flow_ToEnd"),
        bpmn("camunda:class", key, extra(good, "<bpmn:serviceTask id=\"Task_Class\" camunda:class=\"java.lang.ProcessBuilder\" />"),
            ModelRules.JAVA_CLASS, "Task_Class"),
        bpmn("unknown bean", key, extra(good, "<bpmn:serviceTask id=\"Task_Peek\" camunda:expression=\"${dataSource.getConnection()}\" />"),
            ModelRules.EXPRESSION_BEAN, "Task_Peek"),
        bpmn("unknown variable", key, good.replace("${workdays.dueIn(3)}", "${workdays.dueIn(secretDays)}"),
            ModelRules.EXPRESSION_VARIABLE, "Task_Review"),
        bpmn("reflection", key, extra(good, "<bpmn:serviceTask id=\"Task_Reflect\" camunda:expression=\"${'x'.getClass().forName('java.lang.Runtime')}\" />"),
            ModelRules.EXPRESSION_REFLECTION, "Task_Reflect"),
        bpmn("no candidate group", key, good.replace("camunda:candidateGroups=\"${streetCode}-clerk\" ", ""),
            ModelRules.USER_TASK_GROUP, "Task_Review"),
        bpmn("unknown candidate group", key, good.replace("${streetCode}-clerk", "nobody-at-all"),
            ModelRules.USER_TASK_GROUP, "Task_Review"),
        bpmn("no form", key, good.replace("camunda:formRef=\"stage-accept\" camunda:formRefBinding=\"latest\"", ""),
            ModelRules.USER_TASK_FORM, "Task_Review"),
        bpmn("unknown form", key, good.replace("stage-accept", "no-such-form"), ModelRules.USER_TASK_FORM, "Task_Review"),
        bpmn("no due date", key, good.replace("camunda:dueDate=\"${workdays.dueIn(3)}\" ", ""),
            ModelRules.USER_TASK_DUE_DATE, "Task_Review"),
        bpmn("refusal without notice", key, good.replace("End_Done", "End_Refused"), ModelRules.REFUSAL_NOTICE, "End_Refused"),
        bpmn("no historyTimeToLive", key, good.replace(" camunda:historyTimeToLive=\"P3650D\"", ""), ModelRules.HISTORY_TTL, key),
        bpmn("bad timer", key, extra(good, "<bpmn:intermediateCatchEvent id=\"Timer_Bad\"><bpmn:timerEventDefinition id=\"TimerDef_Bad\">"
            + "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">seven days</bpmn:timeDuration></bpmn:timerEventDefinition>"
            + "</bpmn:intermediateCatchEvent>"), ModelRules.TIMER, "Timer_Bad"),
        bpmn("XXE doctype", key, good.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
            .replace("模型检查测试", "&xxe;"), ModelRules.XML_DOCTYPE, key + ".bpmn"),
        bpmn("5 MB model", key, extra(good, "<!-- " + "x".repeat(5 * 1024 * 1024) + " -->"), ModelRules.FILE_SIZE, key + ".bpmn"),
        bpmn("not BPMN", key, "<?xml version=\"1.0\"?><definitions><process id=\"" + key + "\"/></definitions>",
            ModelRules.BPMN_PARSE, key + ".bpmn"),
        bpmn("malformed XML", key, good.substring(0, good.indexOf("</bpmn:process>")), ModelRules.XML_WELL_FORMED, key + ".bpmn"),
        new Case("bad form JSON", key + ".form", "{\"id\": \"x\", \"components\": [".getBytes(StandardCharsets.UTF_8),
            ModelRules.FORM_JSON, key + ".form"),
    };
  }

  private static String extra(String model, String element) {
    return model.replace("<!-- EXTRA -->", element);
  }

  private static Case bpmn(String name, String key, String xml, String rule, String element) {
    return new Case(name, key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8), rule, element);
  }
}
