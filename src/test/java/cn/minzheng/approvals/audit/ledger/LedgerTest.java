package cn.minzheng.approvals.audit.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.IntegrationTest;

/**
 * The ledger on the real PostgreSQL: rows chain and verify, an altered row is named, the database
 * refuses changes, concurrent appenders never fork the chain, and case events flow in.
 */
@IntegrationTest
class LedgerTest {

  @Autowired Ledger ledger;
  @Autowired LedgerVerifier verifier;
  @Autowired LedgerMapper mapper;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired LedgerVerifyCommand command;
  @Autowired cn.minzheng.approvals.admin.AdminAudit adminAudit;

  @Test
  void shouldChainAppendedRowsAndVerifyThem() {
    // given
    long before = mapper.head().lastSeq();
    String previousHash = mapper.head().lastHash();
    String action = "test_" + System.nanoTime();

    // when
    ledger.append("tester", action, "test:1", Map.of("note", "甲", "idNumber", "420112199001011234",
        "monthlyIncome", 300, "bankAccount", "6228480012345678901",
        "opinion", "身份证 420112199001011234 电话 13812345678 账号 6228480012345678901"));
    ledger.append("tester", action, "test:2", Map.of("note", "乙"));

    // then
    List<LedgerEntry> rows = mapper.scan(new LedgerFilter(null, null, action, null, null, null), before, null, 10);
    assertThat(rows).extracting(LedgerEntry::getSeq).containsExactly(before + 1, before + 2);
    assertThat(rows.get(0).getPrevHash()).isEqualTo(previousHash);
    assertThat(rows.get(1).getPrevHash()).isEqualTo(rows.get(0).getHash());
    assertThat(rows.get(0).getHash()).isEqualTo(LedgerHash.of(rows.get(0))).hasSize(64);
    assertThat(rows.get(0).getDetail())
        .doesNotContain("420112199001011234", "13812345678", "6228480012345678901", "300")
        .contains("420112********1234", "138****5678", "***************8901", "\"monthlyIncome\":\"***\"");
    LedgerVerifier.Result result = verifier.verify();
    assertThat(result.ok()).isTrue();
    assertThat(result.firstBrokenSeq()).isNull();
    assertThat(result.checked()).isGreaterThanOrEqualTo(before + 2);
  }

  @Test
  void shouldKeepRowsOnlyOfTransactionsThatCommit() {
    String kept = "test_kept_" + System.nanoTime();
    String dropped = "test_dropped_" + System.nanoTime();
    TransactionTemplate tx = new TransactionTemplate(transactions);

    tx.executeWithoutResult(status -> {
      ledger.append("tester", kept, "test:kept", Map.of());
      ledger.append("tester", kept, "test:kept", Map.of());
    });
    tx.executeWithoutResult(status -> {
      ledger.append("tester", dropped, "test:dropped", Map.of());
      status.setRollbackOnly();
    });

    assertThat(mapper.count(new LedgerFilter(null, null, kept, null, null, null))).isEqualTo(2);
    assertThat(mapper.count(new LedgerFilter(null, null, dropped, null, null, null))).isZero();
    assertThat(verifier.verify().ok()).isTrue();
  }

  @Test
  void shouldRefuseUpdateDeleteAndTruncateOfLedgerRows() {
    ledger.append("tester", "test_guard", "test:guard", Map.of());
    long seq = mapper.head().lastSeq();

    assertThatThrownBy(() -> jdbc.update("UPDATE mz_ledger SET actor = 'mallory' WHERE seq = ?", seq))
        .rootCause().hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM mz_ledger WHERE seq = ?", seq))
        .rootCause().hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.execute("TRUNCATE mz_ledger"))
        .rootCause().hasMessageContaining("append-only");
    assertThat(jdbc.queryForObject("SELECT actor FROM mz_ledger WHERE seq = ?", String.class, seq)).isEqualTo("tester");
  }

  @Test
  void shouldNameTheAlteredRowWhenTheOwnerBypassesTheTrigger() {
    // given: three rows, the middle one altered by the table owner with the trigger switched off
    String action = "test_tamper_" + System.nanoTime();
    for (int i = 0; i < 3; i++) {
      ledger.append("tester", action, "test:tamper", Map.of("i", i));
    }
    long tampered = mapper.head().lastSeq() - 1;
    String original = jdbc.queryForObject("SELECT detail FROM mz_ledger WHERE seq = ?", String.class, tampered);
    try {
      alter(tampered, "{\"i\":99}");

      // when
      LedgerVerifier.Result result = verifier.verify();

      // then
      assertThat(result.ok()).isFalse();
      assertThat(result.firstBrokenSeq()).isEqualTo(tampered);
      assertThat(result.checked()).isEqualTo(tampered - 1);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      assertThat(command.verifyAndPrint(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(2);
      assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("ok=false firstBrokenSeq=" + tampered);
    } finally {
      alter(tampered, original);
    }
    assertThat(verifier.verify().ok()).isTrue();
  }

  private void alter(long seq, String detail) {
    jdbc.execute("ALTER TABLE mz_ledger DISABLE TRIGGER mz_ledger_no_change");
    try {
      jdbc.update("UPDATE mz_ledger SET detail = ? WHERE seq = ?", detail, seq);
    } finally {
      jdbc.execute("ALTER TABLE mz_ledger ENABLE TRIGGER mz_ledger_no_change");
    }
  }

  @Test
  void shouldKeepOneUnbrokenChainUnderConcurrentAppends() throws Exception {
    // given: eight threads, each 10 rows of their own and 10 transactions of two rows
    String action = "test_concurrent_" + System.nanoTime();
    long before = mapper.head().lastSeq();
    TransactionTemplate tx = new TransactionTemplate(transactions);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(pool.submit((Callable<Void>) () -> {
          start.await();
          for (int i = 0; i < 10; i++) {
            ledger.append("thread-" + thread, action, "test:concurrent", Map.of("i", i));
            int n = i;
            tx.executeWithoutResult(s -> {
              ledger.append("thread-" + thread, action, "test:concurrent", Map.of("tx", n, "part", 1));
              ledger.append("thread-" + thread, action, "test:concurrent", Map.of("tx", n, "part", 2));
            });
          }
          return null;
        }));
      }
      // when
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    // then: 240 rows, each seq once, one chain
    List<LedgerEntry> rows = new ArrayList<>();
    long after = before;
    List<LedgerEntry> page;
    do {
      page = mapper.scan(new LedgerFilter(null, null, action, null, null, null), after, null, 100);
      rows.addAll(page);
      after = page.isEmpty() ? after : page.get(page.size() - 1).getSeq();
    } while (!page.isEmpty());
    assertThat(rows).hasSize(240);
    assertThat(rows.stream().map(LedgerEntry::getSeq).distinct().count()).isEqualTo(240);
    // the two rows of one transaction are neighbours
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).getDetail().contains("\"part\":1")) {
        assertThat(rows.get(i + 1).getSeq()).isEqualTo(rows.get(i).getSeq() + 1);
        assertThat(rows.get(i + 1).getDetail()).contains("\"part\":2");
      }
    }
    assertThat(mapper.head().lastSeq()).isGreaterThanOrEqualTo(before + 240);
    LedgerVerifier.Result result = verifier.verify();
    assertThat(result.ok()).isTrue();
    assertThat(result.checked()).isEqualTo(mapper.head().lastSeq());
  }

  @Test
  void shouldRecordTheStateChangesOfAnApplication() {
    // when: a 低保 case is filed and accepted
    Case c = new DibaoCases(engine, applications, notices, users).accepted();

    // then
    List<LedgerEntry> rows = mapper.scan(new LedgerFilter(c.applicationId(), null, null, null, null, null), 0, null, 500);
    assertThat(rows).extracting(LedgerEntry::getAction).contains("submit", "stage_changed", "notice_issued");
    assertThat(rows).allSatisfy(r -> assertThat(r.getTarget()).isEqualTo("application:" + c.applicationId()));
    assertThat(rows.get(0).getAction()).isEqualTo("submit");
    assertThat(rows.get(0).getActor()).isEqualTo("wjs-clerk");
    assertThat(rows).extracting(LedgerEntry::getDetail).filteredOn(d -> d != null && d.contains("Task_Investigate")).isNotEmpty();
    assertThat(verifier.verify().ok()).isTrue();
  }

  @Test
  void shouldRecordAdministratorActionsWithTheHashesOfTheirContent() {
    String target = "calendar:test-" + Long.toString(System.nanoTime(), 36); // no long digit runs: they are masked

    adminAudit.record("admin", "calendar.replace", target, "更正国庆调休", "旧的全年安排", "新的全年安排");

    List<LedgerEntry> rows = mapper.search(new LedgerFilter(null, "admin", "calendar.replace", null, null, null), 0, 10);
    LedgerEntry row = rows.stream().filter(r -> target.equals(r.getTarget())).findFirst().orElseThrow();
    assertThat(row.getDetail()).contains("更正国庆调休", LedgerHash.sha256("旧的全年安排"), LedgerHash.sha256("新的全年安排"))
        .doesNotContain("旧的全年安排", "新的全年安排");
  }

  @Test
  void shouldKeepHistoryForTheConfiguredYearsAndCleanUpOutsideOfficeHours() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");

    // application-test.yml: binzang 15 years, everything else the default 10
    List<ProcessDefinition> definitions = engine.getRepositoryService().createProcessDefinitionQuery().list();
    assertThat(definitions).extracting(ProcessDefinition::getKey).contains("dibao", "binzang", "stage_acceptance");
    assertThat(definitions).allSatisfy(d -> assertThat(d.getHistoryTimeToLive())
        .as(d.getKey() + " v" + d.getVersion()).isEqualTo("binzang".equals(d.getKey()) ? 5479 : 3653));
  }
}
