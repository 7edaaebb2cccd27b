package cn.minzheng.approvals.notice;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;

/** Insert and read only: an issued notice is never changed. */
@Mapper
public interface NoticeMapper {

  void insert(Notice notice);

  Notice findById(long id);

  /** Without the content, for lists. */
  List<Notice> findByApplication(long applicationId);
}
