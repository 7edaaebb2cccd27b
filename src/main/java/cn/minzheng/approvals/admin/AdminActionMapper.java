package cn.minzheng.approvals.admin;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface AdminActionMapper {

  void insert(AdminAction action);

  /** Newest first; {@code target} null for all. */
  List<AdminAction> find(@Param("target") String target, @Param("limit") int limit);
}
