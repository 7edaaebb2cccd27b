package cn.minzheng.approvals.board;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface PublicNoticeMapper {

  /** The public id of that run of the 公示 stage, or null. */
  String findPublicId(@Param("processInstanceId") String processInstanceId);

  void insertNotice(@Param("publicId") String publicId, @Param("applicationId") long applicationId,
                    @Param("processInstanceId") String processInstanceId, @Param("createdAt") LocalDateTime createdAt);

  /** application_id and process_instance_id of a public id, or null. */
  PublicNoticeRef findByPublicId(@Param("publicId") String publicId);

  void insertObjection(@Param("receiptNo") String receiptNo, @Param("publicId") String publicId,
                       @Param("applicationId") long applicationId, @Param("content") String content,
                       @Param("contact") String contact, @Param("clientKey") String clientKey,
                       @Param("createdAt") LocalDateTime createdAt);

  /** Objections of one client since then, oldest first (the rate limit's window). */
  java.util.List<LocalDateTime> objectionTimes(@Param("clientKey") String clientKey, @Param("since") LocalDateTime since);

  /** Contact and receipt stored with an objection (for staff; never on the board). */
  java.util.Map<String, Object> findObjection(@Param("receiptNo") String receiptNo);

  /** One 公示 the board has listed. */
  class PublicNoticeRef {
    private String publicId;
    private long applicationId;
    private String processInstanceId;

    public String getPublicId() { return publicId; }
    public void setPublicId(String publicId) { this.publicId = publicId; }
    public long getApplicationId() { return applicationId; }
    public void setApplicationId(long applicationId) { this.applicationId = applicationId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
  }
}
