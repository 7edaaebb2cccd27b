package cn.minzheng.approvals.support;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;

import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.security.UserDirectory;

/**
 * Walks 社会组织登记 cases to their stages (see {@link CaseWalker}).
 */
public final class ShzzCases extends CaseWalker {

  private static final String POOL = "明德新华星光晨曦博雅春晖长青启航同心和美诚信睿智惠民乐善";

  public ShzzCases(ProcessEngine engine, ApplicationService applications, NoticeService notices, UserDirectory users) {
    super(engine, applications, notices, users);
  }

  /** A 字号 of four characters no registered name has yet (names must be unique among registered ones). */
  public static String tradeName() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      name.append(POOL.charAt(random.nextInt(POOL.length())));
    }
    return name.toString();
  }

  /** A 社会团体 meeting the conditions: 60 individual members, 50 000 元, premises, with a sponsor. */
  public static Map<String, Object> socialGroup() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("orgKind", "social_group");
    data.put("name", "东西湖区" + tradeName() + "书画研究会");
    data.put("domicile", "武汉市东西湖区吴家山街道东吴大道1号");
    data.put("purpose", "团结书画爱好者，繁荣群众文化");
    data.put("businessScope", "书画交流、展览、培训");
    data.put("activityArea", "东西湖区");
    data.put("sponsorUnit", "东西湖区文化和旅游局");
    data.put("individualMembers", 60);
    data.put("unitMembers", 0);
    data.put("funds", 50000);
    return data;
  }

  /** A 民办非企业单位 of the 城乡社区服务 category, registered directly. */
  public static Map<String, Object> directNonEnterprise() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("orgKind", "private_non_enterprise");
    data.put("name", "东西湖区" + tradeName() + "社区服务中心");
    data.put("domicile", "武汉市东西湖区将军路街道宏图大道8号");
    data.put("purpose", "为社区居民提供养老、托育和志愿服务");
    data.put("businessScope", "社区养老服务、四点半课堂、志愿服务组织");
    data.put("activityArea", "东西湖区");
    data.put("directCategory", "community_service");
    data.put("funds", 100000);
    return data;
  }

  public static ApplicationRequest request(String regionCode, Map<String, Object> data) {
    return new ApplicationRequest("shzz", regionCode, new ApplicationRequest.Applicant("周明", TestIds.random(), "13912345678"),
        null, null, null, null, "申请成立登记", data, List.of(new ApplicationRequest.Material("id_card", "拟任法定代表人身份证", true)));
  }

  public Case submit(Map<String, Object> data) {
    return submit(request(Applications.WJS_COMMUNITY, data));
  }

  /** Direct registration, accepted: waits at 审查. */
  public Case atReview() {
    Case c = submit(directNonEnterprise());
    decide(c, "approve");
    return c;
  }

  public Case refused(String reasons) {
    Case c = atReview();
    decide(c, "reject", ProcessVariables.OPINION, reasons, ProcessVariables.REFUSED_BY, "qu-approver");
    return c;
  }
}
