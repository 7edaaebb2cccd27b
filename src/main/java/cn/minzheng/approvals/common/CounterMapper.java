package cn.minzheng.approvals.common;

import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface CounterMapper {

  /** Creates the counter at 0 unless it exists (dialect-specific, never fails on a race). */
  void createIfAbsent(String key);

  /** Adds one under a row lock held until the transaction ends. */
  int increment(String key);

  long current(String key);
}
