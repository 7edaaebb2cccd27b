package cn.minzheng.approvals.notice;

import java.util.Arrays;
import java.util.Optional;

import cn.minzheng.approvals.application.ApplicationStatus;

/**
 * The notices of api-contract.md (a type may retitle one: message notice.title.<type>.<kind>). Each says which office issues it, whether it is a refusal (and so
 * must carry domain.md §0's mandatory content), and the status its issue gives the application.
 */
public enum NoticeKind {
  ACCEPTED("accepted", "受理通知书", Organ.STREET, false, null),
  SUPPLEMENT("supplement", "补正材料通知书", Organ.STREET, false, null),
  NOT_ACCEPTED("not_accepted", "不予受理通知书", Organ.STREET, true, ApplicationStatus.NOT_ACCEPTED),
  PUBLICITY("publicity", "公示", Organ.STREET, false, null),
  APPROVED("approved", "批准通知书", Organ.DISTRICT, false, ApplicationStatus.APPROVED),
  REJECTED("rejected", "不予批准决定书", Organ.DISTRICT, true, ApplicationStatus.REJECTED),
  CERTIFICATE("certificate", "证书", Organ.DISTRICT, false, null),
  APPEAL_DECISION("appeal_decision", "复核决定书", Organ.DISTRICT, true, ApplicationStatus.REJECTED),
  WITHDRAWN("withdrawn", "撤回申请告知书", Organ.STREET, false, ApplicationStatus.WITHDRAWN),
  /** 轮候: the person is admitted but waits for a bed (position, institution, priority, what comes next). */
  QUEUED("queued", "轮候通知书", Organ.DISTRICT, false, ApplicationStatus.WAITING),
  /** 临时救助 急难型: the street paid a small amount at once; the papers follow (notices/linshi/advance_relief.ftlh). */
  ADVANCE_RELIEF("advance_relief", "先行救助告知书", Organ.STREET, false, null),
  /** 终止 of a benefit (特困): a negative decision with §0's mandatory content (notices/<type>/terminated.ftlh). */
  TERMINATED("terminated", "终止救助供养决定书", Organ.DISTRICT, true, ApplicationStatus.TERMINATED),
  /** 年度复核 减发 of 低保 (processes/dibao-review.bpmn): negative, §0's mandatory content; the case stays approved. */
  REDUCED("reduced", "减发最低生活保障金决定书", Organ.DISTRICT, true, null),
  /** 年度复核 停发 of 低保: negative, §0's mandatory content; the benefit ends (status terminated). */
  STOPPED("stopped", "停发最低生活保障金决定书", Organ.DISTRICT, true, ApplicationStatus.TERMINATED);

  /** Which office signs: the 街道办事处 or the 区民政局. */
  public enum Organ { STREET, DISTRICT }

  private final String code;
  private final String title;
  private final Organ organ;
  private final boolean negative;
  private final String resultingStatus;

  NoticeKind(String code, String title, Organ organ, boolean negative, String resultingStatus) {
    this.code = code;
    this.title = title;
    this.organ = organ;
    this.negative = negative;
    this.resultingStatus = resultingStatus;
  }

  public String code() { return code; }
  public String title() { return title; }
  public Organ organ() { return organ; }
  public boolean negative() { return negative; }
  /** The application status once this notice is issued; null when the status stays as it is. */
  public String resultingStatus() { return resultingStatus; }
  public String templateName() { return code + ".ftlh"; }

  public static Optional<NoticeKind> ofCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }
}
