package cn.minzheng.approvals.region;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Reads the region tree; the tree is small and changes rarely, so each lookup goes to the database. */
@Service
public class RegionService {

  private final RegionMapper regions;

  public RegionService(RegionMapper regions) {
    this.regions = regions;
  }

  public List<Region> all() {
    return regions.findAll();
  }

  public Optional<Region> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(regions.findByCode(code));
  }

  /** The community, street and district a code belongs to (community may be absent). */
  public Optional<RegionPath> path(String code) {
    Optional<Region> region = find(code);
    if (region.isEmpty()) {
      return Optional.empty();
    }
    Region community = null;
    Region street = null;
    Region current = region.get();
    if (Region.COMMUNITY.equals(current.getLevel())) {
      community = current;
      current = regions.findByCode(current.getParentCode());
    }
    if (current != null && Region.STREET.equals(current.getLevel())) {
      street = current;
      current = regions.findByCode(current.getParentCode());
    }
    if (street == null || current == null || !Region.DISTRICT.equals(current.getLevel())) {
      return Optional.empty();
    }
    return Optional.of(new RegionPath(community, street, current));
  }

  /** Where an application lives: its community (optional), street and district. */
  public record RegionPath(Region community, Region street, Region district) {
    public String communityCode() {
      return community == null ? null : community.getCode();
    }
  }
}
