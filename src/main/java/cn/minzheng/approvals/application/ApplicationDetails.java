package cn.minzheng.approvals.application;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.minzheng.approvals.application.ApplicationController.HistoryEntry;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.audit.ledger.Ledger;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.security.CurrentUser;

/** Puts together the full view of a case: its data, members, materials, notices, history. */
@Service
public class ApplicationDetails {

  private final ApplicationService applications;
  private final NoticeService notices;
  private final CaseHistory history;
  private final InstalmentMapper instalments;
  private final Ledger ledger;

  public ApplicationDetails(ApplicationService applications, NoticeService notices, CaseHistory history,
                            InstalmentMapper instalments, Ledger ledger) {
    this.instalments = instalments;
    this.applications = applications;
    this.notices = notices;
    this.history = history;
    this.ledger = ledger;
  }

  /**
   * The case as {@code viewer} may see it. Whatever it shows unmasked is recorded first: full ID numbers
   * (and phone) in the case history at the stage ({@code taskKey}) that needs them, and so in the ledger;
   * incomes in the ledger.
   */
  public ApplicationView view(ApplicationRecord application, ApplicationView.Disclosure disclosure, CurrentUser viewer,
                              String taskKey) {
    List<String> fields = new java.util.ArrayList<>();
    if (disclosure.fullIdNumbers()) {
      fields.addAll(List.of("idNumbers", "phone"));
    }
    if (disclosure.incomes()) {
      fields.add("incomes");
    }
    if (!fields.isEmpty()) {
      java.util.Map<String, Object> detail = java.util.Map.of("fields", fields, "summary",
          "viewed unmasked " + String.join(", ", fields) + " of application " + application.getId());
      if (disclosure.fullIdNumbers()) {
        history.record(application.getId(), taskKey, taskKey, viewer.id(), viewer.name(), VIEW_PERSONAL_DATA, null, detail);
      } else {
        ledger.appendForApplication(viewer.id(), VIEW_PERSONAL_DATA, application.getId(), detail);
      }
    }
    return view(application, disclosure);
  }

  /** Action of a view of unmasked personal data, in the case history and the ledger. */
  public static final String VIEW_PERSONAL_DATA = "view_personal_data";

  private ApplicationView view(ApplicationRecord application, ApplicationView.Disclosure disclosure) {
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
