package cn.minzheng.approvals.audit.cases;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;

import cn.minzheng.approvals.application.ApplicationRecord;

/** The auditors' search over mz_application (read only). */
@Mapper
public interface AuditCaseMapper {

  List<ApplicationRecord> search(CaseSearch search);

  long count(CaseSearch search);
}
