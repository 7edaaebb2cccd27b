package cn.minzheng.approvals.admin.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.minzheng.approvals.admin.model.HostileModels;

/** The model checks in plain Java: the repository's models pass, each rule catches its hostile model. */
class ModelCheckerTest {

  private static ModelChecker checker;
  private static ModelResource acceptForm;

  @BeforeAll
  static void vocabulary() throws IOException {
    checker = new ModelChecker(ProcessVocabulary.scan());
    acceptForm = new ModelResource("forms/stage-accept.form", Files.readAllBytes(Path.of("forms/stage-accept.form")));
  }

  @Test
  void shouldPassEveryModelAndFormOfTheRepository() throws IOException {
    // this test also fails the build when processes/ or forms/ break a rule (as does ModelCheckCommand in verify)
    assertThat(ModelCheckCommand.check(List.of(Path.of("processes"), Path.of("forms")))).isEmpty();
  }

  @Test
  void shouldKnowTheWhitelistedBeansAndOurVariables() {
    ProcessVocabulary vocabulary = ProcessVocabulary.scan();
    assertThat(vocabulary.beans()).contains("workdays", "issueNoticeDelegate", "calculateAmountDelegate")
        .doesNotContain("dataSource", "modelChecker");
    assertThat(vocabulary.variables()).contains("applicationId", "streetCode", "decision", "holdDemocraticReview", "careMode")
        .doesNotContain("objection");
  }

  @Test
  void shouldPassTheGoodModelWithItsForm() {
    assertThat(checker.check(List.of(bpmn("good", HostileModels.good("good")), acceptForm), offline())).isEmpty();
  }

  static HostileModels.Case[] hostile() {
    return HostileModels.all("unit_hostile");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void shouldCatchEachHostileModelByItsRule(HostileModels.Case model) {
    List<ModelProblem> problems = checker.check(List.of(new ModelResource(model.filename(), model.bytes()), acceptForm), offline());
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.rule()).isEqualTo(model.rule());
      assertThat(p.element()).isEqualTo(model.element());
      assertThat(p.message()).matches(".*\\p{IsHan}.*").startsWith(model.element() + "（" + model.rule() + "）：");
      assertThat(p.messageEn()).startsWith(model.element() + " (" + model.rule() + "): ");
    });
  }

  @Test
  void shouldRequireANegativeNoticeBeforeEveryRefusalEnd() throws IOException {
    // given: dibao's refusal notice turned into an approval notice
    List<ModelResource> repository = repositoryModels();
    String dibao = text("processes/dibao.bpmn").replace(
        "<camunda:inputParameter name=\"noticeKind\">rejected</camunda:inputParameter>",
        "<camunda:inputParameter name=\"noticeKind\">approved</camunda:inputParameter>");
    repository.replaceAll(r -> r.name().equals("processes/dibao.bpmn") ? bpmn("processes/dibao", dibao) : r);
    // when
    List<ModelProblem> problems = checker.check(repository, offline());
    // then
    assertThat(problems).extracting(ModelProblem::rule, ModelProblem::element)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ModelRules.REFUSAL_NOTICE, "End_Refused"));
  }

  @Test
  void shouldAcceptANotAcceptedEndOnlyWhenTheCalledStageIssuesTheNotice() throws IOException {
    // given: the shared 受理 stage without its 不予受理通知书
    List<ModelResource> repository = repositoryModels();
    String stage = text("processes/stage-acceptance.bpmn").replace(
        "<camunda:inputParameter name=\"noticeKind\">not_accepted</camunda:inputParameter>",
        "<camunda:inputParameter name=\"noticeKind\">accepted</camunda:inputParameter>");
    repository.replaceAll(r -> r.name().equals("processes/stage-acceptance.bpmn") ? bpmn("processes/stage-acceptance", stage) : r);
    // when
    List<ModelProblem> problems = checker.check(repository, offline());
    // then: the stage's own error end, and every caller's 不予受理 end
    assertThat(problems).allSatisfy(p -> assertThat(p.rule()).isEqualTo(ModelRules.REFUSAL_NOTICE));
    assertThat(problems).extracting(ModelProblem::element).contains("End_NotAccepted").hasSizeGreaterThan(5);
  }

  @Test
  void shouldRequireTheStagesAndFormsBoundByDeploymentInTheSameSet() throws IOException {
    List<ModelProblem> problems = checker.check(List.of(new ModelResource("processes/dibao.bpmn",
        Files.readAllBytes(Path.of("processes/dibao.bpmn")))), offline());
    assertThat(problems).extracting(ModelProblem::rule).contains(ModelRules.CALLED_ELEMENT, ModelRules.USER_TASK_FORM);
  }

  @Test
  void shouldCheckDecisionTables() throws IOException {
    String standard = text("processes/dibao-standard.dmn");
    assertThat(checker.check(dmn(standard))).isEmpty();
    assertThat(checker.check(dmn(standard.replaceFirst(" hitPolicy=\"[A-Z]+\"", ""))))
        .extracting(ModelProblem::rule).containsExactly(ModelRules.DMN_HIT_POLICY);
    assertThat(checker.check(dmn(standard.replaceFirst(" typeRef=\"[a-z]+\"", ""))))
        .extracting(ModelProblem::rule).containsExactly(ModelRules.DMN_TYPES);
    assertThat(checker.check(dmn(standard.replaceFirst("<inputExpression ", "<inputExpression expressionLanguage=\"javascript\" "))))
        .extracting(ModelProblem::rule).contains(ModelRules.SCRIPT);
    assertThat(checker.check(dmn("<definitions>"))).extracting(ModelProblem::rule).containsExactly(ModelRules.XML_WELL_FORMED);
    assertThat(checker.check(dmn("<definitions id=\"d\"><decision id=\"x\"/></definitions>")))
        .extracting(ModelProblem::rule).containsExactly(ModelRules.DMN_PARSE);
  }

  @Test
  void shouldCheckTimersAndExpressionSyntax() {
    String good = HostileModels.good("timers");
    String timer = "<bpmn:intermediateCatchEvent id=\"Timer_T\"><bpmn:timerEventDefinition id=\"TimerDef_T\">"
        + "<bpmn:TYPE xsi:type=\"bpmn:tFormalExpression\">VALUE</bpmn:TYPE></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>";
    for (String[] ok : new String[][] {{"timeDuration", "P7D"}, {"timeDuration", "PT36H"}, {"timeDate", "2027-01-01T09:00:00+08:00"},
        {"timeCycle", "R3/PT10M"}, {"timeCycle", "0 0 9 * * ?"}, {"timeDuration", "${publicNoticePeriod}"}}) {
      String model = good.replace("<!-- EXTRA -->", timer.replace("TYPE", ok[0]).replace("VALUE", ok[1]));
      assertThat(checker.check(List.of(bpmn("timers", model), acceptForm), offline())).as(ok[1]).isEmpty();
    }
    for (String[] bad : new String[][] {{"timeDuration", "7 days"}, {"timeDate", "next monday"}, {"timeCycle", "every day"}}) {
      String model = good.replace("<!-- EXTRA -->", timer.replace("TYPE", bad[0]).replace("VALUE", bad[1]));
      assertThat(checker.check(List.of(bpmn("timers", model), acceptForm), offline()))
          .as(bad[1]).extracting(ModelProblem::rule).containsExactly(ModelRules.TIMER);
    }
    String broken = good.replace("${workdays.dueIn(3)}", "${workdays.dueIn(3}");
    assertThat(checker.check(List.of(bpmn("syntax", broken), acceptForm), offline()))
        .extracting(ModelProblem::rule).containsExactly(ModelRules.EXPRESSION_SYNTAX);
  }

  @Test
  void shouldRefuseFilesOfOtherKinds() {
    assertThat(checker.check(new ModelResource("evil.groovy", "'id'.execute()".getBytes(StandardCharsets.UTF_8))))
        .extracting(ModelProblem::rule).containsExactly(ModelRules.FILE_KIND);
  }

  private static ModelCatalog offline() {
    return ModelCatalog.offline(group -> ModelChecker.GROUP_PATTERN.matcher(group).matches());
  }

  private static List<ModelResource> repositoryModels() throws IOException {
    List<ModelResource> all = new ArrayList<>();
    for (String root : List.of("processes", "forms")) {
      try (var files = Files.list(Path.of(root))) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          ModelResource resource = new ModelResource(root + "/" + file.getFileName(), Files.readAllBytes(file));
          if (resource.kind() != ModelResource.Kind.OTHER) {
            all.add(resource);
          }
        }
      }
    }
    return all;
  }

  private static String text(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  private static ModelResource bpmn(String name, String xml) {
    return new ModelResource(name + ".bpmn", xml.getBytes(StandardCharsets.UTF_8));
  }

  private static ModelResource dmn(String xml) {
    return new ModelResource("standard.dmn", xml.getBytes(StandardCharsets.UTF_8));
  }
}
