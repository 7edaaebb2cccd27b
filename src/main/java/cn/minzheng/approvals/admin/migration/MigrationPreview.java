package cn.minzheng.approvals.admin.migration;

import java.util.List;

/**
 * What a migration from one version to another would do: the mapping of stages (Camunda's migration
 * plan by equal activity ids), the stages that cannot be mapped and why, and each running instance of
 * the old version with the reasons it cannot move, in Chinese and English.
 */
public record MigrationPreview(String processKey, int fromVersion, int toVersion,
                               List<Mapping> mappings, List<Reason> unmapped, List<Reason> planErrors,
                               List<Instance> instances, long migratable, long unmigratable) {

  /** One stage of the old version and the stage it becomes in the new one. */
  public record Mapping(String sourceActivityId, String sourceName, String targetActivityId, String targetName) {
  }

  /** Why something cannot move, naming the stage. */
  public record Reason(String activityId, String activityName, String message, String message_en) {
  }

  /** A running instance of the old version: its application, where it waits, and why it cannot move. */
  public record Instance(String processInstanceId, Long applicationId, String applicationNumber,
                         List<Activity> activities, boolean migratable, List<Reason> reasons) {
  }

  public record Activity(String id, String name) {
  }
}
