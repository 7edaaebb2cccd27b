package cn.minzheng.approvals.admin.config;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface NoticeTemplateMapper {

  void insert(NoticeTemplateVersion version);

  /** The newest version of a template name, or null. */
  NoticeTemplateVersion findCurrent(@Param("templateName") String templateName);

  /** Every version of a template name, newest first. */
  List<NoticeTemplateVersion> findHistory(@Param("templateName") String templateName);

  /** Names with at least one saved version. */
  List<String> findNames();

  int maxVersion(@Param("templateName") String templateName);
}
