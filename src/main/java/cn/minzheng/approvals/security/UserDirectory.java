package cn.minzheng.approvals.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

import cn.minzheng.approvals.region.Region;
import cn.minzheng.approvals.region.RegionService;

/** Users and groups live in Camunda's identity service; this turns them into our {@link CurrentUser}. */
@Service
public class UserDirectory {

  private final IdentityService identity;
  private final RegionService regions;

  public UserDirectory(IdentityService identity, RegionService regions) {
    this.identity = identity;
    this.regions = regions;
  }

  public boolean checkPassword(String userId, String password) {
    return userId != null && password != null && identity.checkPassword(userId, password);
  }

  public Optional<CurrentUser> load(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return Optional.empty();
    }
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    String regionCode = null;
    for (String group : groups) {
      if (Role.CAMUNDA_ADMIN_GROUP.equals(group)) {
        roles.add(Role.ADMIN);
        continue;
      }
      int dash = group.lastIndexOf('-');
      if (dash <= 0) {
        continue;
      }
      Optional<Role> role = Role.ofCode(group.substring(dash + 1));
      if (role.isPresent()) {
        roles.add(role.get());
        regionCode = broaderOf(regionCode, group.substring(0, dash));
      }
    }
    String level = regions.find(regionCode).map(Region::getLevel).orElse(null);
    String name = ((user.getLastName() == null ? "" : user.getLastName())
        + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
    return Optional.of(new CurrentUser(userId, name.isEmpty() ? userId : name, roles, groups, regionCode, level));
  }

  /** Of two region codes the user holds roles in, keep the broader (fewer trailing digits used). */
  private static String broaderOf(String current, String candidate) {
    if (current == null) {
      return candidate;
    }
    return significantLength(candidate) < significantLength(current) ? candidate : current;
  }

  private static int significantLength(String code) {
    int end = code.length();
    while (end > 0 && code.charAt(end - 1) == '0') {
      end--;
    }
    return end;
  }
}
