package cn.minzheng.approvals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ApprovalsApplication {

  public static void main(String[] args) {
    SpringApplication.run(ApprovalsApplication.class, args);
  }
}
