package cn.minzheng.approvals.yanglao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** approvals.yanglao.*: the due days bind from configuration, default to 5 / 10 / 10 and must be positive. */
class YanglaoPropertiesTest {

  @Test
  void shouldBindTheDueDaysFromConfiguration() {
    YanglaoProperties properties = bind(Map.of("approvals.yanglao.due-days.accept", "3",
        "approvals.yanglao.due-days.assess", "12", "approvals.yanglao.due-days.decide", "8"));
    assertThat(properties.getDueDays().getAccept()).isEqualTo(3);
    assertThat(properties.getDueDays().getAssess()).isEqualTo(12);
    assertThat(properties.getDueDays().getDecide()).isEqualTo(8);
  }

  @Test
  void shouldDefaultToFiveTenAndTenWorkingDays() {
    YanglaoProperties properties = new YanglaoProperties();
    assertThat(properties.getDueDays().getAccept()).isEqualTo(5);
    assertThat(properties.getDueDays().getAssess()).isEqualTo(10);
    assertThat(properties.getDueDays().getDecide()).isEqualTo(10);
  }

  @Test
  void shouldRefuseADueDateOfNoWorkingDays() {
    assertThatThrownBy(() -> bind(Map.of("approvals.yanglao.due-days.assess", "0")))
        .isInstanceOf(BindException.class).hasStackTraceContaining("approvals.yanglao.due-days.assess");
  }

  private static YanglaoProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bind("approvals.yanglao", YanglaoProperties.class).orElseGet(YanglaoProperties::new);
  }
}
