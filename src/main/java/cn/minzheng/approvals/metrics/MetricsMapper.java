package cn.minzheng.approvals.metrics;

import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface MetricsMapper {

  /** Rows of app_type, stage, cases for applications still in progress. */
  List<Map<String, Object>> openCasesByStage();
}
