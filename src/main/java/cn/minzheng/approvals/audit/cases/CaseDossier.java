package cn.minzheng.approvals.audit.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.MaterialRecord;
import cn.minzheng.approvals.application.MemberRecord;
import cn.minzheng.approvals.common.IdNumbers;
import cn.minzheng.approvals.common.Masking;
import cn.minzheng.approvals.notice.Notice;
import cn.minzheng.approvals.notice.NoticeMapper;
import cn.minzheng.approvals.notice.NoticeRenderer;
import cn.minzheng.approvals.notice.NoticeService;

/**
 * The case file (卷宗) as one PDF: a cover, the application (personal data masked: an auditor checks the
 * procedure, not the person — names, ID numbers and phone masked, no bank account; incomes and the amount
 * stay, they are what the decision rests on), the materials list, the timeline, then every notice as issued
 * (its stored HTML, in order). Rendered with the notices' own PDF path and font.
 */
@Component
public class CaseDossier {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final ApplicationService applications;
  private final NoticeService notices;
  private final NoticeMapper noticeContents;
  private final NoticeRenderer renderer;
  private final CaseTimeline timeline;
  private final CaseExport names;
  private final MessageSource messages;

  public CaseDossier(ApplicationService applications, NoticeService notices, NoticeMapper noticeContents,
                     NoticeRenderer renderer, CaseTimeline timeline, CaseExport names, MessageSource messages) {
    this.applications = applications;
    this.notices = notices;
    this.noticeContents = noticeContents;
    this.renderer = renderer;
    this.timeline = timeline;
    this.names = names;
    this.messages = messages;
  }

  public byte[] pdf(ApplicationRecord application) {
    List<byte[]> parts = new ArrayList<>();
    parts.add(renderer.toPdf(xhtml(application)));
    for (Notice listed : notices.ofApplication(application.getId())) {
      parts.add(notices.pdf(noticeContents.findById(listed.getId())));
    }
    return merge(parts);
  }

  String xhtml(ApplicationRecord a) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/>")
        .append("<title>").append(e("卷宗 " + a.getNumber())).append("</title><style>")
        .append("body{font-family:\"").append(e(renderer.fontFamily())).append("\",sans-serif;font-size:10.5pt;margin:1.5cm;}")
        .append("h1{text-align:center;font-size:20pt;margin-top:5cm;}h2{font-size:13pt;border-bottom:1px solid #333;}")
        .append("table{width:100%;border-collapse:collapse;}td,th{border:1px solid #999;padding:2px 4px;vertical-align:top;}")
        .append(".cover{page-break-after:always;}.cover td{font-size:13pt;padding:6px;}</style></head><body>");
    h.append("<div class=\"cover\"><h1>").append(e("社会救助及民政事项审批卷宗")).append("</h1><table>");
    row(h, "编号", a.getNumber());
    row(h, "类型", names.typeNames().getOrDefault(a.getType(), a.getType()));
    row(h, "申请人", Masking.name(a.getApplicantName()) + "（" + IdNumbers.mask(a.getApplicantIdNumber()) + "）");
    row(h, "区划", names.regionNames().getOrDefault(a.getRegionCode(), a.getRegionCode()));
    row(h, "结果", CaseExport.statusName(a.getStatus()));
    row(h, "申请时间", a.getCreatedAt() == null ? "" : TIME.format(a.getCreatedAt()));
    h.append("</table></div>");

    h.append("<h2>").append(e("一、申请内容")).append("</h2><table>");
    row(h, "申请事由", a.getReason());
    row(h, "联系电话", Masking.phone(a.getApplicantPhone()));
    row(h, "家庭人口", a.getHouseholdSize() == null ? "" : a.getHouseholdSize().toString());
    row(h, "家庭月收入（元）", a.getHouseholdIncome() == null ? "" : a.getHouseholdIncome().toPlainString());
    row(h, "金额（元）", a.getAmount() == null ? "" : a.getAmount().toPlainString());
    h.append("</table>");
    List<MemberRecord> members = applications.members(a.getId());
    if (!members.isEmpty()) {
      h.append("<p>").append(e("家庭成员")).append("</p><table><tr><th>姓名</th><th>身份证号</th><th>关系</th><th>共同生活</th><th>月收入（元）</th></tr>");
      for (MemberRecord m : members) {
        h.append("<tr><td>").append(e(Masking.name(m.getName()))).append("</td><td>").append(e(IdNumbers.mask(m.getIdNumber())))
            .append("</td><td>").append(e(m.getRelation())).append("</td><td>").append(m.isCoResident() ? "是" : "否")
            .append("</td><td>").append(m.getMonthlyIncome() == null ? "" : m.getMonthlyIncome().toPlainString())
            .append("</td></tr>");
      }
      h.append("</table>");
    }

    h.append("<h2>").append(e("二、材料清单")).append("</h2><table><tr><th>材料</th><th>说明</th><th>已提交</th></tr>");
    for (MaterialRecord m : applications.materials(a.getId())) {
      String kind = messages.getMessage("material.kind." + m.getKind(), null, m.getKind(), Locale.SIMPLIFIED_CHINESE);
      h.append("<tr><td>").append(e(kind)).append("</td><td>").append(e(m.getDescription())).append("</td><td>")
          .append(m.isProvided() ? "是" : "否").append("</td></tr>");
    }
    h.append("</table>");

    h.append("<h2>").append(e("三、办理过程")).append("</h2><table><tr><th>时间</th><th>环节</th><th>事项</th><th>办理人</th><th>意见及变更</th></tr>");
    for (TimelineEntry entry : timeline.of(a.getId())) {
      if ("stage".equals(entry.kind()) || "access".equals(entry.kind())) {
        continue;
      }
      StringBuilder note = new StringBuilder(entry.opinion() == null ? "" : entry.opinion());
      if (entry.changes() != null) {
        entry.changes().forEach(c -> note.append(note.isEmpty() ? "" : "；").append(c.field()).append("：")
            .append(c.old() == null ? "（无）" : c.old()).append(" → ").append(c.value() == null ? "（无）" : c.value()));
      }
      if (entry.notice() != null) {
        note.append(entry.notice().docNumber()).append(" SHA-256 ").append(entry.notice().sha256());
      }
      h.append("<tr><td>").append(e(TIME.format(entry.at()))).append("</td><td>").append(e(entry.stageName()))
          .append("</td><td>").append(e(entry.kind() + " " + entry.action())).append("</td><td>")
          .append(e(entry.actorName() == null ? entry.actor() : entry.actorName())).append("</td><td>")
          .append(e(note.toString())).append("</td></tr>");
    }
    h.append("</table><p>").append(e("四、文书：以下各页为本案出具的全部文书，按出具顺序。")).append("</p></body></html>");
    return h.toString();
  }

  private static void row(StringBuilder h, String label, String value) {
    h.append("<tr><th>").append(e(label)).append("</th><td>").append(e(value)).append("</td></tr>");
  }

  private static String e(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }

  private static byte[] merge(List<byte[]> parts) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDFMergerUtility merger = new PDFMergerUtility();
      for (byte[] part : parts) {
        merger.addSource(new org.apache.pdfbox.io.RandomAccessReadBuffer(part));
      }
      merger.setDestinationStream(out);
      merger.mergeDocuments(IOUtils.createMemoryOnlyStreamCache());
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("case file could not be put together", e);
    }
  }
}
