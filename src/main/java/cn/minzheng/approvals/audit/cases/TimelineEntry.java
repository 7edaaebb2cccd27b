package cn.minzheng.approvals.audit.cases;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a case's timeline for auditors. {@code kind}: stage, task, submit, decision, operation,
 * notice, data_change, access, event. Values are masked: no ID number appears in clear.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(LocalDateTime at, String kind, String stage, String stageName, String actor,
                            String actorName, String action, String opinion, List<FieldChange> changes,
                            NoticeRef notice, String modelVersion, Map<String, String> detail) {

  /** A field changed by this entry, old → new (null when absent, shown as null). */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record FieldChange(String field, String old, @com.fasterxml.jackson.annotation.JsonProperty("new") String value) {
  }

  /** The notice an entry issued, with the hash of its stored content. */
  public record NoticeRef(Long id, String kind, String docNumber, String sha256) {
  }
}
