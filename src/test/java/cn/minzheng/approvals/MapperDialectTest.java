package cn.minzheng.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.type.JdbcType;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mybatis.spring.SqlSessionFactoryBean;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.approvals.application.ApplicationMapper;
import cn.minzheng.approvals.application.ApplicationQuery;
import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.MaterialRecord;
import cn.minzheng.approvals.application.MemberRecord;
import cn.minzheng.approvals.audit.CaseEvent;
import cn.minzheng.approvals.audit.CaseEventMapper;
import cn.minzheng.approvals.audit.cases.AuditCaseMapper;
import cn.minzheng.approvals.audit.cases.CaseSearch;
import cn.minzheng.approvals.audit.ledger.LedgerEntry;
import cn.minzheng.approvals.audit.ledger.LedgerFilter;
import cn.minzheng.approvals.audit.ledger.LedgerHash;
import cn.minzheng.approvals.audit.ledger.LedgerMapper;
import cn.minzheng.approvals.common.CounterMapper;
import cn.minzheng.approvals.common.Counters;
import cn.minzheng.approvals.config.MyBatisConfig;
import cn.minzheng.approvals.material.MaterialFile;
import cn.minzheng.approvals.material.MaterialFileMapper;
import cn.minzheng.approvals.inbox.TaskInboxMapper;
import cn.minzheng.approvals.inbox.TaskInboxMapper.CountedTaskRow;
import cn.minzheng.approvals.inbox.TaskInboxQuery;
import cn.minzheng.approvals.inbox.TaskRow;
import cn.minzheng.approvals.notice.Notice;
import cn.minzheng.approvals.notice.NoticeMapper;
import cn.minzheng.approvals.region.Region;
import cn.minzheng.approvals.region.RegionMapper;
import cn.minzheng.approvals.support.TestDatabase;
import cn.minzheng.approvals.support.TestIds;

/**
 * Runs every mapper statement on the three databases our SQL must work on: H2 (default mode), H2 in
 * Oracle mode with the MyBatis databaseId forced to "oracle" (no Oracle server runs in CI), and the real
 * PostgreSQL of the tests ({@link TestDatabase}; fails, never skips, when it is down).
 *
 * <p>Each database is migrated with the Flyway script and the placeholders of its profile, and MyBatis is
 * set up as in production (mapper XML, underscore to camel case, NULL for untyped nulls, vendor
 * databaseIds). Statements run through a {@link SqlSessionTemplate}, so exceptions are translated as in
 * the application. The PostgreSQL database is shared and never emptied: every test uses its own random
 * keys, and region codes starting with 9 that the demo data does not use.
 */
class MapperDialectTest {

  enum Db {
    H2("CLOB", "BIGINT", "BLOB", "h2", "h2"),
    // H2 cannot parse Camunda's Oracle script (NUMBER(*,10)); the engine itself picks the H2 one on H2
    H2_ORACLE_MODE("CLOB", "NUMBER(19)", "BLOB", "oracle", "h2"),
    POSTGRESQL("TEXT", "BIGINT", "BYTEA", "postgresql", "postgres");

    final String clob;
    final String bigint;
    final String blob;
    final String databaseId;
    /** Camunda's create scripts that build its tables here: {@code activiti.<camundaDialect>.create.*.sql}. */
    final String camundaDialect;

    Db(String clob, String bigint, String blob, String databaseId, String camundaDialect) {
      this.clob = clob;
      this.bigint = bigint;
      this.blob = blob;
      this.databaseId = databaseId;
      this.camundaDialect = camundaDialect;
    }
  }

  /** One migrated database with its MyBatis set-up. */
  record Env(HikariDataSource dataSource, SqlSessionFactory factory, SqlSession session,
             TransactionTemplate transactions, JdbcTemplate jdbc) {

    <T> T mapper(Class<T> type) {
      return session.getMapper(type);
    }
  }

  private static final Map<Db, Env> ENVS = new EnumMap<>(Db.class);

  private static final LocalDateTime T0 = LocalDateTime.of(2025, 3, 14, 9, 30, 15, 123_456_000);

  private static synchronized Env env(Db db) throws Exception {
    Env env = ENVS.get(db);
    if (env == null) {
      env = create(db);
      ENVS.put(db, env);
    }
    return env;
  }

  private static Env create(Db db) throws Exception {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("mapper-test-" + db.name().toLowerCase());
    hikari.setMaximumPoolSize(3);
    switch (db) {
      case H2 -> {
        hikari.setJdbcUrl("jdbc:h2:mem:h2_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        hikari.setUsername("sa");
        hikari.setPassword("");
      }
      case H2_ORACLE_MODE -> {
        hikari.setJdbcUrl("jdbc:h2:mem:oracle_" + UUID.randomUUID() + ";MODE=Oracle;DB_CLOSE_DELAY=-1");
        hikari.setUsername("sa");
        hikari.setPassword("");
      }
      case POSTGRESQL -> {
        TestDatabase.ensureExists();
        hikari.setJdbcUrl(TestDatabase.url());
        hikari.setUsername(TestDatabase.user());
        hikari.setPassword(TestDatabase.password());
      }
    }
    HikariDataSource dataSource = new HikariDataSource(hikari);

    // as in the application: Camunda's tables first (our migrations index them), then Flyway
    createCamundaTables(dataSource, db);
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/" + (db == Db.POSTGRESQL ? "postgresql" : "h2"))
        .placeholders(Map.of("clob", db.clob, "bigint", db.bigint, "blob", db.blob))
        .table("mz_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();

    Configuration configuration = new Configuration();
    configuration.setMapUnderscoreToCamelCase(true);
    configuration.setJdbcTypeForNull(JdbcType.NULL);
    DatabaseIdProvider ids = db == Db.H2_ORACLE_MODE ? ds -> "oracle" : MyBatisConfig.vendorIds();

    SqlSessionFactoryBean bean = new SqlSessionFactoryBean();
    bean.setDataSource(dataSource);
    bean.setConfiguration(configuration);
    bean.setDatabaseIdProvider(ids);
    bean.setMapperLocations(new PathMatchingResourcePatternResolver()
        .getResources("classpath*:cn/minzheng/approvals/**/*Mapper.xml"));
    SqlSessionFactory factory = bean.getObject();

    return new Env(dataSource, factory, new SqlSessionTemplate(factory),
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)), new JdbcTemplate(dataSource));
  }

  /**
   * Camunda's own create scripts of version 7.24 from the engine jar, in the order the engine runs them
   * (DbSqlSession#dbSchemaCreate), when its tables are missing. The PostgreSQL database is shared with
   * the integration tests: whichever comes first creates them, the engine then finds them complete.
   */
  private static void createCamundaTables(DataSource dataSource, Db db) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    try {
      jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
      return;
    } catch (BadSqlGrammarException missing) {
      // no Camunda tables yet
    }
    ResourceDatabasePopulator scripts = new ResourceDatabasePopulator();
    for (String component : List.of("engine", "history", "identity", "case.engine", "case.history",
        "decision.engine", "decision.history")) {
      scripts.addScript(new ClassPathResource(
          "org/camunda/bpm/engine/db/create/activiti." + db.camundaDialect + ".create." + component + ".sql"));
    }
    scripts.execute(dataSource);
  }

  @AfterAll
  static synchronized void closeAll() {
    ENVS.values().forEach(env -> env.dataSource().close());
    ENVS.clear();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Set-up

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void theDialectStatementsOfTheDatabaseAreTheOnesLoaded(Db db) throws Exception {
    Env env = env(db);
    Configuration configuration = env.factory().getConfiguration();

    assertThat(configuration.getDatabaseId()).isEqualTo(db.databaseId);
    assertThat(configuration.isMapUnderscoreToCamelCase()).isTrue();
    assertThat(configuration.getJdbcTypeForNull()).isEqualTo(JdbcType.NULL);
    String createIfAbsent = configuration
        .getMappedStatement("cn.minzheng.approvals.common.CounterMapper.createIfAbsent")
        .getBoundSql("k").getSql();
    switch (db) {
      case H2 -> assertThat(createIfAbsent).contains("USING (VALUES (CAST(").doesNotContain("dual");
      case H2_ORACLE_MODE -> assertThat(createIfAbsent).contains("FROM dual").doesNotContain("VALUES (CAST(");
      case POSTGRESQL -> assertThat(createIfAbsent).contains("ON CONFLICT (counter_key) DO NOTHING");
    }
    // Flyway quotes its own identifiers
    assertThat(env.jdbc().queryForObject(
        "SELECT \"success\" FROM \"mz_schema_history\" WHERE \"version\" = '1'", Boolean.class)).isTrue();
    // V4 indexes Camunda's tables, which exist by then
    assertThat(env.jdbc().queryForObject(
        "SELECT \"success\" FROM \"mz_schema_history\" WHERE \"version\" = '4'", Boolean.class)).isTrue();
  }

  // ---------------------------------------------------------------------------------------------------------
  // RegionMapper

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void regionsAreInsertedAndFound(Db db) throws Exception {
    RegionMapper regions = env(db).mapper(RegionMapper.class);
    String districtCode = regionCode();
    String streetCode = regionCode();

    Region district = region(districtCode, "测试区", Region.DISTRICT, null, true);
    district.setAreaType("urban");
    district.setOrganName("测试区民政局");
    district.setDocPrefix("测民救");
    district.setReviewBody("测试区人民政府");
    district.setCourt("测试区人民法院");
    assertThat(regions.insert(district)).isEqualTo(1);
    assertThat(regions.insert(region(streetCode, "测试街道", Region.STREET, districtCode, false))).isEqualTo(1);

    Region found = regions.findByCode(districtCode);
    assertThat(found.getCode()).isEqualTo(districtCode);
    assertThat(found.getName()).isEqualTo("测试区");
    assertThat(found.getLevel()).isEqualTo(Region.DISTRICT);
    assertThat(found.getParentCode()).isNull();
    assertThat(found.getAreaType()).isEqualTo("urban");
    assertThat(found.getOrganName()).isEqualTo("测试区民政局");
    assertThat(found.getDocPrefix()).isEqualTo("测民救");
    assertThat(found.getReviewBody()).isEqualTo("测试区人民政府");
    assertThat(found.getCourt()).isEqualTo("测试区人民法院");
    assertThat(found.isOfficial()).isTrue();

    Region street = regions.findByCode(streetCode);
    assertThat(street.getName()).isEqualTo("测试街道");
    assertThat(street.getLevel()).isEqualTo(Region.STREET);
    assertThat(street.getParentCode()).isEqualTo(districtCode);
    assertThat(street.getAreaType()).isNull();
    assertThat(street.getOrganName()).isNull();
    assertThat(street.isOfficial()).isFalse();

    assertThat(regions.findByCode(regionCode())).isNull();

    List<Region> all = regions.findAll();
    assertThat(all).extracting(Region::getCode).contains(districtCode, streetCode);
    assertThat(all).extracting(Region::getCode).isSortedAccordingTo(Comparator.naturalOrder());
    assertThat(all).filteredOn(r -> r.getCode().equals(streetCode)).singleElement()
        .extracting(Region::getParentCode).isEqualTo(districtCode);
  }

  // ---------------------------------------------------------------------------------------------------------
  // ApplicationMapper

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void anApplicationIsInsertedWithAGeneratedIdAndReadBack(Db db) throws Exception {
    ApplicationMapper applications = env(db).mapper(ApplicationMapper.class);
    Scope scope = new Scope();

    ApplicationRecord first = application(scope.district, scope.street1, scope.community1, "dibao", "张三丰", T0);
    first.setApplicantPhone("13800000000");
    first.setReason("因病致贫，申请最低生活保障。");
    first.setBankName("中国农业银行");
    first.setBankAccount("6228480000000000000");
    first.setAssetsJson("{\"房产\":\"无\",\"车辆\":[]}");
    first.setDataJson("{\"备注\":\"低保申请\"}");
    applications.insert(first);
    ApplicationRecord second = application(scope.district, scope.street1, null, "tekun", "李四", T0.plusMinutes(1));
    applications.insert(second);

    assertThat(first.getId()).isNotNull().isPositive();
    assertThat(second.getId()).isNotNull().isPositive().isNotEqualTo(first.getId());

    ApplicationRecord found = applications.findById(first.getId());
    assertThat(found.getId()).isEqualTo(first.getId());
    assertThat(found.getNumber()).isEqualTo(first.getNumber());
    assertThat(found.getType()).isEqualTo("dibao");
    assertThat(found.getRegionCode()).isEqualTo(scope.community1);
    assertThat(found.getCommunityCode()).isEqualTo(scope.community1);
    assertThat(found.getStreetCode()).isEqualTo(scope.street1);
    assertThat(found.getDistrictCode()).isEqualTo(scope.district);
    assertThat(found.getStatus()).isEqualTo("open");
    assertThat(found.getStage()).isEqualTo("accept");
    assertThat(found.getApplicantName()).isEqualTo("张三丰");
    assertThat(found.getApplicantIdNumber()).isEqualTo(first.getApplicantIdNumber()).hasSize(18);
    assertThat(found.getApplicantPhone()).isEqualTo("13800000000");
    assertThat(found.getReason()).isEqualTo("因病致贫，申请最低生活保障。");
    assertThat(found.getBankName()).isEqualTo("中国农业银行");
    assertThat(found.getBankAccount()).isEqualTo("6228480000000000000");
    assertThat(found.getAssetsJson()).isEqualTo("{\"房产\":\"无\",\"车辆\":[]}");
    assertThat(found.getDataJson()).isEqualTo("{\"备注\":\"低保申请\"}");
    assertThat(found.getHouseholdSize()).isNull();
    assertThat(found.getHouseholdIncome()).isNull();
    assertThat(found.getPerCapitaIncome()).isNull();
    assertThat(found.getStandardAmount()).isNull();
    assertThat(found.getAmount()).isNull();
    assertThat(found.getProcessInstanceId()).isNull();
    assertThat(found.getCreatedBy()).isEqualTo("clerk1");
    assertThat(found.getCreatedAt()).isEqualTo(T0);
    assertThat(found.getUpdatedAt()).isEqualTo(T0);

    ApplicationRecord withNulls = applications.findById(second.getId());
    assertThat(withNulls.getCommunityCode()).isNull();
    assertThat(withNulls.getRegionCode()).isEqualTo(scope.street1);
    assertThat(withNulls.getApplicantPhone()).isNull();
    assertThat(withNulls.getReason()).isNull();
    assertThat(withNulls.getAssetsJson()).isNull();
    assertThat(withNulls.getDataJson()).isNull();
    assertThat(withNulls.getCreatedAt()).isEqualTo(T0.plusMinutes(1));

    assertThat(applications.findById(Long.MAX_VALUE)).isNull();

    List<ApplicationRecord> byIds = applications.findByIds(List.of(first.getId(), second.getId(), Long.MAX_VALUE));
    assertThat(byIds).extracting(ApplicationRecord::getId).containsExactlyInAnyOrder(first.getId(), second.getId());
    assertThat(byIds).extracting(ApplicationRecord::getApplicantName).containsExactlyInAnyOrder("张三丰", "李四");
    assertThat(applications.findByIds(List.of(second.getId())))
        .singleElement().extracting(ApplicationRecord::getNumber).isEqualTo(second.getNumber());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void membersAndMaterialsRoundTripBooleansAsSmallint(Db db) throws Exception {
    Env env = env(db);
    ApplicationMapper applications = env.mapper(ApplicationMapper.class);
    Scope scope = new Scope();
    ApplicationRecord app = application(scope.district, scope.street1, scope.community1, "dibao", "王五", T0);
    applications.insert(app);

    // inserted out of order: findMembers sorts by seq
    MemberRecord child = member(app.getId(), 2, "王小五", "child", false);
    child.setWorkAbility("none");
    child.setMonthlyIncome(new BigDecimal("0.00"));
    MemberRecord head = member(app.getId(), 1, "王五", "self", true);
    head.setWorkAbility("full");
    head.setDisability("二级肢体");
    head.setMonthlyIncome(new BigDecimal("1234.56"));
    head.setIncomeWage(new BigDecimal("1000.00"));
    head.setIncomeBusiness(new BigDecimal("100.50"));
    head.setIncomeProperty(new BigDecimal("34.06"));
    head.setIncomeTransfer(new BigDecimal("100.00"));
    head.setIncomeOther(new BigDecimal("0.00"));
    applications.insertMember(child);
    applications.insertMember(head);
    assertThat(child.getId()).isNotNull().isPositive();
    assertThat(head.getId()).isNotNull().isPositive().isNotEqualTo(child.getId());

    MaterialRecord idCard = material(app.getId(), "id_card", "身份证复印件", true);
    MaterialRecord income = material(app.getId(), "income_proof", null, false);
    applications.insertMaterial(idCard);
    applications.insertMaterial(income);
    assertThat(idCard.getId()).isNotNull().isPositive();
    assertThat(income.getId()).isNotNull().isGreaterThan(idCard.getId());

    List<MemberRecord> members = applications.findMembers(app.getId());
    assertThat(members).extracting(MemberRecord::getSeq).containsExactly(1, 2);
    MemberRecord m1 = members.get(0);
    assertThat(m1.getId()).isEqualTo(head.getId());
    assertThat(m1.getApplicationId()).isEqualTo(app.getId());
    assertThat(m1.getName()).isEqualTo("王五");
    assertThat(m1.getIdNumber()).isEqualTo(head.getIdNumber());
    assertThat(m1.getRelation()).isEqualTo("self");
    assertThat(m1.isCoResident()).isTrue();
    assertThat(m1.getWorkAbility()).isEqualTo("full");
    assertThat(m1.getDisability()).isEqualTo("二级肢体");
    assertThat(m1.getMonthlyIncome()).isEqualByComparingTo("1234.56");
    assertThat(m1.getIncomeWage()).isEqualByComparingTo("1000.00");
    assertThat(m1.getIncomeBusiness()).isEqualByComparingTo("100.50");
    assertThat(m1.getIncomeProperty()).isEqualByComparingTo("34.06");
    assertThat(m1.getIncomeTransfer()).isEqualByComparingTo("100");
    assertThat(m1.getIncomeOther()).isEqualByComparingTo("0");
    MemberRecord m2 = members.get(1);
    assertThat(m2.getId()).isEqualTo(child.getId());
    assertThat(m2.getName()).isEqualTo("王小五");
    assertThat(m2.isCoResident()).isFalse();
    assertThat(m2.getDisability()).isNull();
    assertThat(m2.getMonthlyIncome()).isEqualByComparingTo("0");
    assertThat(m2.getIncomeWage()).isNull();
    assertThat(m2.getIncomeOther()).isNull();

    List<MaterialRecord> materials = applications.findMaterials(app.getId());
    assertThat(materials).extracting(MaterialRecord::getId).containsExactly(idCard.getId(), income.getId());
    assertThat(materials).extracting(MaterialRecord::getKind).containsExactly("id_card", "income_proof");
    assertThat(materials).extracting(MaterialRecord::getDescription).containsExactly("身份证复印件", null);
    assertThat(materials).extracting(MaterialRecord::isProvided).containsExactly(true, false);
    assertThat(materials).extracting(MaterialRecord::getApplicationId).containsOnly(app.getId());

    // the columns really hold SMALLINT 1/0
    assertThat(env.jdbc().queryForList(
        "SELECT co_resident FROM mz_member WHERE application_id = ? ORDER BY seq", Integer.class, app.getId()))
        .containsExactly(1, 0);
    assertThat(env.jdbc().queryForList(
        "SELECT provided FROM mz_material WHERE application_id = ? ORDER BY id", Integer.class, app.getId()))
        .containsExactly(1, 0);

    assertThat(applications.findMembers(Long.MAX_VALUE)).isEmpty();
    assertThat(applications.findMaterials(Long.MAX_VALUE)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void searchAndCountFollowScopeFiltersOrderAndPaging(Db db) throws Exception {
    ApplicationMapper applications = env(db).mapper(ApplicationMapper.class);
    Scope scope = new Scope();
    Scope other = new Scope();

    // a: community1 (street1), dibao, open/accept, oldest
    ApplicationRecord a = application(scope.district, scope.street1, scope.community1, "dibao", "张三", T0);
    // b: community1 (street1), tekun, open/review
    ApplicationRecord b = application(scope.district, scope.street1, scope.community1, "tekun", "张小三", T0.plusHours(1));
    b.setStage("review");
    // c: street1 without community, dibao, closed/done
    ApplicationRecord c = application(scope.district, scope.street1, null, "dibao", "李四", T0.plusHours(2));
    c.setStatus("closed");
    c.setStage("done");
    // d and e: community2 (street2), same created_at: the id breaks the tie (higher id first)
    ApplicationRecord d = application(scope.district, scope.street2, scope.community2, "dibao", "王五", T0.plusHours(3));
    ApplicationRecord e = application(scope.district, scope.street2, scope.community2, "dibao", "赵六", T0.plusHours(3));
    e.setStage("review");
    // another district's application: never seen through this scope
    ApplicationRecord x = application(other.district, other.street1, other.community1, "dibao", "张三", T0.plusHours(4));
    for (ApplicationRecord r : List.of(a, b, c, d, e, x)) {
      applications.insert(r);
    }
    assertThat(e.getId()).isGreaterThan(d.getId());

    // district: everything of the district, newest first, id DESC on equal created_at
    ApplicationQuery district = query("district", scope.district, null, null, null, null, 0, 100);
    assertThat(ids(applications.search(district))).containsExactly(e.getId(), d.getId(), c.getId(), b.getId(), a.getId());
    assertThat(applications.count(district)).isEqualTo(5L);

    // street
    ApplicationQuery street1 = query("street", scope.street1, null, null, null, null, 0, 100);
    assertThat(ids(applications.search(street1))).containsExactly(c.getId(), b.getId(), a.getId());
    assertThat(applications.count(street1)).isEqualTo(3L);
    ApplicationQuery street2 = query("street", scope.street2, null, null, null, null, 0, 100);
    assertThat(ids(applications.search(street2))).containsExactly(e.getId(), d.getId());
    assertThat(applications.count(street2)).isEqualTo(2L);

    // community (the otherwise branch)
    ApplicationQuery community1 = query("community", scope.community1, null, null, null, null, 0, 100);
    assertThat(ids(applications.search(community1))).containsExactly(b.getId(), a.getId());
    assertThat(applications.count(community1)).isEqualTo(2L);

    // type
    ApplicationQuery dibao = query("district", scope.district, "dibao", null, null, null, 0, 100);
    assertThat(ids(applications.search(dibao))).containsExactly(e.getId(), d.getId(), c.getId(), a.getId());
    assertThat(applications.count(dibao)).isEqualTo(4L);
    ApplicationQuery tekun = query("district", scope.district, "tekun", null, null, null, 0, 100);
    assertThat(ids(applications.search(tekun))).containsExactly(b.getId());
    assertThat(applications.count(tekun)).isEqualTo(1L);

    // status
    ApplicationQuery closed = query("district", scope.district, null, "closed", null, null, 0, 100);
    assertThat(ids(applications.search(closed))).containsExactly(c.getId());
    assertThat(applications.count(closed)).isEqualTo(1L);
    ApplicationQuery open = query("street", scope.street1, null, "open", null, null, 0, 100);
    assertThat(ids(applications.search(open))).containsExactly(b.getId(), a.getId());
    assertThat(applications.count(open)).isEqualTo(2L);

    // stage
    ApplicationQuery review = query("district", scope.district, null, null, "review", null, 0, 100);
    assertThat(ids(applications.search(review))).containsExactly(e.getId(), b.getId());
    assertThat(applications.count(review)).isEqualTo(2L);

    // all filters together
    ApplicationQuery combined = query("community", scope.community2, "dibao", "open", "review", null, 0, 100);
    assertThat(ids(applications.search(combined))).containsExactly(e.getId());
    assertThat(applications.count(combined)).isEqualTo(1L);

    // q: the application number, exactly
    ApplicationQuery byNumber = query("district", scope.district, null, null, null, c.getNumber(), 0, 100);
    assertThat(ids(applications.search(byNumber))).containsExactly(c.getId());
    assertThat(applications.count(byNumber)).isEqualTo(1L);
    ApplicationQuery partOfNumber = query("district", scope.district, null, null, null,
        c.getNumber().substring(0, c.getNumber().length() - 1), 0, 100);
    assertThat(applications.search(partOfNumber)).isEmpty();
    assertThat(applications.count(partOfNumber)).isZero();

    // q: part of the applicant's name (LIKE), still within the scope (x is named 张三 too)
    ApplicationQuery byName = query("district", scope.district, null, null, null, "三", 0, 100);
    assertThat(ids(applications.search(byName))).containsExactly(b.getId(), a.getId());
    assertThat(applications.count(byName)).isEqualTo(2L);
    ApplicationQuery byFullName = query("district", scope.district, null, null, null, "赵六", 0, 100);
    assertThat(ids(applications.search(byFullName))).containsExactly(e.getId());
    ApplicationQuery byNameAndType = query("district", scope.district, "tekun", null, null, "张", 0, 100);
    assertThat(ids(applications.search(byNameAndType))).containsExactly(b.getId());
    assertThat(applications.count(byNameAndType)).isEqualTo(1L);
    ApplicationQuery noOne = query("district", scope.district, null, null, null, "欧阳", 0, 100);
    assertThat(applications.search(noOne)).isEmpty();
    assertThat(applications.count(noOne)).isZero();

    // paging: OFFSET / FETCH NEXT; count ignores the page
    ApplicationQuery page1 = query("district", scope.district, null, null, null, null, 0, 2);
    assertThat(ids(applications.search(page1))).containsExactly(e.getId(), d.getId());
    assertThat(applications.count(page1)).isEqualTo(5L);
    ApplicationQuery page2 = query("district", scope.district, null, null, null, null, 2, 2);
    assertThat(ids(applications.search(page2))).containsExactly(c.getId(), b.getId());
    ApplicationQuery page3 = query("district", scope.district, null, null, null, null, 4, 2);
    assertThat(ids(applications.search(page3))).containsExactly(a.getId());
    ApplicationQuery beyond = query("district", scope.district, null, null, null, null, 10, 2);
    assertThat(applications.search(beyond)).isEmpty();
    assertThat(applications.count(beyond)).isEqualTo(5L);

    // the rows come back whole
    ApplicationRecord first = applications.search(page3).get(0);
    assertThat(first.getNumber()).isEqualTo(a.getNumber());
    assertThat(first.getApplicantName()).isEqualTo("张三");
    assertThat(first.getCreatedAt()).isEqualTo(T0);
    assertThat(first.getCommunityCode()).isEqualTo(scope.community1);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void updatesChangeOnlyTheirColumns(Db db) throws Exception {
    ApplicationMapper applications = env(db).mapper(ApplicationMapper.class);
    Scope scope = new Scope();
    ApplicationRecord app = application(scope.district, scope.street1, scope.community1, "dibao", "孙七", T0);
    applications.insert(app);
    ApplicationRecord untouched = application(scope.district, scope.street1, scope.community1, "dibao", "周八", T0);
    applications.insert(untouched);
    String processInstanceId = UUID.randomUUID().toString();

    assertThat(applications.updateProcessInstance(app.getId(), processInstanceId)).isEqualTo(1);
    ApplicationRecord found = applications.findById(app.getId());
    assertThat(found.getProcessInstanceId()).isEqualTo(processInstanceId);
    assertThat(found.getUpdatedAt()).isEqualTo(T0);

    LocalDateTime t1 = T0.plusDays(1);
    assertThat(applications.updateStage(app.getId(), "street_review", t1)).isEqualTo(1);
    found = applications.findById(app.getId());
    assertThat(found.getStage()).isEqualTo("street_review");
    assertThat(found.getStatus()).isEqualTo("open");
    assertThat(found.getUpdatedAt()).isEqualTo(t1);
    assertThat(found.getCreatedAt()).isEqualTo(T0);

    LocalDateTime t2 = T0.plusDays(2).plusSeconds(7);
    assertThat(applications.updateAmount(app.getId(), 3, new BigDecimal("1800.00"), new BigDecimal("600.00"),
        new BigDecimal("850.00"), new BigDecimal("750.00"), t2)).isEqualTo(1);
    found = applications.findById(app.getId());
    assertThat(found.getHouseholdSize()).isEqualTo(3);
    assertThat(found.getHouseholdIncome()).isEqualByComparingTo("1800.00");
    assertThat(found.getPerCapitaIncome()).isEqualByComparingTo("600.00");
    assertThat(found.getStandardAmount()).isEqualByComparingTo("850.00");
    assertThat(found.getAmount()).isEqualByComparingTo("750.00");
    assertThat(found.getUpdatedAt()).isEqualTo(t2);
    assertThat(found.getStage()).isEqualTo("street_review");

    LocalDateTime t3 = T0.plusDays(3);
    assertThat(applications.updateStatus(app.getId(), "approved", t3)).isEqualTo(1);
    found = applications.findById(app.getId());
    assertThat(found.getStatus()).isEqualTo("approved");
    assertThat(found.getStage()).isEqualTo("street_review");
    assertThat(found.getAmount()).isEqualByComparingTo("750.00");
    assertThat(found.getProcessInstanceId()).isEqualTo(processInstanceId);
    assertThat(found.getUpdatedAt()).isEqualTo(t3);

    // no row, no change
    assertThat(applications.updateStage(Long.MAX_VALUE, "x", t3)).isZero();
    assertThat(applications.updateStatus(Long.MAX_VALUE, "x", t3)).isZero();
    assertThat(applications.updateAmount(Long.MAX_VALUE, 1, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
        BigDecimal.ONE, t3)).isZero();
    assertThat(applications.updateProcessInstance(Long.MAX_VALUE, "x")).isZero();

    ApplicationRecord other = applications.findById(untouched.getId());
    assertThat(other.getStage()).isEqualTo("accept");
    assertThat(other.getStatus()).isEqualTo("open");
    assertThat(other.getAmount()).isNull();
    assertThat(other.getProcessInstanceId()).isNull();
    assertThat(other.getUpdatedAt()).isEqualTo(T0);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void aPersonHoldsOneOpenApplicationPerType(Db db) throws Exception {
    ApplicationMapper applications = env(db).mapper(ApplicationMapper.class);
    Scope scope = new Scope();
    ApplicationRecord app = application(scope.district, scope.street1, scope.community1, "dibao", "吴九", T0);
    applications.insert(app);
    ApplicationRecord rival = application(scope.district, scope.street1, scope.community1, "dibao", "吴九", T0);
    applications.insert(rival);
    // a type of its own: the PostgreSQL database is shared and never emptied
    String type = "t" + random(9);
    String otherType = "u" + random(9);
    String person = TestIds.random();
    String spouse = TestIds.random();

    assertThat(applications.findOpenApplicationOfPerson(type, person)).isNull();
    applications.insertOpenPerson(type, person, app.getId());
    applications.insertOpenPerson(type, spouse, app.getId());
    assertThat(applications.findOpenApplicationOfPerson(type, person)).isEqualTo(app.getId());
    assertThat(applications.findOpenApplicationOfPerson(type, spouse)).isEqualTo(app.getId());
    assertThat(applications.findOpenApplicationOfPerson(otherType, person)).isNull();

    // the same person, the same type: the database refuses it
    assertThatThrownBy(() -> applications.insertOpenPerson(type, person, rival.getId()))
        .isInstanceOf(DuplicateKeyException.class)
        .hasRootCauseInstanceOf(SQLException.class)
        .satisfies(ex -> assertThat(((SQLException) rootCause(ex)).getSQLState()).isEqualTo("23505"));
    assertThat(applications.findOpenApplicationOfPerson(type, person)).isEqualTo(app.getId());

    // another type is fine
    applications.insertOpenPerson(otherType, person, rival.getId());
    assertThat(applications.findOpenApplicationOfPerson(otherType, person)).isEqualTo(rival.getId());

    assertThat(applications.deleteOpenPersons(app.getId())).isEqualTo(2);
    assertThat(applications.findOpenApplicationOfPerson(type, person)).isNull();
    assertThat(applications.findOpenApplicationOfPerson(type, spouse)).isNull();
    assertThat(applications.findOpenApplicationOfPerson(otherType, person)).isEqualTo(rival.getId());
    assertThat(applications.deleteOpenPersons(app.getId())).isZero();

    // once closed, the person may apply again
    applications.insertOpenPerson(type, person, rival.getId());
    assertThat(applications.findOpenApplicationOfPerson(type, person)).isEqualTo(rival.getId());
    assertThat(applications.deleteOpenPersons(rival.getId())).isEqualTo(2);
  }

  // ---------------------------------------------------------------------------------------------------------
  // CounterMapper and Counters

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void countersAreCreatedOnceAndIncremented(Db db) throws Exception {
    CounterMapper counters = env(db).mapper(CounterMapper.class);
    String key = "test-" + UUID.randomUUID();
    String other = "test-" + UUID.randomUUID();

    assertThat(counters.increment(key)).isZero();
    counters.createIfAbsent(key);
    assertThat(counters.current(key)).isZero();
    // a second time: no error, no change
    counters.createIfAbsent(key);
    assertThat(counters.current(key)).isZero();

    assertThat(counters.increment(key)).isEqualTo(1);
    assertThat(counters.increment(key)).isEqualTo(1);
    assertThat(counters.current(key)).isEqualTo(2L);

    // createIfAbsent never resets an existing counter
    counters.createIfAbsent(key);
    assertThat(counters.current(key)).isEqualTo(2L);

    counters.createIfAbsent(other);
    assertThat(counters.increment(other)).isEqualTo(1);
    assertThat(counters.current(other)).isEqualTo(1L);
    assertThat(counters.current(key)).isEqualTo(2L);
    assertThat(env(db).jdbc().queryForObject(
        "SELECT COUNT(*) FROM mz_counter WHERE counter_key = ?", Integer.class, key)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void countersNextGivesOneTwoThree(Db db) throws Exception {
    Env env = env(db);
    CounterMapper counters = env.mapper(CounterMapper.class);

    // Counters.next, step by step through the mapper, in one transaction each as in the application
    String key = "test-" + UUID.randomUUID();
    List<Long> numbers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      numbers.add(env.transactions().execute(status -> {
        if (counters.increment(key) == 0) {
          counters.createIfAbsent(key);
          assertThat(counters.increment(key)).isEqualTo(1);
        }
        return counters.current(key);
      }));
    }
    assertThat(numbers).containsExactly(1L, 2L, 3L);

    // and Counters itself
    Counters service = new Counters(counters);
    String docKey = "test-doc-" + UUID.randomUUID();
    List<Long> docNumbers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      docNumbers.add(env.transactions().execute(status -> service.next(docKey)));
    }
    assertThat(docNumbers).containsExactly(1L, 2L, 3L);

    // a rolled-back transaction gives its number back: gap-free
    Long rolledBack = env.transactions().execute(status -> {
      long n = service.next(docKey);
      status.setRollbackOnly();
      return n;
    });
    assertThat(rolledBack).isEqualTo(4L);
    Long afterRollback = env.transactions().execute(status -> service.next(docKey));
    assertThat(afterRollback).isEqualTo(4L);
    assertThat(counters.current(docKey)).isEqualTo(4L);

    // a counter created in a rolled-back transaction is gone too, and starts again at 1
    String lostKey = "test-lost-" + UUID.randomUUID();
    Long lost = env.transactions().execute(status -> {
      long n = service.next(lostKey);
      status.setRollbackOnly();
      return n;
    });
    assertThat(lost).isEqualTo(1L);
    assertThat(env.jdbc().queryForObject(
        "SELECT COUNT(*) FROM mz_counter WHERE counter_key = ?", Integer.class, lostKey)).isZero();
    Long restarted = env.transactions().execute(status -> service.next(lostKey));
    assertThat(restarted).isEqualTo(1L);
  }

  // ---------------------------------------------------------------------------------------------------------
  // NoticeMapper

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void noticesKeepTheirContentAndListWithoutIt(Db db) throws Exception {
    Env env = env(db);
    ApplicationMapper applications = env.mapper(ApplicationMapper.class);
    NoticeMapper notices = env.mapper(NoticeMapper.class);
    Scope scope = new Scope();
    ApplicationRecord app = application(scope.district, scope.street1, scope.community1, "dibao", "郑十", T0);
    applications.insert(app);

    StringBuilder html = new StringBuilder("<html><body><h1>最低生活保障审批决定书</h1>");
    for (int i = 0; i < 400; i++) {
      html.append("<p>经审核，申请人郑十家庭符合最低生活保障条件，现决定给予保障。第").append(i).append("段。</p>");
    }
    html.append("<p>如不服本决定，可自收到之日起六十日内申请行政复议。</p></body></html>");
    String content = html.toString();
    assertThat(content.length()).isGreaterThan(4000); // beyond any VARCHAR2 limit: a real CLOB

    Notice approval = notice(app.getId(), "approval", "测民救〔2025〕" + random(8) + "号", scope.district, content,
        T0.plusDays(5));
    Notice publicity = notice(app.getId(), "publicity", "测民公〔2025〕" + random(8) + "号", scope.district,
        "<p>公示：郑十</p>", T0.plusDays(2));
    notices.insert(approval);
    notices.insert(publicity);
    assertThat(approval.getId()).isNotNull().isPositive();
    assertThat(publicity.getId()).isNotNull().isGreaterThan(approval.getId());

    Notice found = notices.findById(approval.getId());
    assertThat(found.getId()).isEqualTo(approval.getId());
    assertThat(found.getApplicationId()).isEqualTo(app.getId());
    assertThat(found.getKind()).isEqualTo("approval");
    assertThat(found.getDocNumber()).isEqualTo(approval.getDocNumber());
    assertThat(found.getOrganCode()).isEqualTo(scope.district);
    assertThat(found.getContentHtml()).isEqualTo(content);
    assertThat(found.getSha256()).isEqualTo(approval.getSha256()).hasSize(64);
    assertThat(found.getCreatedBy()).isEqualTo("official1");
    assertThat(found.getCreatedAt()).isEqualTo(T0.plusDays(5));
    assertThat(notices.findById(publicity.getId()).getContentHtml()).isEqualTo("<p>公示：郑十</p>");
    assertThat(notices.findById(Long.MAX_VALUE)).isNull();

    List<Notice> list = notices.findByApplication(app.getId());
    assertThat(list).extracting(Notice::getId).containsExactly(approval.getId(), publicity.getId());
    assertThat(list).extracting(Notice::getKind).containsExactly("approval", "publicity");
    assertThat(list).extracting(Notice::getDocNumber).containsExactly(approval.getDocNumber(), publicity.getDocNumber());
    assertThat(list).extracting(Notice::getSha256).containsExactly(approval.getSha256(), publicity.getSha256());
    assertThat(list).extracting(Notice::getCreatedAt).containsExactly(T0.plusDays(5), T0.plusDays(2));
    assertThat(list).extracting(Notice::getContentHtml).containsOnlyNulls();
    assertThat(notices.findByApplication(Long.MAX_VALUE)).isEmpty();

    // a 文号 is issued once
    Notice again = notice(app.getId(), "approval", approval.getDocNumber(), scope.district, "<p>重复</p>", T0);
    assertThatThrownBy(() -> notices.insert(again)).isInstanceOf(DuplicateKeyException.class);
    assertThat(notices.findByApplication(app.getId())).hasSize(2);
  }

  // ---------------------------------------------------------------------------------------------------------
  // TaskInboxMapper (over Camunda's runtime tables, written here as the engine would)

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void inboxHoldsMyTasksAndMyGroupsUnassignedTasksOfMyRegionByDueDate(Db db) throws Exception {
    Env env = env(db);
    TaskInboxMapper inbox = env.mapper(TaskInboxMapper.class);
    Scope scope = new Scope();
    String me = "u" + random(9);
    String someoneElse = "o" + random(9);
    String clerks = scope.street1 + "-clerk";
    String reviewers = scope.street1 + "-reviewer";
    String otherClerks = scope.street2 + "-clerk";
    List<String> myGroups = List.of(clerks, reviewers);
    LocalDateTime base = LocalDateTime.of(2025, 3, 14, 9, 30);
    Tasks tasks = new Tasks(env, scope);

    // visible to me: assigned to me, or unassigned with one of my groups as candidate; all in street1
    String mineEarly = tasks.add("王五", "dibao", "Task_Accept", me, base.plusDays(1), base.plusHours(1));
    String groupDue = tasks.add("李四", "tekun", "Task_Accept", null, base.plusDays(2), base, clerks);
    String mineTie = tasks.add("张三丰", "dibao", "Task_Investigate", me, base.plusDays(3), base.minusHours(1));
    String mineLate = tasks.add("张三", "dibao", "Task_Investigate", me, base.plusDays(3), base, clerks);
    String groupTwice = tasks.add("赵六", "dibao", "Task_StreetReview", null, base.plusDays(4), base, clerks, reviewers);
    String groupNoDue = tasks.add("钱七", "dibao", "Task_StreetReview", null, null, base, reviewers);
    String groupNoDue2 = tasks.add("孙八", "dibao", "Task_Accept", null, null, base.plusMinutes(1), clerks);
    // not mine: claimed by someone else, another group, another street (same name), suspended, a user candidate
    tasks.add("张三", "dibao", "Task_Accept", someoneElse, base, base, clerks);
    tasks.add("张三", "dibao", "Task_Accept", null, base, base, otherClerks);
    String otherStreet = tasks.inRegion(scope.street2, scope.community2)
        .add("张三", "dibao", "Task_Accept", null, base, base, clerks);
    tasks.suspended().add("张三", "dibao", "Task_Accept", null, base, base, clerks);
    tasks.add("张三", "dibao", "Task_Accept", null, base, base);
    tasks.candidateUser(me);

    // all: by due date, none last; equal due dates by creation time
    TaskInboxQuery all = inboxQuery(me, myGroups, true, true, "street", scope.street1, null, null, null, null, 0, 100);
    assertThat(taskIds(inbox.page(all)))
        .containsExactly(mineEarly, groupDue, mineTie, mineLate, groupTwice, groupNoDue, groupNoDue2);
    assertThat(inbox.count(all)).isEqualTo(7L);
    assertThat(inbox.page(all)).extracting(CountedTaskRow::total).containsOnly(7L);

    // mine / group
    TaskInboxQuery mine = inboxQuery(me, myGroups, true, false, "street", scope.street1, null, null, null, null, 0, 100);
    assertThat(taskIds(inbox.page(mine))).containsExactly(mineEarly, mineTie, mineLate);
    assertThat(inbox.count(mine)).isEqualTo(3L);
    TaskInboxQuery group = inboxQuery(me, myGroups, false, true, "street", scope.street1, null, null, null, null, 0, 100);
    assertThat(taskIds(inbox.page(group))).containsExactly(groupDue, groupTwice, groupNoDue, groupNoDue2);
    assertThat(inbox.count(group)).isEqualTo(4L);
    TaskInboxQuery onlyClerks = inboxQuery(me, List.of(clerks), false, true, "street", scope.street1, null, null, null,
        null, 0, 100);
    assertThat(taskIds(inbox.page(onlyClerks))).containsExactly(groupDue, groupTwice, groupNoDue2);

    // type, stage, overdue (due strictly before), q as number or part of the name
    assertThat(taskIds(inbox.page(inboxQuery(me, myGroups, true, true, "street", scope.street1, "tekun", null, null,
        null, 0, 100)))).containsExactly(groupDue);
    TaskInboxQuery accept = inboxQuery(me, myGroups, true, true, "street", scope.street1, null, "Task_Accept", null,
        null, 0, 100);
    assertThat(taskIds(inbox.page(accept))).containsExactly(mineEarly, groupDue, groupNoDue2);
    assertThat(inbox.count(accept)).isEqualTo(3L);
    TaskInboxQuery overdue = inboxQuery(me, myGroups, true, true, "street", scope.street1, null, null,
        Timestamp.valueOf(base.plusDays(3)), null, 0, 100);
    assertThat(taskIds(inbox.page(overdue))).containsExactly(mineEarly, groupDue);
    assertThat(inbox.count(overdue)).isEqualTo(2L);
    assertThat(inbox.page(overdue)).extracting(CountedTaskRow::total).containsOnly(2L);
    TaskInboxQuery byNumber = inboxQuery(me, myGroups, true, true, "street", scope.street1, null, null, null,
        tasks.numberOf(groupTwice), 0, 100);
    assertThat(taskIds(inbox.page(byNumber))).containsExactly(groupTwice);
    assertThat(inbox.count(byNumber)).isEqualTo(1L);
    TaskInboxQuery byName = inboxQuery(me, myGroups, true, true, "street", scope.street1, null, null, null, "张三", 0, 100);
    assertThat(taskIds(inbox.page(byName))).containsExactly(mineTie, mineLate);
    assertThat(inbox.count(byName)).isEqualTo(2L);
    TaskInboxQuery combined = inboxQuery(me, myGroups, false, true, "street", scope.street1, "dibao", "Task_Accept",
        null, "孙", 0, 100);
    assertThat(taskIds(inbox.page(combined))).containsExactly(groupNoDue2);

    // paging; the count ignores it
    TaskInboxQuery page2 = inboxQuery(me, myGroups, true, true, "street", scope.street1, null, null, null, null, 2, 2);
    assertThat(taskIds(inbox.page(page2))).containsExactly(mineTie, mineLate);
    assertThat(inbox.count(page2)).isEqualTo(7L);
    // every row carries the total of all pages
    assertThat(inbox.page(page2)).extracting(CountedTaskRow::total).containsExactly(7L, 7L);
    TaskInboxQuery last = inboxQuery(me, myGroups, true, true, "street", scope.street1, null, null, null, null, 6, 2);
    assertThat(taskIds(inbox.page(last))).containsExactly(groupNoDue2);
    TaskInboxQuery beyond = inboxQuery(me, myGroups, true, true, "street", scope.street1, null, null, null, null, 10, 2);
    assertThat(inbox.page(beyond)).isEmpty();
    assertThat(inbox.count(beyond)).isEqualTo(7L);

    // the region column follows the level; an unknown level sees nothing
    assertThat(inbox.count(inboxQuery(me, myGroups, true, true, "community", scope.community1, null, null, null, null,
        0, 100))).isEqualTo(7L);
    assertThat(taskIds(inbox.page(inboxQuery(me, myGroups, true, true, "community", scope.community2, null, null, null,
        null, 0, 100)))).containsExactly(otherStreet);
    assertThat(inbox.count(inboxQuery(me, myGroups, true, true, "district", scope.district, null, null, null, null,
        0, 100))).isEqualTo(8L);
    assertThat(inbox.count(inboxQuery(me, myGroups, true, true, "city", scope.district, null, null, null, null,
        0, 100))).isZero();

    // the row carries the task and its application
    TaskRow row = inbox.page(inboxQuery(me, myGroups, false, true, "street", scope.street1, "tekun", null, null, null,
        0, 1)).get(0).row();
    assertThat(row.taskId()).isEqualTo(groupDue);
    assertThat(row.name()).isEqualTo("name of " + groupDue);
    assertThat(row.taskKey()).isEqualTo("Task_Accept");
    assertThat(row.processInstanceId()).isEqualTo(tasks.processInstanceOf(groupDue));
    assertThat(row.applicationId()).isEqualTo(tasks.applicationOf(groupDue).getId());
    assertThat(row.applicationNumber()).isEqualTo(tasks.numberOf(groupDue));
    assertThat(row.type()).isEqualTo("tekun");
    assertThat(row.applicantName()).isEqualTo("李四");
    assertThat(row.assignee()).isNull();
    assertThat(row.due()).hasSameTimeAs(Timestamp.valueOf(base.plusDays(2)));
    assertThat(row.created()).hasSameTimeAs(Timestamp.valueOf(base));
    assertThat(inbox.page(mine).get(0).row().assignee()).isEqualTo(me);
    assertThat(inbox.page(group)).extracting(r -> r.row().due()).last().isNull();
  }

  private static TaskInboxQuery inboxQuery(String userId, List<String> groups, boolean mine, boolean group,
                                           String level, String code, String type, String stage, Date dueBefore,
                                           String q, int offset, int limit) {
    return new TaskInboxQuery(userId, groups, mine, group, level, code, type, null, stage, dueBefore, q, offset, limit);
  }

  private static List<String> taskIds(List<CountedTaskRow> rows) {
    return rows.stream().map(r -> r.row().taskId()).toList();
  }

  /**
   * Open tasks written into Camunda's runtime tables as the engine leaves them (process instance
   * execution, task, candidate links), each with an application of its own in mz_application.
   */
  private static final class Tasks {
    private final Env env;
    private final Scope scope;
    private final Map<String, ApplicationRecord> applications = new java.util.HashMap<>();
    private String street;
    private String community;
    private int suspensionState = 1;
    private String last;

    Tasks(Env env, Scope scope) {
      this.env = env;
      this.scope = scope;
      this.street = scope.street1;
      this.community = scope.community1;
    }

    /** The next task only: in another street and community. */
    Tasks inRegion(String street, String community) {
      this.street = street;
      this.community = community;
      return this;
    }

    /** The next task only: suspended. */
    Tasks suspended() {
      suspensionState = 2;
      return this;
    }

    String add(String applicant, String type, String taskKey, String assignee, LocalDateTime due,
               LocalDateTime created, String... candidateGroups) {
      ApplicationMapper mapper = env.mapper(ApplicationMapper.class);
      ApplicationRecord application = application(scope.district, street, community, type, applicant, T0);
      mapper.insert(application);
      String processInstanceId = "pi-" + UUID.randomUUID();
      String taskId = "task-" + UUID.randomUUID();
      mapper.updateProcessInstance(application.getId(), processInstanceId);
      application.setProcessInstanceId(processInstanceId);
      env.jdbc().update("INSERT INTO ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, PROC_INST_ID_, BUSINESS_KEY_,"
              + " SUSPENSION_STATE_) VALUES (?, 1, ?, ?, ?, ?)",
          processInstanceId, processInstanceId, processInstanceId, String.valueOf(application.getId()), suspensionState);
      env.jdbc().update("INSERT INTO ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, NAME_, TASK_DEF_KEY_,"
              + " ASSIGNEE_, PRIORITY_, CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_) VALUES (?, 1, ?, ?, ?, ?, ?, 50, ?, ?, ?)",
          new Object[] {taskId, processInstanceId, processInstanceId, "name of " + taskId, taskKey, assignee,
              Timestamp.valueOf(created), due == null ? null : Timestamp.valueOf(due), suspensionState},
          new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
              Types.TIMESTAMP, Types.TIMESTAMP, Types.INTEGER});
      for (String group : candidateGroups) {
        link(taskId, group, null);
      }
      applications.put(taskId, application);
      street = scope.street1;
      community = scope.community1;
      suspensionState = 1;
      last = taskId;
      return taskId;
    }

    /** The task added last gets the user as candidate (not a group). */
    void candidateUser(String userId) {
      link(last, null, userId);
    }

    private void link(String taskId, String groupId, String userId) {
      env.jdbc().update("INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, USER_ID_, TASK_ID_)"
              + " VALUES (?, 1, ?, 'candidate', ?, ?)",
          new Object[] {"link-" + UUID.randomUUID(), groupId, userId, taskId},
          new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
    }

    ApplicationRecord applicationOf(String taskId) {
      return applications.get(taskId);
    }

    String numberOf(String taskId) {
      return applications.get(taskId).getNumber();
    }

    String processInstanceOf(String taskId) {
      return applications.get(taskId).getProcessInstanceId();
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // CaseEventMapper

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void caseEventsComeBackInTheOrderTheyHappened(Db db) throws Exception {
    Env env = env(db);
    ApplicationMapper applications = env.mapper(ApplicationMapper.class);
    CaseEventMapper events = env.mapper(CaseEventMapper.class);
    Scope scope = new Scope();
    ApplicationRecord app = application(scope.district, scope.street1, scope.community1, "dibao", "钱十一", T0);
    applications.insert(app);
    ApplicationRecord other = application(scope.district, scope.street1, scope.community1, "dibao", "钱十二", T0);
    applications.insert(other);

    CaseEvent submitted = event(app.getId(), null, null, "clerk1", null, "submitted", null, null, T0);
    CaseEvent reviewed = event(app.getId(), "street_review", "Task_StreetReview", "street1", "街道审核员",
        "approved", "材料齐全，情况属实，同意。", "{\"核查\":\"入户\",\"人数\":3}", T0.plusHours(3));
    // same timestamp as the one before: the order is the insertion order (id)
    CaseEvent noted = event(app.getId(), "street_review", "Task_StreetReview", "street1", "街道审核员",
        "note", "补充说明", null, T0.plusHours(3));
    CaseEvent foreign = event(other.getId(), null, null, "clerk2", null, "submitted", null, null, T0);
    for (CaseEvent ev : List.of(submitted, reviewed, noted, foreign)) {
      events.insert(ev);
      assertThat(ev.getId()).isNotNull().isPositive();
    }

    List<CaseEvent> history = events.findByApplication(app.getId());
    assertThat(history).extracting(CaseEvent::getId).containsExactly(submitted.getId(), reviewed.getId(), noted.getId());
    assertThat(history).extracting(CaseEvent::getAction).containsExactly("submitted", "approved", "note");
    assertThat(history).extracting(CaseEvent::getApplicationId).containsOnly(app.getId());

    CaseEvent first = history.get(0);
    assertThat(first.getStage()).isNull();
    assertThat(first.getTaskKey()).isNull();
    assertThat(first.getActor()).isEqualTo("clerk1");
    assertThat(first.getActorName()).isNull();
    assertThat(first.getOpinion()).isNull();
    assertThat(first.getDetailJson()).isNull();
    assertThat(first.getCreatedAt()).isEqualTo(T0);

    CaseEvent second = history.get(1);
    assertThat(second.getStage()).isEqualTo("street_review");
    assertThat(second.getTaskKey()).isEqualTo("Task_StreetReview");
    assertThat(second.getActor()).isEqualTo("street1");
    assertThat(second.getActorName()).isEqualTo("街道审核员");
    assertThat(second.getOpinion()).isEqualTo("材料齐全，情况属实，同意。");
    assertThat(second.getDetailJson()).isEqualTo("{\"核查\":\"入户\",\"人数\":3}");
    assertThat(second.getCreatedAt()).isEqualTo(T0.plusHours(3));

    assertThat(events.findByApplication(other.getId()))
        .singleElement().extracting(CaseEvent::getActor).isEqualTo("clerk2");
    assertThat(events.findByApplication(Long.MAX_VALUE)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------
  // AuditCaseMapper (auditors' search)

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void auditorsFindCasesByPersonRegionActorAndDate(Db db) throws Exception {
    Env env = env(db);
    ApplicationMapper applications = env.mapper(ApplicationMapper.class);
    CaseEventMapper events = env.mapper(CaseEventMapper.class);
    AuditCaseMapper audit = env.mapper(AuditCaseMapper.class);
    Scope scope = new Scope();
    ApplicationRecord first = application(scope.district, scope.street1, scope.community1, "dibao", "孙一", T0);
    applications.insert(first);
    MemberRecord spouse = member(first.getId(), 1, "孙二", "spouse", true);
    spouse.setMonthlyIncome(java.math.BigDecimal.ZERO);
    applications.insertMember(spouse);
    ApplicationRecord second = application(scope.district, scope.street2, scope.community2, "tekun", "周三",
        T0.plusDays(2));
    applications.insert(second);
    events.insert(event(second.getId(), null, null, "jjl-clerk", null, "submit", null, null, T0.plusDays(2)));

    assertThat(ids(audit.search(search(scope, null, null, null, null, null, null, 0, 10))))
        .containsExactly(second.getId(), first.getId());
    assertThat(audit.count(search(scope, null, null, null, null, null, null, 0, 10))).isEqualTo(2);
    assertThat(ids(audit.search(search(scope, null, null, null, null, null, null, 1, 10)))).containsExactly(first.getId());
    assertThat(ids(audit.search(search(scope, spouse.getIdNumber(), null, null, null, null, null, 0, 10))))
        .containsExactly(first.getId());
    assertThat(ids(audit.search(search(scope, first.getApplicantIdNumber(), null, null, null, null, null, 0, 10))))
        .containsExactly(first.getId());
    assertThat(ids(audit.search(search(scope, null, scope.street2, null, null, null, null, 0, 10))))
        .containsExactly(second.getId());
    assertThat(ids(audit.search(search(scope, null, null, "tekun", null, null, null, 0, 10))))
        .containsExactly(second.getId());
    assertThat(ids(audit.search(search(scope, null, null, null, "jjl-clerk", null, null, 0, 10))))
        .containsExactly(second.getId());
    assertThat(ids(audit.search(search(scope, null, null, null, null, T0.plusDays(1), null, 0, 10))))
        .containsExactly(second.getId());
    assertThat(ids(audit.search(search(scope, null, null, null, null, null, T0.plusDays(1), 0, 10))))
        .containsExactly(first.getId());
    assertThat(audit.count(search(scope, TestIds.random(), null, null, null, null, null, 0, 10))).isZero();
  }

  private static CaseSearch search(Scope scope, String idNumber, String regionCode, String type, String actor,
                                   LocalDateTime from, LocalDateTime until, int offset, int limit) {
    return new CaseSearch("district", scope.district, idNumber, regionCode, type, null, actor, from, until, null,
        offset, limit);
  }

  // ---------------------------------------------------------------------------------------------------------
  // MaterialFileMapper

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void materialFilesKeepEveryByteAndListWithoutThem(Db db) throws Exception {
    Env env = env(db);
    ApplicationMapper applications = env.mapper(ApplicationMapper.class);
    MaterialFileMapper materials = env.mapper(MaterialFileMapper.class);
    Scope scope = new Scope();
    ApplicationRecord app = application(scope.district, scope.street1, scope.community1, "dibao", "孙十三", T0);
    applications.insert(app);
    ApplicationRecord other = application(scope.district, scope.street1, scope.community1, "dibao", "孙十四", T0);
    applications.insert(other);

    // every byte value, and a scan of the largest size allowed (far beyond Oracle's 32 KB direct binding)
    byte[] small = new byte[512];
    for (int i = 0; i < small.length; i++) {
      small[i] = (byte) i;
    }
    byte[] large = new byte[20 * 1024 * 1024];
    ThreadLocalRandom.current().nextBytes(large);
    MaterialFile pdf = materialFile(app.getId(), "id_card", "身份证（正反面）.pdf", "application/pdf", small, T0);
    MaterialFile png = materialFile(app.getId(), "hukou", "户口簿.png", "image/png", large, T0.plusMinutes(1));
    MaterialFile foreign = materialFile(other.getId(), "other", "x.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8,
        (byte) 0xFF}, T0);
    for (MaterialFile m : List.of(pdf, png, foreign)) {
      materials.insert(m);
      assertThat(m.getId()).isNotNull().isPositive();
    }

    MaterialFile found = materials.findById(png.getId());
    assertThat(found.getId()).isEqualTo(png.getId());
    assertThat(found.getApplicationId()).isEqualTo(app.getId());
    assertThat(found.getKind()).isEqualTo("hukou");
    assertThat(found.getFilename()).isEqualTo("户口簿.png");
    assertThat(found.getContentType()).isEqualTo("image/png");
    assertThat(found.getSizeBytes()).isEqualTo(large.length);
    assertThat(found.getSha256()).isEqualTo(png.getSha256()).hasSize(64);
    assertThat(found.getUploadedBy()).isEqualTo("clerk1");
    assertThat(found.getUploadedAt()).isEqualTo(T0.plusMinutes(1));
    assertThat(found.getContent()).isNull();
    assertThat(materials.findById(Long.MAX_VALUE)).isNull();

    MaterialFile withContent = materials.findWithContent(png.getId());
    assertThat(withContent.getContent()).isEqualTo(large);
    assertThat(withContent.getSha256()).isEqualTo(png.getSha256());
    assertThat(withContent.getFilename()).isEqualTo("户口簿.png");
    assertThat(materials.findWithContent(pdf.getId()).getContent()).isEqualTo(small);
    assertThat(materials.findWithContent(Long.MAX_VALUE)).isNull();

    List<MaterialFile> list = materials.findByApplication(app.getId());
    assertThat(list).extracting(MaterialFile::getId).containsExactly(pdf.getId(), png.getId());
    assertThat(list).extracting(MaterialFile::getFilename).containsExactly("身份证（正反面）.pdf", "户口簿.png");
    assertThat(list).extracting(MaterialFile::getSizeBytes).containsExactly((long) small.length, (long) large.length);
    assertThat(list).extracting(MaterialFile::getContent).containsOnlyNulls();
    assertThat(materials.findByApplication(other.getId())).singleElement()
        .extracting(MaterialFile::getId).isEqualTo(foreign.getId());
    assertThat(materials.findByApplication(Long.MAX_VALUE)).isEmpty();
    // the lists do not even read the column
    for (String statement : List.of("findByApplication", "findById")) {
      assertThat(env.factory().getConfiguration()
          .getMappedStatement("cn.minzheng.approvals.material.MaterialFileMapper." + statement)
          .getBoundSql(1L).getSql()).doesNotContainPattern("\\bcontent\\b");
    }

    // a material belongs to an application that exists
    MaterialFile orphan = materialFile(Long.MAX_VALUE, "other", "x.pdf", "application/pdf", small, T0);
    assertThatThrownBy(() -> materials.insert(orphan)).isInstanceOf(DataIntegrityViolationException.class);
    assertThat(env.jdbc().queryForObject(
        "SELECT \"success\" FROM \"mz_schema_history\" WHERE \"version\" = '3'", Boolean.class)).isTrue();
  }

  // ---------------------------------------------------------------------------------------------------------
  // LedgerMapper

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void ledgerRowsAreChainedUnderTheHeadLockFoundInPagesAndNeverChanged(Db db) throws Exception {
    Env env = env(db);
    LedgerMapper ledger = env.mapper(LedgerMapper.class);
    String action = "dialect_" + UUID.randomUUID().toString().substring(0, 8);
    LocalDateTime at = T0.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    // appended as Ledger does: under the head's row lock, chained, the head moved on (the PostgreSQL chain stays intact)
    long first = env.transactions().execute(status -> {
      LedgerMapper.LedgerHead head = ledger.lockHead();
      String prev = head.lastHash();
      long seq = head.lastSeq();
      List<LedgerEntry> entries = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        LedgerEntry e = new LedgerEntry();
        e.setSeq(++seq);
        e.setAt(at.plusSeconds(i));
        e.setActor("tester");
        e.setAction(action);
        e.setTarget("dialect:test");
        e.setDetail(i == 1 ? null : "{\"i\":" + i + ",\"text\":\"中文\"}");
        e.setClient(i == 2 ? null : "127.0.0.1");
        e.setPrevHash(prev);
        e.setHash(LedgerHash.of(e));
        entries.add(e);
        prev = e.getHash();
      }
      ledger.insertAll(entries);
      ledger.updateHead(seq, prev);
      return head.lastSeq() + 1;
    });

    LedgerFilter mine = new LedgerFilter(null, null, action, null, null, null);
    List<LedgerEntry> rows = ledger.scan(mine, first - 1, null, 10);
    assertThat(rows).extracting(LedgerEntry::getSeq).containsExactly(first, first + 1, first + 2);
    assertThat(rows.get(0).getAt()).isEqualTo(at);
    assertThat(rows.get(0).getDetail()).isEqualTo("{\"i\":0,\"text\":\"中文\"}");
    assertThat(rows.get(1).getDetail()).isNull();
    assertThat(rows.get(2).getClient()).isNull();
    assertThat(rows).allSatisfy(r -> assertThat(LedgerHash.of(r)).isEqualTo(r.getHash()));
    assertThat(rows.get(2).getPrevHash()).isEqualTo(rows.get(1).getHash());
    assertThat(ledger.head().lastSeq()).isGreaterThanOrEqualTo(first + 2);
    assertThat(ledger.scan(mine, first - 1, first + 1, 10)).hasSize(2);
    assertThat(ledger.scan(mine, first, null, 1)).extracting(LedgerEntry::getSeq).containsExactly(first + 1);

    // newest first, paged; counted; by time window; the person filter's subquery runs
    assertThat(ledger.search(mine, 1, 1)).extracting(LedgerEntry::getSeq).containsExactly(first + 1);
    assertThat(ledger.count(mine)).isEqualTo(3);
    assertThat(ledger.count(new LedgerFilter(null, "tester", action, at.plusSeconds(1), at.plusSeconds(2), null))).isEqualTo(1);
    assertThat(ledger.count(new LedgerFilter(null, null, action, null, null, TestIds.random()))).isZero();

    // the guard trigger of db/vendor/<vendor>/R__ledger_guard.sql
    assertThatThrownBy(() -> env.jdbc().update("UPDATE mz_ledger SET actor = 'mallory' WHERE seq = ?", first))
        .rootCause().hasMessageContaining("append-only");
    assertThatThrownBy(() -> env.jdbc().update("DELETE FROM mz_ledger WHERE seq = ?", first))
        .rootCause().hasMessageContaining("append-only");
    assertThat(ledger.scan(mine, first - 1, null, 10)).hasSize(3);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Helpers

  /** A district with two streets and a community in each, all with fresh codes. */
  private static final class Scope {
    final String district = regionCode();
    final String street1 = regionCode();
    final String street2 = regionCode();
    final String community1 = regionCode();
    final String community2 = regionCode();
  }

  /** 12 digits starting with 9: not used by the demo data, fresh on every call. */
  private static String regionCode() {
    return "9" + random(11);
  }

  private static String random(int digits) {
    StringBuilder s = new StringBuilder(digits);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < digits; i++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
    return s.toString();
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static List<Long> ids(List<ApplicationRecord> records) {
    return records.stream().map(ApplicationRecord::getId).toList();
  }

  private static ApplicationQuery query(String level, String code, String type, String status, String stage, String q,
                                        int offset, int limit) {
    return new ApplicationQuery(level, code, type, status, stage, q, offset, limit);
  }

  private static Region region(String code, String name, String level, String parentCode, boolean official) {
    Region region = new Region();
    region.setCode(code);
    region.setName(name);
    region.setLevel(level);
    region.setParentCode(parentCode);
    region.setOfficial(official);
    return region;
  }

  private static ApplicationRecord application(String district, String street, String community, String type,
                                               String name, LocalDateTime createdAt) {
    ApplicationRecord r = new ApplicationRecord();
    r.setNumber("T" + createdAt.getYear() + "-" + random(20));
    r.setType(type);
    r.setRegionCode(community != null ? community : street);
    r.setCommunityCode(community);
    r.setStreetCode(street);
    r.setDistrictCode(district);
    r.setStatus("open");
    r.setStage("accept");
    r.setApplicantName(name);
    r.setApplicantIdNumber(TestIds.random());
    r.setCreatedBy("clerk1");
    r.setCreatedAt(createdAt);
    r.setUpdatedAt(createdAt);
    return r;
  }

  private static MemberRecord member(long applicationId, int seq, String name, String relation, boolean coResident) {
    MemberRecord m = new MemberRecord();
    m.setApplicationId(applicationId);
    m.setSeq(seq);
    m.setName(name);
    m.setIdNumber(TestIds.random());
    m.setRelation(relation);
    m.setCoResident(coResident);
    return m;
  }

  private static MaterialRecord material(long applicationId, String kind, String description, boolean provided) {
    MaterialRecord m = new MaterialRecord();
    m.setApplicationId(applicationId);
    m.setKind(kind);
    m.setDescription(description);
    m.setProvided(provided);
    return m;
  }

  private static Notice notice(long applicationId, String kind, String docNumber, String organCode, String content,
                               LocalDateTime createdAt) throws Exception {
    Notice n = new Notice();
    n.setApplicationId(applicationId);
    n.setKind(kind);
    n.setDocNumber(docNumber);
    n.setOrganCode(organCode);
    n.setContentHtml(content);
    n.setSha256(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    n.setCreatedBy("official1");
    n.setCreatedAt(createdAt);
    return n;
  }

  private static MaterialFile materialFile(long applicationId, String kind, String filename, String contentType,
                                           byte[] content, LocalDateTime uploadedAt) throws Exception {
    MaterialFile m = new MaterialFile();
    m.setApplicationId(applicationId);
    m.setKind(kind);
    m.setFilename(filename);
    m.setContentType(contentType);
    m.setSizeBytes(content.length);
    m.setSha256(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content)));
    m.setContent(content);
    m.setUploadedBy("clerk1");
    m.setUploadedAt(uploadedAt);
    return m;
  }

  private static CaseEvent event(long applicationId, String stage, String taskKey, String actor, String actorName,
                                 String action, String opinion, String detailJson, LocalDateTime createdAt) {
    CaseEvent e = new CaseEvent();
    e.setApplicationId(applicationId);
    e.setStage(stage);
    e.setTaskKey(taskKey);
    e.setActor(actor);
    e.setActorName(actorName);
    e.setAction(action);
    e.setOpinion(opinion);
    e.setDetailJson(detailJson);
    e.setCreatedAt(createdAt);
    return e;
  }

  // ---------------------------------------------------------------------------------------------------------
  // DashboardMapper, PublicNoticeMapper (board)

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void dashboardFiguresCountWithinTheScope(Db db) throws Exception {
    Env env = env(db);
    ApplicationMapper applications = env.mapper(ApplicationMapper.class);
    cn.minzheng.approvals.dashboard.DashboardMapper figures = env.mapper(cn.minzheng.approvals.dashboard.DashboardMapper.class);
    Scope scope = new Scope();
    ApplicationRecord open = application(scope.district, scope.street1, scope.community1, "dibao", "周一", T0);
    ApplicationRecord approved = application(scope.district, scope.street1, scope.community1, "dibao", "周二", T0);
    ApplicationRecord tekun = application(scope.district, scope.street2, scope.community2, "tekun", "周三", T0);
    ApplicationRecord elsewhere = application(regionCode(), regionCode(), null, "dibao", "周四", T0);
    for (ApplicationRecord a : List.of(open, approved, tekun, elsewhere)) {
      applications.insert(a);
    }
    String pi = "pi-" + random(12);
    String tekunPi = "pi-" + random(12);
    env.jdbc().update("UPDATE mz_application SET status = 'in_progress', stage = 'Task_Investigate', procedure_due = ? WHERE id = ?",
        java.sql.Date.valueOf(T0.toLocalDate().minusDays(1)), open.getId());
    env.jdbc().update("UPDATE mz_application SET status = 'approved', household_size = 2, amount = 1160.00, "
        + "process_instance_id = ? WHERE id = ?", pi, approved.getId());
    env.jdbc().update("UPDATE mz_application SET status = 'approved', process_instance_id = ?, data_json = ? WHERE id = ?",
        tekunPi, "{\"careMode\":\"institution\"}", tekun.getId());
    env.jdbc().update("UPDATE mz_application SET status = 'in_progress', procedure_due = ? WHERE id = ?",
        java.sql.Date.valueOf(T0.toLocalDate().minusDays(1)), elsewhere.getId());
    env.mapper(CaseEventMapper.class).insert(event(approved.getId(), null, null, "clerk1", null, "appeal", "不服", null, T0));
    env.jdbc().update("INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, PROC_DEF_ID_, PROC_DEF_KEY_, START_TIME_, END_TIME_, DURATION_) "
        + "VALUES (?, ?, 'dibao:1:x', 'dibao', ?, ?, 7200000)", pi, pi, java.sql.Timestamp.valueOf(T0),
        java.sql.Timestamp.valueOf(T0.plusHours(2)));
    for (int i = 0; i < 3; i++) {
      env.jdbc().update("INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_INST_ID_, ROOT_PROC_INST_ID_, "
          + "START_TIME_, END_TIME_, DURATION_) VALUES (?, 'Task_Accept', 'stage_acceptance', ?, ?, ?, ?, ?)",
          "t-" + random(12), "sub-" + random(8), pi, java.sql.Timestamp.valueOf(T0), java.sql.Timestamp.valueOf(T0.plusHours(i + 1)),
          (i + 1) * 3_600_000L);
    }
    env.jdbc().update("INSERT INTO ACT_HI_VARINST (ID_, PROC_INST_ID_, NAME_, VAR_TYPE_, TEXT_) VALUES (?, ?, 'selfCareLevel', 'string', ?)",
        "v-" + random(12), tekunPi, "完全失能");
    String institution = "YLT" + random(8);
    env.jdbc().update("INSERT INTO mz_institution (code, name, region_code) VALUES (?, '测试', ?)", institution, scope.district);
    env.jdbc().update("INSERT INTO mz_bed (institution_code, bed_no, nursing) VALUES (?, '1', 1)", institution);
    env.jdbc().update("INSERT INTO mz_bed (institution_code, bed_no, nursing) VALUES (?, '2', 0)", institution);

    assertThat(figures.openByStage("district", scope.district)).singleElement().satisfies(r -> {
      assertThat(r).containsEntry("street", scope.street1).containsEntry("type", "dibao").containsEntry("stage", "Task_Investigate");
      assertThat(((Number) r.get("cases")).longValue()).isEqualTo(1);
    });
    assertThat(figures.overdueByStreet("district", scope.district, T0.toLocalDate())).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("street", scope.street1));
    assertThat(figures.overdueByStreet("street", scope.street2, T0.toLocalDate())).isEmpty();
    assertThat(figures.outcomes("district", scope.district)).hasSize(2);
    assertThat(figures.appeals("district", scope.district)).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("type", "dibao").containsEntry("status", "approved"));
    assertThat(figures.processDurations("district", scope.district, new org.apache.ibatis.session.RowBounds(0, 10)))
        .singleElement().satisfies(r -> assertThat(((Number) r.get("millis")).longValue()).isEqualTo(7_200_000L));
    assertThat(figures.taskDurations("district", scope.district, new org.apache.ibatis.session.RowBounds(0, 2)))
        .hasSize(2).allSatisfy(r -> assertThat(r).containsEntry("taskKey", "Task_Accept").containsEntry("type", "dibao"));
    assertThat(figures.tekunCare("district", scope.district)).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("selfCare", "完全失能"));
    assertThat(figures.dibaoByStreet("district", scope.district)).singleElement().satisfies(r -> {
      assertThat(((Number) r.get("households")).longValue()).isEqualTo(1);
      assertThat(((Number) r.get("persons")).longValue()).isEqualTo(2);
      assertThat(new java.math.BigDecimal(r.get("amount").toString())).isEqualByComparingTo("1160");
    });
    Map<String, Object> beds = figures.beds(scope.district);
    assertThat(((Number) beds.get("beds")).longValue()).isEqualTo(2);
    assertThat(((Number) beds.get("nursing")).longValue()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Db.class)
  void publicNoticesAndObjectionsRoundTrip(Db db) throws Exception {
    Env env = env(db);
    Scope scope = new Scope();
    ApplicationRecord app = application(scope.district, scope.street1, scope.community1, "dibao", "吴一", T0);
    env.mapper(ApplicationMapper.class).insert(app);
    cn.minzheng.approvals.board.PublicNoticeMapper board = env.mapper(cn.minzheng.approvals.board.PublicNoticeMapper.class);
    // letters only, fresh on every run (the PostgreSQL database is shared and never emptied)
    String publicId = random(16).chars().mapToObj(d -> String.valueOf((char) ('a' + d - '0'))).collect(java.util.stream.Collectors.joining());
    String stage = "stage-" + random(10);
    assertThat(board.findPublicId(stage)).isNull();
    board.insertNotice(publicId, app.getId(), stage, T0);
    assertThat(board.findPublicId(stage)).isEqualTo(publicId);
    assertThat(board.findByPublicId(publicId)).satisfies(ref -> {
      assertThat(ref.getApplicationId()).isEqualTo(app.getId());
      assertThat(ref.getProcessInstanceId()).isEqualTo(stage);
    });
    String client = "c".repeat(64 - 10) + random(10);
    String receipt = "YY" + random(8) + "-" + random(6);
    board.insertObjection(receipt, publicId, app.getId(), "异议", null, client, T0);
    board.insertObjection(receipt + "b", publicId, app.getId(), "异议二", "13900001111", client, T0.plusMinutes(5));
    assertThat(board.objectionTimes(client, T0.minusMinutes(1))).containsExactly(T0, T0.plusMinutes(5));
    assertThat(board.objectionTimes(client, T0)).containsExactly(T0.plusMinutes(5));
    assertThat(board.findObjection(receipt + "b")).containsEntry("contact", "13900001111");
  }
}
