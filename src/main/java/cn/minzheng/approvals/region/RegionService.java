package cn.minzheng.approvals.region;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

/**
 * Reads the region tree. The tree is small and changes only with a data load, yet every case operation
 * looks its regions up several times: found regions are kept for {@link #KEEP} (so a change on any node
 * shows within that time), codes not found are always asked again.
 */
@Service
public class RegionService {

  static final Duration KEEP = Duration.ofMinutes(1);

  private record Kept(Region region, long until) {
  }

  private final RegionMapper regions;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  public RegionService(RegionMapper regions) {
    this.regions = regions;
  }

  public List<Region> all() {
    return regions.findAll();
  }

  public Optional<Region> find(String code) {
    return Optional.ofNullable(byCode(code));
  }

  private Region byCode(String code) {
    if (code == null) {
      return null;
    }
    long now = System.nanoTime();
    Kept k = kept.get(code);
    if (k != null && now - k.until() < 0) {
      return k.region();
    }
    Region region = regions.findByCode(code);
    if (region != null) {
      kept.put(code, new Kept(region, now + KEEP.toNanos()));
    }
    return region;
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
      current = byCode(current.getParentCode());
    }
    if (current != null && Region.STREET.equals(current.getLevel())) {
      street = current;
      current = byCode(current.getParentCode());
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
