package cn.minzheng.approvals.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.approvals.config.ApprovalsProperties;
import cn.minzheng.approvals.region.Region;
import cn.minzheng.approvals.region.RegionMapper;
import cn.minzheng.approvals.security.Role;

/**
 * Loads the demo regions and users (demo/regions.csv, demo/users.csv) when approvals.demo-data is on.
 * Adds only what is missing: existing regions, users and groups are never overwritten.
 */
@Component
public class DemoDataLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
  static final String DEMO_PASSWORD = "demo123";

  private final ApprovalsProperties properties;
  private final RegionMapper regions;
  private final IdentityService identity;
  private final AuthorizationService authorizations;

  public DemoDataLoader(ApprovalsProperties properties, RegionMapper regions, IdentityService identity,
                        AuthorizationService authorizations) {
    this.properties = properties;
    this.regions = regions;
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) throws IOException {
    if (!properties.isDemoData()) {
      return;
    }
    int addedRegions = 0;
    for (String[] row : rows("demo/regions.csv")) {
      if (regions.findByCode(row[0]) == null) {
        Region region = new Region();
        region.setCode(row[0]);
        region.setName(row[1]);
        region.setLevel(row[2]);
        region.setParentCode(emptyToNull(row[3]));
        region.setAreaType(emptyToNull(row[4]));
        region.setOrganName(emptyToNull(row[5]));
        region.setDocPrefix(emptyToNull(row[6]));
        region.setReviewBody(emptyToNull(row[7]));
        region.setCourt(emptyToNull(row[8]));
        region.setOfficial("1".equals(row[9]));
        regions.insert(region);
        addedRegions++;
      }
    }
    int addedUsers = 0;
    for (String[] row : rows("demo/users.csv")) {
      String userId = row[0];
      Role role = Role.ofCode(row[2]).orElseThrow(() -> new IllegalStateException("unknown role " + row[2]));
      String group = role.groupFor(row[3]);
      ensureGroup(group, row[3] + " " + role.code(), role.code());
      if (identity.createUserQuery().userId(userId).count() == 0) {
        User user = identity.newUser(userId);
        user.setFirstName(row[1]);
        user.setLastName("");
        user.setPassword(DEMO_PASSWORD);
        identity.saveUser(user);
        identity.createMembership(userId, group);
        if (role == Role.ADMIN) {
          ensureGroup(Role.CAMUNDA_ADMIN_GROUP, "Camunda administrators", "SYSTEM");
          identity.createMembership(userId, Role.CAMUNDA_ADMIN_GROUP);
        }
        addedUsers++;
      }
    }
    grantAdministratorsEverything();
    log.info("Demo data: {} regions and {} users added", addedRegions, addedUsers);
  }

  private void ensureGroup(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  /** The Camunda webapps need explicit grants once authorization is on. */
  private void grantAdministratorsEverything() {
    for (Resource resource : Resources.values()) {
      boolean granted = authorizations.createAuthorizationQuery().groupIdIn(Role.CAMUNDA_ADMIN_GROUP)
          .resourceType(resource).resourceId(Authorization.ANY).count() > 0;
      if (!granted) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(Role.CAMUNDA_ADMIN_GROUP);
        grant.setResource(resource);
        grant.setResourceId(Authorization.ANY);
        grant.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(grant);
      }
    }
  }

  private static List<String[]> rows(String path) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split(",", -1));
        }
      }
    }
    return rows;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
