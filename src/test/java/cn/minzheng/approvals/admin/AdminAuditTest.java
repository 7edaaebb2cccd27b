package cn.minzheng.approvals.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.approvals.support.IntegrationTest;

@IntegrationTest
class AdminAuditTest {

  @Autowired AdminAudit audit;

  @Test
  void keepsWhoWhatNoteAndBothContentsNewestFirst() {
    String target = "test-target-" + System.nanoTime();
    audit.record("admin", "calendar.edit", target, "2027 年节假日", "旧内容", "新内容");
    audit.record("admin", "calendar.edit", target, "更正", "新内容", "更正后内容");

    List<AdminAction> recent = audit.recent(target, 10);

    assertThat(recent).hasSize(2);
    assertThat(recent.get(0).getNote()).isEqualTo("更正");
    assertThat(recent.get(0).getOldContent()).isEqualTo("新内容");
    assertThat(recent.get(0).getNewContent()).isEqualTo("更正后内容");
    assertThat(recent.get(1).getActor()).isEqualTo("admin");
    assertThat(recent.get(1).getCreatedAt()).isNotNull();
    assertThat(audit.recent(target, 1)).hasSize(1);
  }
}
