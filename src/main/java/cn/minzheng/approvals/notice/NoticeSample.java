package cn.minzheng.approvals.notice;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.region.Region;

/**
 * A made-up but realistic case to try a notice template on (an administrator's preview and the check
 * before saving one). Values are distinct from one another, so that a check can tell which element
 * of the rendered notice came from which variable. The ID number is a sample and only ever masked.
 */
record NoticeSample(ApplicationRecord application, Region street, Region district, String docNumber,
                    LocalDate issued, NoticeService.DecisionInput input) {

  static final String APPLICANT = "张小明";
  static final String ID_NUMBER = "420112198001011234";
  static final String REASONS = "经入户调查和信息核对，申请人家庭月人均收入为1260.00元，高于本区城市低保标准830.00元。";
  static final String MISSING = "户口簿复印件\n家庭成员收入证明";

  static NoticeSample of(String type, LocalDate today) {
    Region district = region("420112000000", "东西湖区", Region.DISTRICT, "武汉市东西湖区民政局", "东民救");
    district.setReviewBody("武汉市东西湖区人民政府");
    district.setCourt("武汉市东西湖区人民法院");
    Region street = region("420112001000", "吴家山街道", Region.STREET, "武汉市东西湖区吴家山街道办事处", "吴街民");

    ApplicationRecord application = new ApplicationRecord();
    application.setId(-1L); // no such case: the sample has no materials on file
    application.setNumber("SAMPLE-420112-" + today.getYear() + "-000123");
    application.setType(type);
    application.setRegionCode(street.getCode());
    application.setStreetCode(street.getCode());
    application.setDistrictCode(district.getCode());
    application.setApplicantName(APPLICANT);
    application.setApplicantIdNumber(ID_NUMBER);
    application.setHouseholdSize(3);
    application.setPerCapitaIncome(new BigDecimal("1260.00"));
    application.setStandardAmount(new BigDecimal("830.00"));
    application.setAmount(new BigDecimal("1290.00"));
    application.setCreatedAt(today.minusDays(23).atTime(9, 30));
    return new NoticeSample(application, street, district, null, today,
        new NoticeService.DecisionInput(REASONS, MISSING, null));
  }

  private static Region region(String code, String name, String level, String organName, String docPrefix) {
    Region region = new Region();
    region.setCode(code);
    region.setName(name);
    region.setLevel(level);
    region.setOrganName(organName);
    region.setDocPrefix(docPrefix);
    region.setOfficial(true);
    return region;
  }
}
