package cn.minzheng.approvals.inbox;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;

/** The inbox in one statement over Camunda's runtime tables and mz_application (see TaskInboxMapper.xml). */
@Mapper
public interface TaskInboxMapper {

  /** One page, by due date (none last), then creation time and id; each row with the total of all pages. */
  List<CountedTaskRow> page(TaskInboxQuery query);

  /** The total alone, for a page past the end. */
  long count(TaskInboxQuery query);

  /** A row of the page and the number of rows of all pages. */
  record CountedTaskRow(String taskId, TaskRow row, long total) {
  }
}
