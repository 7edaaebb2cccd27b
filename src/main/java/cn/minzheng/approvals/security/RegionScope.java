package cn.minzheng.approvals.security;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.region.Region;

/** Which applications a user may see: their district, their street or their community. */
public final class RegionScope {

  private RegionScope() {
  }

  public static boolean covers(CurrentUser user, ApplicationRecord application) {
    if (user.regionCode() == null || user.regionLevel() == null) {
      return false;
    }
    return switch (user.regionLevel()) {
      case Region.DISTRICT -> user.regionCode().equals(application.getDistrictCode());
      case Region.STREET -> user.regionCode().equals(application.getStreetCode());
      case Region.COMMUNITY -> user.regionCode().equals(application.getCommunityCode());
      default -> false;
    };
  }

  public static boolean covers(CurrentUser user, String communityCode, String streetCode, String districtCode) {
    ApplicationRecord probe = new ApplicationRecord();
    probe.setCommunityCode(communityCode);
    probe.setStreetCode(streetCode);
    probe.setDistrictCode(districtCode);
    return covers(user, probe);
  }
}
