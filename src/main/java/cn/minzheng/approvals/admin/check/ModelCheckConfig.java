package cn.minzheng.approvals.admin.check;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One checker for the engine and the administrators' API; its vocabulary is read from our classes. */
@Configuration
public class ModelCheckConfig {

  @Bean
  public ModelChecker modelChecker() {
    return new ModelChecker(ProcessVocabulary.scan());
  }
}
