package cn.minzheng.approvals.shzz;

import java.util.Set;

/** Enumerations of a 社会组织登记 application's {@code data} (api-contract.md, shzz). */
public final class OrgKinds {

  public static final String SOCIAL_GROUP = "social_group";
  public static final String PRIVATE_NON_ENTERPRISE = "private_non_enterprise";
  /** Registered by the provincial 民政厅 only: refused at submission. */
  public static final String FOUNDATION = "foundation";
  public static final Set<String> ORG_KINDS = Set.of(SOCIAL_GROUP, PRIVATE_NON_ENTERPRISE, FOUNDATION);

  /** The four kinds registered directly, without a 业务主管单位. */
  public static final Set<String> DIRECT_CATEGORIES =
      Set.of("industry_association", "science_tech", "charity", "community_service");

  private OrgKinds() {
  }

  /** Char 2 of the 统一社会信用代码. */
  public static char creditCodeKind(String orgKind) {
    return switch (orgKind) {
      case SOCIAL_GROUP -> UnifiedCreditCodes.KIND_SOCIAL_GROUP;
      case PRIVATE_NON_ENTERPRISE -> UnifiedCreditCodes.KIND_PRIVATE_NON_ENTERPRISE;
      case FOUNDATION -> UnifiedCreditCodes.KIND_FOUNDATION;
      default -> throw new IllegalArgumentException("unknown orgKind " + orgKind);
    };
  }
}
