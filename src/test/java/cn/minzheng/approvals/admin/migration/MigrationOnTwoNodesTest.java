package cn.minzheng.approvals.admin.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.TestVersions;

/**
 * A migration batch worked by two nodes of a cluster at once (the second resumed it at its start-up): the
 * batch started through the API runs on this node's runner thread while {@link MigrationRunner#run} works
 * the same batch again, as the other node would. Every instance moves once, none is counted failed.
 */
@IntegrationTest
class MigrationOnTwoNodesTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired CaseHistory history;
  @Autowired MigrationRunner otherNode;

  TestVersions versions;

  @BeforeEach
  void setUp() {
    versions = new TestVersions(repository);
  }

  @AfterEach
  void removeVersions() {
    versions.removeAll();
  }

  @Test
  void shouldMoveEveryInstanceOnceWhenTwoNodesWorkTheSameBatch() {
    // given: eight cases in 受理 and a new version of 低保
    DibaoCases cases = new DibaoCases(engine, applications, notices, users);
    List<Case> waiting = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      waiting.add(cases.submit());
    }
    ProcessDefinition source = versions.latest(DibaoProcess.KEY);
    ProcessDefinition target = versions.deployEdited(DibaoProcess.KEY,
        model -> model.replaceFirst("\\$\\{workdays\\.dueIn\\(10\\)\\}", "\\${workdays.dueIn(15)}"));
    TestRestTemplate admin = rest.withBasicAuth("admin", "demo123");

    // when: the batch starts here and the other node works it at the same time
    ResponseEntity<Map> started = admin.postForEntity("/api/admin/migrations",
        Map.of("processKey", DibaoProcess.KEY, "fromVersion", source.getVersion(), "toVersion", target.getVersion(),
            "instanceIds", waiting.stream().map(c -> c.pi().getId()).toList(), "note", "两个节点"), Map.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    long batchId = ((Number) started.getBody().get("batchId")).longValue();
    CompletableFuture.runAsync(() -> otherNode.run(batchId)).join();

    // then: all moved, none failed, each case's history tells the move once
    Map<?, ?> progress = awaitCompleted(admin, batchId);
    assertThat(progress.get("total")).isEqualTo(8);
    assertThat(progress.get("done")).isEqualTo(8);
    assertThat(progress.get("failed")).isEqualTo(0);
    for (Case c : waiting) {
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.pi().getId()).singleResult()
          .getProcessDefinitionId()).isEqualTo(target.getId());
      assertThat(history.of(c.applicationId()).stream().filter(e -> "migrated".equals(e.getAction()))).hasSize(1);
    }
  }

  private static Map<?, ?> awaitCompleted(TestRestTemplate admin, long batchId) {
    long until = System.currentTimeMillis() + 30_000;
    Map<?, ?> progress;
    do {
      progress = admin.getForObject("/api/admin/migrations/" + batchId, Map.class);
      if ("completed".equals(progress.get("state"))) {
        return progress;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    } while (System.currentTimeMillis() < until);
    throw new AssertionError("migration batch " + batchId + " did not complete: " + progress);
  }
}
