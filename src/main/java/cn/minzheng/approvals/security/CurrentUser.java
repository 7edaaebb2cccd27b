package cn.minzheng.approvals.security;

import java.util.List;
import java.util.Set;

/**
 * The logged-in person: Camunda user id, display name, roles, the Camunda groups (candidate groups
 * of the tasks they may work) and the region they belong to.
 */
public record CurrentUser(String id, String name, Set<Role> roles, List<String> groups,
                          String regionCode, String regionLevel) {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** District staff, auditors and administrators see the whole district. */
  public boolean seesWholeDistrict() {
    return "district".equals(regionLevel);
  }
}
