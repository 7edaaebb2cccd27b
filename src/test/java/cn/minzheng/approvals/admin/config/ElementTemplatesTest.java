package cn.minzheng.approvals.admin.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.approvals.notice.NoticeKind;
import cn.minzheng.approvals.process.ProcessBean;

/**
 * The Camunda Modeler element templates of processes/element-templates/: well-formed (the fields of the
 * Camunda 7 element-templates schema), naming only whitelisted beans, calling processes that exist, and
 * — applied to our own models — giving exactly the bindings those models use.
 */
class ElementTemplatesTest {

  static final Path TEMPLATES = Path.of("processes", "element-templates");
  static final Path PROCESSES = Path.of("processes");
  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final Set<String> PROPERTY_TYPES = Set.of("String", "Text", "Hidden", "Dropdown", "Boolean");
  static final Set<String> BINDING_TYPES = Set.of("property", "camunda:property", "camunda:inputParameter",
      "camunda:outputParameter", "camunda:in", "camunda:out", "camunda:in:businessKey", "camunda:executionListener",
      "camunda:field", "camunda:errorEventDefinition");

  static Map<String, JsonNode> templates = new HashMap<>();
  static Map<String, Document> models = new HashMap<>();

  @BeforeAll
  static void read() throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        templates.put(file.getFileName().toString(), json.readTree(file.toFile()));
      }
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    try (Stream<Path> files = Files.list(PROCESSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          models.put(file.getFileName().toString(), factory.newDocumentBuilder().parse(in));
        }
      }
    }
  }

  @Test
  void shouldBeWellFormedTemplatesWithTheSchemaFields() {
    assertThat(templates).hasSizeGreaterThanOrEqualTo(4);
    Set<String> ids = new HashSet<>();
    templates.forEach((file, t) -> {
      assertThat(t.path("$schema").asText()).as(file).contains("element-templates-json-schema");
      assertThat(t.path("name").asText()).as(file).isNotBlank();
      assertThat(ids.add(t.path("id").asText())).as(file + " id unique").isTrue();
      assertThat(t.path("version").isInt()).as(file).isTrue();
      assertThat(t.path("appliesTo")).as(file).isNotEmpty();
      t.path("appliesTo").forEach(a -> assertThat(a.asText()).as(file).isIn("bpmn:CallActivity", "bpmn:ServiceTask"));
      assertThat(t.path("properties")).as(file).isNotEmpty();
      for (JsonNode p : t.path("properties")) {
        assertThat(p.path("type").asText()).as(file).isIn(PROPERTY_TYPES);
        assertThat(p.path("binding").path("type").asText()).as(file).isIn(BINDING_TYPES);
        if (p.path("type").asText().equals("Hidden") && !p.path("binding").has("variables")) {
          assertThat(p.has("value")).as(file + " hidden value").isTrue();
        }
        if (p.path("type").asText().equals("Dropdown")) {
          assertThat(p.path("choices")).as(file).isNotEmpty();
          p.path("choices").forEach(c -> assertThat(c.has("name") && c.has("value")).as(file).isTrue());
        }
      }
    });
  }

  @Test
  void shouldNameOnlyWhitelistedBeansAndCoverEveryDelegate() throws Exception {
    // given the beans expressions may see (@ProcessBean), and which of them are delegates
    Map<String, Class<?>> whitelist = processBeans();
    Set<String> delegates = whitelist.entrySet().stream().filter(e -> JavaDelegate.class.isAssignableFrom(e.getValue()))
        .map(Map.Entry::getKey).collect(Collectors.toSet());

    // when
    List<String> named = new ArrayList<>();
    templates.values().forEach(t -> t.path("properties").forEach(p -> {
      String value = p.path("value").asText("");
      java.util.regex.Matcher bean = java.util.regex.Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)").matcher(value);
      if (p.path("binding").path("name").asText().equals("camunda:delegateExpression") && bean.find()) {
        named.add(bean.group(1));
      }
    }));

    // then
    assertThat(whitelist).containsKeys("issueNoticeDelegate", "calculateAmountDelegate", "publishRecipientDelegate");
    assertThat(named).isNotEmpty().allMatch(whitelist::containsKey, "a @ProcessBean");
    assertThat(named).containsExactlyInAnyOrderElementsOf(delegates);
  }

  @Test
  void shouldOfferEveryNoticeKindInTheIssueNoticeDropdown() {
    JsonNode dropdown = property(templates.get("issueNoticeDelegate.json"), "camunda:inputParameter", "noticeKind");
    List<String> choices = new ArrayList<>();
    dropdown.path("choices").forEach(c -> choices.add(c.path("value").asText()));
    assertThat(dropdown.path("type").asText()).isEqualTo("Dropdown");
    assertThat(choices).containsExactlyInAnyOrderElementsOf(Arrays.stream(NoticeKind.values()).map(NoticeKind::code).toList());
  }

  @Test
  void shouldCallProcessesThatExist() {
    Set<String> processIds = new HashSet<>();
    models.values().forEach(doc -> elements(doc, BPMN, "process").forEach(p -> processIds.add(p.getAttribute("id"))));
    List<String> called = templates.values().stream()
        .map(t -> property(t, "property", "calledElement")).filter(p -> p != null).map(p -> p.path("value").asText()).toList();
    assertThat(called).containsExactlyInAnyOrder("stage_acceptance", "stage_public_notice", "stage_appeal");
    assertThat(processIds).containsAll(called);
  }

  @Test
  void shouldGiveTheBindingsOurModelsUseWhenAppliedToTheirCallActivities() {
    int checked = 0;
    for (Map.Entry<String, Document> model : models.entrySet()) {
      for (Element call : elements(model.getValue(), BPMN, "callActivity")) {
        String where = model.getKey() + "#" + call.getAttribute("id");
        JsonNode template = templateCalling(call.getAttribute("calledElement"));
        assertThat(template).as(where + " has a template").isNotNull();
        // the fixed bindings, exactly as the model has them
        assertThat(call.getAttributeNS(CAMUNDA, "calledElementBinding")).as(where).isEqualTo(property(template, "property", "camunda:calledElementBinding").path("value").asText());
        List<Element> ins = elements(call, CAMUNDA, "in");
        String businessKey = property(template, "camunda:in:businessKey", null).path("value").asText();
        assertThat(ins).as(where + " businessKey").anyMatch(in -> businessKey.equals(in.getAttribute("businessKey")));
        assertThat(ins).as(where + " variables=all").anyMatch(in -> "all".equals(in.getAttribute("variables")));
        // every other input of the model is one the template offers, and the template requires nothing more
        Set<String> modelTargets = ins.stream().filter(in -> in.hasAttribute("target"))
            .peek(in -> assertThat(in.hasAttribute("sourceExpression")).as(where + " expression input").isTrue())
            .map(in -> in.getAttribute("target")).collect(Collectors.toSet());
        Set<String> offered = new HashSet<>();
        Set<String> required = new HashSet<>();
        template.path("properties").forEach(p -> {
          if (p.path("binding").path("type").asText().equals("camunda:in") && p.path("binding").has("target")) {
            assertThat(p.path("binding").path("expression").asBoolean()).isTrue();
            offered.add(p.path("binding").path("target").asText());
            if (!p.path("optional").asBoolean(false)) {
              required.add(p.path("binding").path("target").asText());
            }
          }
        });
        assertThat(offered).as(where).containsAll(modelTargets);
        assertThat(modelTargets).as(where).containsAll(required);
        assertThat(elements(call, CAMUNDA, "out")).as(where + " no outputs").isEmpty();
        checked++;
      }
    }
    assertThat(checked).as("call activities checked").isGreaterThanOrEqualTo(10);
  }

  @Test
  void shouldHaveATemplateForEveryServiceTaskOfOurModels() {
    int checked = 0;
    for (Map.Entry<String, Document> model : models.entrySet()) {
      for (Element task : elements(model.getValue(), BPMN, "serviceTask")) {
        String where = model.getKey() + "#" + task.getAttribute("id");
        String expression = task.getAttributeNS(CAMUNDA, "delegateExpression");
        JsonNode template = templates.values().stream()
            .filter(t -> expression.equals(property(t, "property", "camunda:delegateExpression") == null ? null
                : property(t, "property", "camunda:delegateExpression").path("value").asText()))
            .findFirst().orElse(null);
        assertThat(template).as(where + " " + expression).isNotNull();
        // every input the template offers as a dropdown is set in the model, to one of its choices
        for (JsonNode p : template.path("properties")) {
          if (!p.path("binding").path("type").asText().equals("camunda:inputParameter")) {
            continue;
          }
          String name = p.path("binding").path("name").asText();
          Set<String> choices = new HashSet<>();
          p.path("choices").forEach(c -> choices.add(c.path("value").asText()));
          String used = elements(task, CAMUNDA, "inputParameter").stream()
              .filter(i -> name.equals(i.getAttribute("name"))).map(Element::getTextContent).findFirst().orElse(null);
          assertThat(used).as(where + " " + name).isIn(choices);
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(30);
  }

  private static JsonNode templateCalling(String processId) {
    return templates.values().stream().filter(t -> {
      JsonNode called = property(t, "property", "calledElement");
      return called != null && processId.equals(called.path("value").asText());
    }).findFirst().orElse(null);
  }

  /** The property with this binding type (and name, when given). */
  private static JsonNode property(JsonNode template, String bindingType, String name) {
    for (JsonNode p : template.path("properties")) {
      JsonNode binding = p.path("binding");
      if (binding.path("type").asText().equals(bindingType) && (name == null || name.equals(binding.path("name").asText()))) {
        return p;
      }
    }
    return null;
  }

  private static List<Element> elements(org.w3c.dom.Node parent, String namespace, String name) {
    NodeList list = parent instanceof Document doc ? doc.getElementsByTagNameNS(namespace, name)
        : ((Element) parent).getElementsByTagNameNS(namespace, name);
    List<Element> result = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      result.add((Element) list.item(i));
    }
    return result;
  }

  private static Map<String, Class<?>> processBeans() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessBean.class));
    Map<String, Class<?>> beans = new HashMap<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("cn.minzheng.approvals")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      String name = type.getAnnotation(Component.class).value();
      beans.put(name, type);
    }
    return beans;
  }
}
