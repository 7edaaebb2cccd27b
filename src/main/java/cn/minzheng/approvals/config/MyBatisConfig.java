package cn.minzheng.approvals.config;

import java.util.Properties;

import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Statements that differ per dialect carry databaseId h2, postgresql or oracle. */
@Configuration
public class MyBatisConfig {

  @Bean
  public DatabaseIdProvider databaseIdProvider() {
    return vendorIds();
  }

  public static DatabaseIdProvider vendorIds() {
    Properties vendors = new Properties();
    vendors.setProperty("H2", "h2");
    vendors.setProperty("PostgreSQL", "postgresql");
    vendors.setProperty("Oracle", "oracle");
    VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
    provider.setProperties(vendors);
    return provider;
  }
}
