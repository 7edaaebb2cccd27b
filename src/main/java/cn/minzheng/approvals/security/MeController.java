package cn.minzheng.approvals.security;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.approvals.region.Region;
import cn.minzheng.approvals.region.RegionService;

/** Who is logged in: for the pages' header and what they offer. */
@RestController
public class MeController {

  private final RegionService regions;

  public MeController(RegionService regions) {
    this.regions = regions;
  }

  @GetMapping("/api/me")
  public Map<String, Object> me(@AuthenticationPrincipal CurrentUser user) {
    return Map.of("id", user.id(), "name", user.name(),
        "roles", user.roles().stream().map(Role::code).sorted().collect(Collectors.toList()),
        "regionCode", String.valueOf(user.regionCode()),
        "regionName", regions.find(user.regionCode()).map(Region::getName).orElse(""),
        "regionLevel", String.valueOf(user.regionLevel()));
  }
}
