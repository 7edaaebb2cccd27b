package cn.minzheng.approvals.config;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** All our dates are Beijing time: the offices, the notices and the statutory limits use it. */
@Configuration
public class TimeConfig {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Bean
  public Clock clock() {
    return Clock.system(BEIJING);
  }
}
