package cn.minzheng.approvals.application;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.minzheng.approvals.application.ApplicationController.HistoryEntry;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.notice.NoticeService;

/** Puts together the full view of a case: its data, members, materials, notices, history. */
@Service
public class ApplicationDetails {

  private final ApplicationService applications;
  private final NoticeService notices;
  private final CaseHistory history;
  private final InstalmentMapper instalments;

  public ApplicationDetails(ApplicationService applications, NoticeService notices, CaseHistory history,
                            InstalmentMapper instalments) {
    this.instalments = instalments;
    this.applications = applications;
    this.notices = notices;
    this.history = history;
  }

  public ApplicationView view(ApplicationRecord application, ApplicationView.Disclosure disclosure) {
    List<ApplicationView.NoticeRef> refs = notices.ofApplication(application.getId()).stream()
        .map(n -> new ApplicationView.NoticeRef(n.getId(), n.getKind(), n.getDocNumber(), n.getCreatedAt())).toList();
    return ApplicationView.full(application, applications.members(application.getId()),
        applications.materials(application.getId()), refs, instalments.findByApplication(application.getId()), disclosure);
  }

  public List<HistoryEntry> history(ApplicationRecord application) {
    return history.of(application.getId()).stream()
        .map(e -> new HistoryEntry(e.getStage(), e.getTaskKey(), e.getActor(), e.getActorName(), e.getAction(),
            e.getOpinion(), e.getCreatedAt()))
        .toList();
  }
}
