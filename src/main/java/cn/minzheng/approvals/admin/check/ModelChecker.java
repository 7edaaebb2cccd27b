package cn.minzheng.approvals.admin.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.approvals.security.Role;

/**
 * Checks models before they reach the engine: one file, or a set (a deployment) whose BPMN, forms and
 * DMN reference each other and the models already deployed. Plain Java: the engine's pre-deployer,
 * the administrators' API and the command-line check all call it. Returns every problem found; an
 * empty list means the set may be deployed.
 */
public final class ModelChecker {

  public static final int MAX_BYTES = 2 * 1024 * 1024;
  /** Literal candidate groups off-line: "<region code>-<role>" or Camunda's administrators. */
  public static final Pattern GROUP_PATTERN = Pattern.compile("(\\d{6,12}-(" + roleCodes() + "))|" + Role.CAMUNDA_ADMIN_GROUP);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessVocabulary vocabulary;

  public ModelChecker(ProcessVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** One file on its own, nothing deployed, groups judged by their name. */
  public List<ModelProblem> check(ModelResource resource) {
    return check(List.of(resource), ModelCatalog.offline(g -> GROUP_PATTERN.matcher(g).matches()));
  }

  public List<ModelProblem> check(Collection<ModelResource> set, ModelCatalog catalog) {
    List<ModelProblem> problems = new ArrayList<>();
    List<Parsed> checked = new ArrayList<>();
    for (ModelResource resource : set) {
      Parsed parsed = parse(resource, problems);
      if (parsed != null) {
        checked.add(parsed);
      }
    }
    List<Parsed> deployed = new ArrayList<>();
    for (ModelResource resource : catalog.deployed()) {
      Parsed parsed = parse(resource, new ArrayList<>());
      if (parsed != null) {
        deployed.add(parsed);
      }
    }
    Index index = new Index(checked, deployed, vocabulary);
    for (Parsed parsed : checked) {
      switch (parsed.resource().kind()) {
        case BPMN -> new BpmnChecks(parsed, index, catalog, problems).run();
        case DMN -> checkDmn(parsed, problems);
        default -> { }
      }
    }
    return problems;
  }

  /** A file that passed the file-level rules, with what later rules read from it. */
  record Parsed(ModelResource resource, Document dom, BpmnModelInstance bpmn, DmnModelInstance dmn, JsonNode form) {
  }

  private static Parsed parse(ModelResource resource, List<ModelProblem> problems) {
    String name = resource.name();
    if (resource.bytes().length > MAX_BYTES) {
      problems.add(new ModelProblem(name, ModelRules.FILE_SIZE,
          "文件大小 " + resource.bytes().length / 1024 + " KB，超过上限 " + MAX_BYTES / 1024 / 1024 + " MB",
          "the file has " + resource.bytes().length / 1024 + " KB, more than the limit of " + MAX_BYTES / 1024 / 1024 + " MB"));
      return null;
    }
    switch (resource.kind()) {
      case FORM:
        return parseForm(resource, problems);
      case BPMN:
      case DMN:
        return parseXml(resource, problems);
      default:
        problems.add(new ModelProblem(name, ModelRules.FILE_KIND, "只能部署 .bpmn、.dmn 或 .form 文件",
            "only .bpmn, .dmn and .form files may be deployed"));
        return null;
    }
  }

  private static Parsed parseForm(ModelResource resource, List<ModelProblem> problems) {
    String name = resource.name();
    JsonNode form;
    try {
      form = JSON.readTree(resource.bytes());
    } catch (IOException e) {
      String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
      problems.add(new ModelProblem(name, ModelRules.FORM_JSON, "表单不是有效的 JSON：" + why,
          "the form is not valid JSON: " + why));
      return null;
    }
    if (form == null || !form.isObject() || !form.path("id").isTextual() || form.path("id").asText().isBlank()
        || !form.path("components").isArray()) {
      problems.add(new ModelProblem(name, ModelRules.FORM_JSON, "表单须为含 id 和 components 数组的 JSON 对象",
          "the form must be a JSON object with an id and a components array"));
      return null;
    }
    return new Parsed(resource, null, null, null, form);
  }

  private static Parsed parseXml(ModelResource resource, List<ModelProblem> problems) {
    String name = resource.name();
    Document dom;
    try {
      dom = SafeXml.parse(resource.bytes());
    } catch (SafeXml.Refused e) {
      if (e.doctype()) {
        problems.add(new ModelProblem(name, ModelRules.XML_DOCTYPE, "文件含 DOCTYPE 或实体声明（可用于 XXE 攻击），不予接受",
            "the file declares a DOCTYPE or entities (an XXE vector) and is refused"));
      } else {
        problems.add(new ModelProblem(name, ModelRules.XML_WELL_FORMED, "文件不是格式正确的 XML：" + e.getMessage(),
            "the file is not well-formed XML: " + e.getMessage()));
      }
      return null;
    }
    try {
      if (resource.kind() == ModelResource.Kind.BPMN) {
        return new Parsed(resource, dom, Bpmn.readModelFromStream(new ByteArrayInputStream(resource.bytes())), null, null);
      }
      return new Parsed(resource, dom, null, Dmn.readModelFromStream(new ByteArrayInputStream(resource.bytes())), null);
    } catch (RuntimeException e) {
      boolean bpmn = resource.kind() == ModelResource.Kind.BPMN;
      String cause = rootMessage(e);
      problems.add(new ModelProblem(name, bpmn ? ModelRules.BPMN_PARSE : ModelRules.DMN_PARSE,
          (bpmn ? "BPMN" : "DMN") + " 模型无法解析：" + cause, "the " + (bpmn ? "BPMN" : "DMN") + " model does not parse: " + cause));
      return null;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return String.valueOf(cause.getMessage());
  }

  private static void checkDmn(Parsed parsed, List<ModelProblem> problems) {
    unsafeConstructs(parsed.dom().getDocumentElement(), parsed.resource().name(), problems);
    // read from the file itself: Camunda's model API writes the default (UNIQUE) into its own copy
    org.w3c.dom.NodeList tables = parsed.dom().getElementsByTagNameNS("*", "decisionTable");
    for (int i = 0; i < tables.getLength(); i++) {
      Element table = (Element) tables.item(i);
      if (!table.hasAttribute("hitPolicy")) {
        Node parent = table.getParentNode();
        String decision = parent instanceof Element e && e.hasAttribute("id") ? e.getAttribute("id") : table.getAttribute("id");
        problems.add(new ModelProblem(decision, ModelRules.DMN_HIT_POLICY, "决策表须明确命中策略（hitPolicy）",
            "the decision table must state its hit policy"));
      }
    }
    for (DecisionTable table : parsed.dmn().getModelElementsByType(DecisionTable.class)) {
      for (Input input : table.getInputs()) {
        if (input.getInputExpression() == null || blank(input.getInputExpression().getTypeRef())) {
          problems.add(new ModelProblem(input.getId(), ModelRules.DMN_TYPES, "决策表输入须声明类型（typeRef）",
              "the decision table's input must declare its type (typeRef)"));
        }
      }
      for (Output output : table.getOutputs()) {
        if (blank(output.getTypeRef()) || blank(output.getName())) {
          problems.add(new ModelProblem(output.getId(), ModelRules.DMN_TYPES, "决策表输出须有名称并声明类型（typeRef）",
              "the decision table's output must have a name and declare its type (typeRef)"));
        }
      }
    }
  }

  /** The unsafe-construct rule over a whole DOM tree. */
  static void unsafeConstructs(Element element, String fallbackId, List<ModelProblem> problems) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : fallbackId;
    UnsafeConstructs.in(element.getLocalName(), attributesByLocalName(element))
        .ifPresent(found -> problems.add(new ModelProblem(id, found.rule(), found.message(), found.messageEn())));
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        unsafeConstructs(e, id, problems);
      }
    }
  }

  static Map<String, String> attributesByLocalName(Element element) {
    Map<String, String> attributes = new LinkedHashMap<>();
    NamedNodeMap all = element.getAttributes();
    for (int i = 0; i < all.getLength(); i++) {
      Node attribute = all.item(i);
      String local = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getNodeName();
      attributes.merge(local, attribute.getNodeValue(), (a, b) -> a.isBlank() ? b : a);
    }
    return attributes;
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String roleCodes() {
    StringBuilder codes = new StringBuilder();
    for (Role role : Role.values()) {
      codes.append(codes.length() == 0 ? "" : "|").append(role.code());
    }
    return codes.toString();
  }

  /** What the checked set and the deployed models offer each other: processes, forms, variables. */
  static final class Index {
    final Map<String, Process> checkedProcesses = new HashMap<>();
    final Map<String, Process> deployedProcesses = new HashMap<>();
    final Set<String> checkedForms = new HashSet<>();
    final Set<String> deployedForms = new HashSet<>();
    final Set<String> variables = new HashSet<>();
    final Set<String> beans;

    Index(List<Parsed> checked, List<Parsed> deployed, ProcessVocabulary vocabulary) {
      beans = vocabulary.beans();
      variables.addAll(vocabulary.variables());
      add(deployed, deployedProcesses, deployedForms);
      add(checked, checkedProcesses, checkedForms);
    }

    private void add(List<Parsed> models, Map<String, Process> processes, Set<String> forms) {
      for (Parsed parsed : models) {
        switch (parsed.resource().kind()) {
          case BPMN -> {
            for (Process process : parsed.bpmn().getModelElementsByType(Process.class)) {
              processes.put(process.getId(), process);
            }
            definedVariables(parsed.dom().getDocumentElement());
          }
          case DMN -> {
            for (Output output : parsed.dmn().getModelElementsByType(Output.class)) {
              if (!blank(output.getName())) {
                variables.add(output.getName());
              }
            }
          }
          case FORM -> {
            forms.add(parsed.form().path("id").asText());
            formKeys(parsed.form());
          }
          default -> { }
        }
      }
    }

    /** Names a model gives variables: call activity in/out targets, i/o parameters, result and element variables. */
    private void definedVariables(Element element) {
      String tag = element.getLocalName();
      if ("in".equals(tag) || "out".equals(tag)) {
        addName(element.getAttribute("target"));
      }
      if ("inputParameter".equals(tag) || "outputParameter".equals(tag)) {
        addName(element.getAttribute("name"));
      }
      if ("formField".equals(tag)) {
        addName(element.getAttribute("id"));
      }
      Map<String, String> attributes = attributesByLocalName(element);
      addName(attributes.get("resultVariable"));
      addName(attributes.get("elementVariable"));
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element e) {
          definedVariables(e);
        }
      }
    }

    private void formKeys(JsonNode node) {
      for (JsonNode component : node.path("components")) {
        if (component.path("key").isTextual()) {
          addName(component.path("key").asText());
        }
        formKeys(component);
      }
    }

    private void addName(String name) {
      if (!blank(name)) {
        variables.add(name);
      }
    }
  }
}
