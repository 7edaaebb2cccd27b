package cn.minzheng.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.minzheng.approvals.admin.AdminAction;
import cn.minzheng.approvals.admin.AdminAudit;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.audit.CaseEvent;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.TestVersions;

/**
 * Migration of running 低保 instances between versions (POST /api/admin/migrations/preview,
 * POST /api/admin/migrations, GET /api/admin/migrations/{batchId}) on the real engine: the mapping of
 * stages, the instances that cannot move and why, a parent waiting in a call activity, the record in
 * the case history and the administrators' audit.
 */
@IntegrationTest
class MigrationApiTest {

  /** The due date of 家庭经济状况调查, changed the way an administrator would. */
  static final String LONGER_INVESTIGATION = "${workdays.dueIn(15)}";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired CaseHistory history;
  @Autowired AdminAudit audit;

  ApiClient admin;
  DibaoCases cases;
  TestVersions versions;

  @BeforeEach
  void setUp() {
    admin = new ApiClient(rest, "admin");
    cases = new DibaoCases(engine, applications, notices, users);
    versions = new TestVersions(repository);
  }

  @AfterEach
  void removeVersions() {
    versions.removeAll();
  }

  @Test
  void shouldPreviewTheMappingAndNameTheInstancesThatCannotMove() {
    // given: one case in 受理 (a call activity), one in 调查; then a version without 调查's id
    Case inAcceptance = cases.submit();
    Case inInvestigation = cases.accepted();
    int from = versions.latest(DibaoProcess.KEY).getVersion();
    int to = versions.deployEdited(DibaoProcess.KEY, MigrationApiTest::withoutInvestigationId).getVersion();

    // when
    ResponseEntity<Map<String, Object>> answer = admin.post("/api/admin/migrations/preview",
        Map.of("processKey", DibaoProcess.KEY, "fromVersion", from, "toVersion", to));

    // then: equal ids map, 调查 does not, and the case waiting there is named with the reason
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> preview = answer.getBody();
    assertThat(sources(preview.get("mappings"))).contains(DibaoProcess.CALL_ACCEPTANCE, DibaoProcess.TASK_STREET_REVIEW)
        .doesNotContain(DibaoProcess.TASK_INVESTIGATE);
    assertThat(list(preview.get("unmapped"))).anySatisfy(reason -> {
      assertThat(reason).containsEntry("activityId", DibaoProcess.TASK_INVESTIGATE);
      assertThat((String) reason.get("message")).contains("家庭经济状况调查").contains("不能迁移");
      assertThat((String) reason.get("message_en")).contains("cannot be migrated");
    });
    // stages both versions have but no instance can wait in (a service task) are not reported
    assertThat(list(preview.get("unmapped"))).extracting(r -> r.get("activityId"))
        .containsExactly(DibaoProcess.TASK_INVESTIGATE);
    Map<String, Object> blocked = instance(preview, inInvestigation);
    assertThat(blocked).containsEntry("migratable", false);
    assertThat(((Number) blocked.get("applicationId")).longValue()).isEqualTo(inInvestigation.applicationId());
    assertThat((String) blocked.get("applicationNumber")).startsWith("DB-");
    assertThat(list(blocked.get("reasons"))).singleElement().satisfies(reason -> {
      assertThat(reason).containsEntry("activityId", DibaoProcess.TASK_INVESTIGATE);
      assertThat((String) reason.get("message")).contains("家庭经济状况调查");
      assertThat((String) reason.get("message_en")).contains("no counterpart");
    });
    Map<String, Object> free = instance(preview, inAcceptance);
    assertThat(free).containsEntry("migratable", true);
    assertThat(list(free.get("activities"))).extracting(a -> a.get("id")).containsExactly(DibaoProcess.CALL_ACCEPTANCE);
  }

  @Test
  void shouldMoveAParentWaitingInACallActivityAndRecordItForAuditors() {
    // given: a case in 受理 (stage_acceptance runs as a called instance), then version + 1
    Case c = cases.submit();
    ProcessDefinition source = versions.latest(DibaoProcess.KEY);
    ProcessDefinition target = versions.deployEdited(DibaoProcess.KEY,
        model -> model.replaceFirst("\\$\\{workdays\\.dueIn\\(10\\)\\}", java.util.regex.Matcher.quoteReplacement(LONGER_INVESTIGATION)));

    // when
    ResponseEntity<Map<String, Object>> started = admin.post("/api/admin/migrations",
        Map.of("processKey", DibaoProcess.KEY, "fromVersion", source.getVersion(), "toVersion", target.getVersion(),
            "instanceIds", List.of(c.pi().getId()), "note", "调查时限延长为 15 个工作日"));

    // then: accepted, and the batch completes with the one instance moved
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    Map<String, Object> progress = awaitCompleted(((Number) started.getBody().get("batchId")).longValue());
    assertThat(progress).containsEntry("total", 1).containsEntry("done", 1).containsEntry("failed", 0);
    assertThat(definitionOf(c)).isEqualTo(target.getId());

    // the called 受理 goes on, returns to the moved parent, which continues on the new version
    cases.decide(c, "approve");
    Task investigate = tasks.createTaskQuery().processInstanceId(c.pi().getId()).singleResult();
    assertThat(investigate.getTaskDefinitionKey()).isEqualTo(DibaoProcess.TASK_INVESTIGATE);
    assertThat(investigate.getProcessDefinitionId()).isEqualTo(target.getId());

    // auditors see the move in the case history and the administrator's action with its note
    List<CaseEvent> migrated = history.of(c.applicationId()).stream().filter(e -> "migrated".equals(e.getAction())).toList();
    assertThat(migrated).singleElement().satisfies(event -> {
      assertThat(event.getActor()).isEqualTo("admin");
      assertThat(event.getDetailJson()).contains("\"fromVersion\":" + source.getVersion())
          .contains("\"toVersion\":" + target.getVersion());
    });
    // the auditors' timeline: the move with who did it, and each part on the version it ran on
    List<Map<String, Object>> timeline = new ApiClient(rest, "auditor")
        .getList("/api/audit/applications/" + c.applicationId() + "/timeline").getBody();
    assertThat(timeline).anySatisfy(e -> assertThat(e).containsEntry("action", "migrated").containsEntry("kind", "operation")
        .containsEntry("actor", "admin").extractingByKey("detail").asString()
        .contains("fromVersion=" + source.getVersion()).contains("toVersion=" + target.getVersion()));
    assertThat(timeline).anySatisfy(e -> assertThat(e).containsEntry("kind", "stage").containsEntry("action", "entered")
        .containsEntry("modelVersion", DibaoProcess.KEY + ":" + source.getVersion()));
    assertThat(timeline).anySatisfy(e -> assertThat(e).containsEntry("kind", "task")
        .containsEntry("stage", DibaoProcess.TASK_INVESTIGATE)
        .containsEntry("modelVersion", DibaoProcess.KEY + ":" + target.getVersion()));
    AdminAction action = audit.recent("process:" + DibaoProcess.KEY, 1).get(0);
    assertThat(action.getAction()).isEqualTo("model.migrate");
    assertThat(action.getNote()).isEqualTo("调查时限延长为 15 个工作日");
    assertThat(action.getNewContent()).contains(c.pi().getId());
  }

  @Test
  void shouldMoveWhatCanMoveAndKeepTheReasonOfWhatCannot() {
    // given: one case in 受理, one in 调查, and a version without 调查's id
    Case movable = cases.submit();
    Case blocked = cases.accepted();
    ProcessDefinition source = versions.latest(DibaoProcess.KEY);
    ProcessDefinition target = versions.deployEdited(DibaoProcess.KEY, MigrationApiTest::withoutInvestigationId);

    // when: both in one batch
    ResponseEntity<Map<String, Object>> started = admin.post("/api/admin/migrations",
        Map.of("processKey", DibaoProcess.KEY, "fromVersion", source.getVersion(), "toVersion", target.getVersion(),
            "instanceIds", List.of(movable.pi().getId(), blocked.pi().getId())));
    Map<String, Object> progress = awaitCompleted(((Number) started.getBody().get("batchId")).longValue());

    // then: one moved, one stays on its version, with the reason
    assertThat(progress).containsEntry("total", 2).containsEntry("done", 1).containsEntry("failed", 1);
    assertThat(definitionOf(movable)).isEqualTo(target.getId());
    assertThat(definitionOf(blocked)).isEqualTo(source.getId());
    assertThat(list(progress.get("failures"))).singleElement().satisfies(failure -> {
      assertThat(failure).containsEntry("processInstanceId", blocked.pi().getId());
      assertThat((String) failure.get("reason")).contains("家庭经济状况调查").contains("no counterpart");
    });
    assertThat(history.of(blocked.applicationId())).noneMatch(e -> "migrated".equals(e.getAction()));
  }

  @Test
  void shouldRefuseWrongVersionsAndNonAdministrators() {
    int latest = versions.latest(DibaoProcess.KEY).getVersion();
    Map<String, Object> same = Map.of("processKey", DibaoProcess.KEY, "fromVersion", latest, "toVersion", latest);
    Map<String, Object> missing = Map.of("processKey", DibaoProcess.KEY, "fromVersion", latest, "toVersion", latest + 50);

    ResponseEntity<Map<String, Object>> sameVersion = admin.post("/api/admin/migrations/preview", same);
    assertThat(sameVersion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(sameVersion.getBody()).containsEntry("detail", "源版本和目标版本不能相同。");
    assertThat(admin.post("/api/admin/migrations/preview", missing).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(admin.post("/api/admin/migrations", missing).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(admin.get("/api/admin/migrations/999999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(new ApiClient(rest, "wjs-clerk").post("/api/admin/migrations/preview", same).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(new ApiClient(rest, "auditor").post("/api/admin/migrations", same).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(new ApiClient(rest, null).post("/api/admin/migrations/preview", same).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // the pages too: the workbench, an editor and the migration page are for administrators only
    ApiClient clerk = new ApiClient(rest, "wjs-clerk");
    for (String page : List.of("/admin/models", "/admin/models/dibao/1", "/admin/models/upload", "/admin/migration/dibao")) {
      assertThat(clerk.getText(page).getStatusCode()).as(page).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(admin.getText(page).getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
    }
  }

  /** The model with 调查 under another id: instances waiting in 调查 have no counterpart. */
  static String withoutInvestigationId(String model) {
    return model.replace("\"" + DibaoProcess.TASK_INVESTIGATE + "\"", "\"Task_HouseholdSurvey\"")
        .replace(">" + DibaoProcess.TASK_INVESTIGATE + "<", ">Task_HouseholdSurvey<");
  }

  private Map<String, Object> awaitCompleted(long batchId) {
    long until = System.currentTimeMillis() + 30_000;
    Map<String, Object> progress;
    do {
      progress = admin.get("/api/admin/migrations/" + batchId).getBody();
      if ("completed".equals(progress.get("state"))) {
        return progress;
      }
      sleep();
    } while (System.currentTimeMillis() < until);
    throw new AssertionError("migration batch " + batchId + " did not complete: " + progress);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String definitionOf(Case c) {
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processInstanceId(c.pi().getId()).singleResult();
    return pi.getProcessDefinitionId();
  }

  private static Map<String, Object> instance(Map<String, Object> preview, Case c) {
    return list(preview.get("instances")).stream().filter(i -> c.pi().getId().equals(i.get("processInstanceId")))
        .findFirst().orElseThrow(() -> new AssertionError("instance not previewed: " + c.pi().getId()));
  }

  private static List<String> sources(Object mappings) {
    return list(mappings).stream().map(m -> (String) m.get("sourceActivityId")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }
}
