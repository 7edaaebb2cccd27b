package cn.minzheng.approvals.admin.model;

import java.util.Date;
import java.util.List;

/** GET /api/admin/models: one model with its deployed versions. */
public record ModelVersions(String key, String name, String kind, List<Version> versions) {

  public record Version(int version, Date deployedAt, String deployedBy, String note, long runningInstances) {
  }
}
