package cn.minzheng.approvals.application;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code mz_instalment}: the payment schedule of an approval. */
@Mapper
public interface InstalmentMapper {

  void insert(Instalment instalment);

  List<Instalment> findByApplication(@Param("applicationId") long applicationId);

  /** A re-opened and again approved case gets a new schedule. */
  int deleteScheduled(@Param("applicationId") long applicationId);
}
