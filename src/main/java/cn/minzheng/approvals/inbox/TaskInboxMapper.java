package cn.minzheng.approvals.inbox;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;

/** The inbox in one statement over Camunda's runtime tables and mz_application (see TaskInboxMapper.xml). */
@Mapper
public interface TaskInboxMapper {

  /** One page, by due date (none last), then creation time and id. */
  List<TaskRow> page(TaskInboxQuery query);

  long count(TaskInboxQuery query);
}
