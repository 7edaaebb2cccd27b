package cn.minzheng.approvals.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.approvals.support.IntegrationTest;

/**
 * Standards are kept per table version: deploying a changed table (how an administrator changes a
 * standard) is used by the next case at once, and deploying the old one again brings it back.
 */
@IntegrationTest
class BenefitStandardsTest {

  @Autowired BenefitStandards standards;
  @Autowired RepositoryService repository;

  @Test
  void shouldUseANewlyDeployedVersionOfTheTableAtOnce() throws Exception {
    // given: the shipped table, asked once (so its answer is kept)
    String shipped = Files.readString(Path.of("processes/dibao-standard.dmn"));
    assertThat(standards.of(DibaoProcess.DECISION_STANDARD, BenefitStandards.URBAN)).isEqualByComparingTo("830");
    try {
      // when: a version with another urban standard is deployed
      deploy(shipped.replace("<text>830</text>", "<text>905</text>"), "城市标准调整（测试）");
      // then
      assertThat(standards.of(DibaoProcess.DECISION_STANDARD, BenefitStandards.URBAN)).isEqualByComparingTo("905");
      assertThat(standards.of(DibaoProcess.DECISION_STANDARD, "rural")).isEqualByComparingTo(new BigDecimal("680"));
    } finally {
      // the shipped standard again, as a newer version, for the other tests
      deploy(shipped, "恢复");
    }
    assertThat(standards.of(DibaoProcess.DECISION_STANDARD, BenefitStandards.URBAN)).isEqualByComparingTo("830");
  }

  private void deploy(String dmn, String name) {
    repository.createDeployment().name(name).addString("processes/dibao-standard.dmn", dmn).deploy();
  }
}
