package cn.minzheng.approvals.yanglao;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.type.JdbcType;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mybatis.spring.SqlSessionFactoryBean;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import cn.minzheng.approvals.config.MyBatisConfig;

/**
 * The bed statements (V7 and YanglaoBedMapper.xml) on H2 and on H2 in Oracle mode with the databaseId
 * "oracle" (no Oracle server in CI); PostgreSQL runs them in every integration test. A bed is taken once.
 */
class YanglaoBedMapperDialectTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "oracle"})
  void shouldTakeAFreeBedOnceAndQueueByPriority(String dialect) throws Exception {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl("jdbc:h2:mem:yl_" + UUID.randomUUID() + (dialect.equals("oracle") ? ";MODE=Oracle" : "")
        + ";DB_CLOSE_DELAY=-1");
    hikari.setUsername("sa");
    try (HikariDataSource dataSource = new HikariDataSource(hikari)) {
      ResourceDatabasePopulator camunda = new ResourceDatabasePopulator();
      for (String component : List.of("engine", "history", "identity", "case.engine", "case.history",
          "decision.engine", "decision.history")) {
        camunda.addScript(new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.h2.create." + component + ".sql"));
      }
      camunda.execute(dataSource);
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
          .placeholders(Map.of("clob", "CLOB", "bigint", dialect.equals("oracle") ? "NUMBER(19)" : "BIGINT", "blob", "BLOB"))
          .table("mz_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
      Configuration configuration = new Configuration();
      configuration.setMapUnderscoreToCamelCase(true);
      configuration.setJdbcTypeForNull(JdbcType.NULL);
      SqlSessionFactoryBean bean = new SqlSessionFactoryBean();
      bean.setDataSource(dataSource);
      bean.setConfiguration(configuration);
      bean.setDatabaseIdProvider(dialect.equals("oracle") ? ds -> "oracle" : MyBatisConfig.vendorIds());
      bean.setMapperLocations(new PathMatchingResourcePatternResolver()
          .getResources("classpath*:cn/minzheng/approvals/**/*Mapper.xml"));
      SqlSessionFactory factory = bean.getObject();
      YanglaoBedMapper beds = new SqlSessionTemplate(factory).getMapper(YanglaoBedMapper.class);

      // the made-up demo institutions are seeded
      assertThat(beds.findInstitutions()).extracting(Institution::code).contains("YL420112001", "YL420112002", "YL420112003");
      assertThat(beds.findInstitution("YL420112001")).isEqualTo(new Institution("YL420112001", "东西湖区社会福利院（示例）",
          "420112000000", 5, 2, 5));

      beds.insertInstitution("T1", "测试", "420112000000");
      beds.insertBed("T1", "P1", 0);
      beds.insertBed("T1", "N1", 1);
      // a nursing case gets the nursing bed only; an ordinary one the ordinary bed first
      assertThat(beds.takeBed(101, "T1", "420112000000", 1)).isEqualTo(1);
      assertThat(beds.findBedOf(101)).isEqualTo(new Bed("T1", "N1", 1));
      assertThat(beds.takeBed(102, "T1", "420112000000", 0)).isEqualTo(1);
      assertThat(beds.findBedOf(102).bedNo()).isEqualTo("P1");
      assertThat(beds.takeBed(103, "T1", "420112000000", 0)).isZero();
      assertThat(beds.countFreeBeds("T1", "420112000000", 0)).isZero();
      assertThat(beds.findInstitution("T1").freeBeds()).isZero();
      // any institution of the district when none is named
      assertThat(beds.takeBed(104, null, "420112000000", 0)).isEqualTo(1);

      // 轮候: priority before time
      LocalDateTime t0 = LocalDateTime.of(2026, 11, 24, 9, 0);
      beds.enqueue(201, "T1", "420112000000", 0, 9, t0);
      beds.enqueue(202, "T1", "420112000000", 0, 1, t0.plusHours(1));
      beds.enqueue(203, null, "420112000000", 1, 1, t0.plusHours(2));
      assertThat(beds.isQueued(201)).isOne();
      assertThat(beds.nextWaiter("T1", "420112000000", 0)).isEqualTo(202L);
      assertThat(beds.nextWaiter("T1", "420112000000", 1)).isEqualTo(202L);
      assertThat(beds.dequeue(202)).isOne();
      assertThat(beds.nextWaiter("T1", "420112000000", 1)).isEqualTo(203L);
      assertThat(beds.nextWaiter("T1", "420112000000", 0)).isEqualTo(201L);

      assertThat(beds.releaseBed("T1", "P1")).isOne();
      assertThat(beds.releaseBed("T1", "P1")).isZero();
      assertThat(beds.findBed("T1", "P1").nursing()).isZero();
    }
  }
}
