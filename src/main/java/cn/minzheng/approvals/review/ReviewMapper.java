package cn.minzheng.approvals.review;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code mz_review_run} and {@code mz_annual_review}. */
@Mapper
public interface ReviewMapper {

  void insertRun(ReviewRun run);

  ReviewRun findRun(@Param("id") long id);

  ReviewRun findRunOf(@Param("regionCode") String regionCode, @Param("year") int year);

  /** The run, its row locked to the end of the transaction: one chunk of a run at a time, on any node. */
  ReviewRun lockRun(@Param("id") long id);

  List<Long> findRunIds(@Param("state") String state);

  List<ReviewRun> recentRuns(@Param("limit") int limit);

  int changeState(@Param("id") long id, @Param("from") String from, @Param("to") String to,
                  @Param("at") LocalDateTime at);

  int complete(@Param("id") long id, @Param("at") LocalDateTime at);

  int countProgress(@Param("id") long id, @Param("created") int created, @Param("failed") int failed,
                    @Param("at") LocalDateTime at);

  /** Approved 低保 applications of the region (street or district) with no review of the year yet, by id. */
  List<Long> findCandidates(@Param("regionLevel") String regionLevel, @Param("regionCode") String regionCode,
                            @Param("year") int year, @Param("limit") int limit);

  int countCandidates(@Param("regionLevel") String regionLevel, @Param("regionCode") String regionCode,
                      @Param("year") int year);

  void insertReview(@Param("runId") long runId, @Param("applicationId") long applicationId, @Param("year") int year,
                    @Param("state") String state, @Param("previousAmount") BigDecimal previousAmount,
                    @Param("error") String error, @Param("at") LocalDateTime at);

  int updateProcessInstance(@Param("applicationId") long applicationId, @Param("year") int year,
                            @Param("processInstanceId") String processInstanceId);

  AnnualReview findReview(@Param("applicationId") long applicationId, @Param("year") int year);

  int decide(@Param("id") long id, @Param("outcome") String outcome, @Param("at") LocalDateTime at);

  int countReviews(@Param("runId") long runId, @Param("state") String state);
}
