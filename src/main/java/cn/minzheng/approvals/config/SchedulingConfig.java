package cn.minzheng.approvals.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Daily reminders; off in tests, which call them directly. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "approvals.scheduling", havingValue = "true", matchIfMissing = true)
public class SchedulingConfig {
}
