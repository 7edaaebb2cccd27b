package cn.minzheng.approvals.support;

import java.math.BigDecimal;
import java.util.List;

import cn.minzheng.approvals.application.ApplicationRequest;

/** Valid 低保 application bodies with people of their own. */
public final class Applications {

  /** 吴家山街示范一社区 (urban). */
  public static final String WJS_COMMUNITY = "420112001001";
  public static final String JJL_COMMUNITY = "420112002001";

  private Applications() {
  }

  /** A two-person household earning 300 + 200 元 a month: per capita 250, amount (830 − 250) × 2 = 1160. */
  public static ApplicationRequest dibao(String regionCode) {
    String applicantId = TestIds.random();
    return new ApplicationRequest("dibao", regionCode,
        new ApplicationRequest.Applicant("张小三", applicantId, "13812345678"),
        List.of(
            new ApplicationRequest.Member("张小三", applicantId, "self", true, new BigDecimal("300"), "none", "grade2", null),
            new ApplicationRequest.Member("李四", TestIds.random(), "spouse", true, new BigDecimal("200"), "partial", "none", null)),
        null, "中国农业银行", "6228480012345678901", "因病致贫", null,
        List.of(new ApplicationRequest.Material("id_card", "身份证", true), new ApplicationRequest.Material("hukou", "户口簿", true)));
  }
}
