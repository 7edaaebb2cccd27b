package cn.minzheng.approvals.admin.migration;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface MigrationMapper {

  void insertBatch(MigrationBatch batch);

  void insertItem(MigrationItem item);

  MigrationBatch findBatch(long id);

  List<Long> findRunningBatchIds();

  List<MigrationItem> findItems(@Param("batchId") long batchId, @Param("state") String state, @Param("limit") int limit);

  /** Sets the outcome of a still pending item; 0 when it is not pending (any more). */
  int finishItem(@Param("id") long id, @Param("state") String state, @Param("error") String error,
                 @Param("now") LocalDateTime now);

  /** Adds one to done or failed, by the item's outcome. */
  int countOutcome(@Param("id") long batchId, @Param("failed") boolean failed);

  int finishBatch(@Param("id") long id, @Param("state") String state, @Param("now") LocalDateTime now);
}
