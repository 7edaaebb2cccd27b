package cn.minzheng.approvals.audit;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface CaseEventMapper {

  void insert(CaseEvent event);

  List<CaseEvent> findByApplication(long applicationId);
}
