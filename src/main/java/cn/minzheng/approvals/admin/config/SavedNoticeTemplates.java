package cn.minzheng.approvals.admin.config;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.minzheng.approvals.notice.NoticeTemplateOverrides;

/** The administrators' saved templates as the notice renderer sees them: the newest version, unless it is a revert. */
@Component
class SavedNoticeTemplates implements NoticeTemplateOverrides {

  private final NoticeTemplateMapper templates;

  SavedNoticeTemplates(NoticeTemplateMapper templates) {
    this.templates = templates;
  }

  @Override
  public Optional<SavedText> current(String templateName) {
    NoticeTemplateVersion current = templates.findCurrent(templateName);
    if (current == null || current.isRevert()) {
      return Optional.empty();
    }
    return Optional.of(new SavedText(templateName, current.getId(), current.getContent()));
  }
}
