package cn.minzheng.approvals.region;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/regions")
public class RegionController {

  private final RegionService regions;

  public RegionController(RegionService regions) {
    this.regions = regions;
  }

  @GetMapping
  public List<RegionView> list() {
    return regions.all().stream()
        .map(r -> new RegionView(r.getCode(), r.getName(), r.getLevel(), r.getParentCode(), r.getAreaType()))
        .toList();
  }

  public record RegionView(String code, String name, String level, String parent, String areaType) {
  }
}
