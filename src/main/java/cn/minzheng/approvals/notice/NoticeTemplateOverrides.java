package cn.minzheng.approvals.notice;

import java.util.Optional;

/**
 * Template texts an administrator saved, which take the place of the files under {@code notices/}.
 * Implemented over our database by the admin configuration; absent in plain unit tests.
 */
public interface NoticeTemplateOverrides {

  /** The saved text of a template name ({@code rejected.ftlh}, {@code dibao/rejected.ftlh}), if any. */
  Optional<SavedText> current(String templateName);

  /** One saved text; {@code version} changes whenever the text does, so caches can tell. */
  record SavedText(String templateName, long version, String content) {
  }
}
