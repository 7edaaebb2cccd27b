package cn.minzheng.approvals.shzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrgNamesTest {

  private static final String DISTRICT = "东西湖区";

  @ParameterizedTest
  @CsvSource({
      "social_group, 东西湖区老年人书法协会",
      "social_group, 武汉市东西湖区摄影家协会",
      "social_group, 东西湖物流行业商会",
      "private_non_enterprise, 东西湖区阳光社会工作服务中心",
      "private_non_enterprise, 东西湖区启明青少年托管服务中心",
      "private_non_enterprise, 武汉市东西湖区康乐养老院",
  })
  void shouldAcceptNamesOfRegionFieldAndForm(String kind, String name) {
    assertThat(OrgNames.problem(kind, name, DISTRICT)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "social_group, 东西湖区中国象棋协会",
      "social_group, 东西湖区全国书法爱好者协会",
      "private_non_enterprise, 东西湖区中华文化传习中心",
  })
  void shouldRefuseNationalWordsInLocalNames(String kind, String name) {
    assertThat(OrgNames.problem(kind, name, DISTRICT)).contains("validation.shzz.name.national");
  }

  @ParameterizedTest
  @CsvSource({
      "social_group, 东西湖区书法爱好者俱乐部",
      "social_group, 东西湖区阳光社会工作服务中心",
      "private_non_enterprise, 东西湖区摄影家协会",
      "private_non_enterprise, 东西湖区阳光<script>中心",
  })
  void shouldRefuseTheWrongForm(String kind, String name) {
    assertThat(OrgNames.problem(kind, name, DISTRICT)).contains("validation.shzz.name.form");
  }

  @ParameterizedTest
  @CsvSource({
      "social_group, 江岸区摄影家协会",
      "social_group, 摄影家协会",
      "private_non_enterprise, 武汉市阳光社会工作服务中心",
  })
  void shouldRefuseNamesWithoutTheRegisteringDistrict(String kind, String name) {
    assertThat(OrgNames.problem(kind, name, DISTRICT)).contains("validation.shzz.name.region");
  }

  @ParameterizedTest
  @CsvSource({
      "social_group, 东西湖区协会",
      "private_non_enterprise, 东西湖区阳光中心",
  })
  void shouldRefuseNamesWithoutFieldOrTradeName(String kind, String name) {
    // a 社团 needs its field; a 民非 its 字号 and its field
    assertThat(OrgNames.problem(kind, name, DISTRICT)).contains("validation.shzz.name.field");
  }
}
