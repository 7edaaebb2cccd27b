package cn.minzheng.approvals.application;

import java.util.Set;

/** Enumerations of the application body and the types this system runs. */
public final class ApplicationTypes {

  public static final String DIBAO = "dibao";
  public static final String SHZZ = "shzz";
  public static final String YANGLAO = "yanglao";
  public static final String TEKUN = "tekun";
  public static final String LINSHI = "linshi";
  public static final String BINZANG = "binzang";

  /** The types in the order clients list them (api-contract.md). */
  public static final java.util.List<String> ORDER = java.util.List.of(DIBAO, TEKUN, LINSHI, YANGLAO, SHZZ, BINZANG);

  public static final Set<String> RELATIONS =
      Set.of("self", "spouse", "child", "parent", "grandparent", "grandchild", "sibling", "other");
  public static final Set<String> WORK_ABILITIES = Set.of("full", "partial", "none");
  public static final Set<String> DISABILITIES = Set.of("none", "grade1", "grade2", "grade3", "grade4");
  public static final Set<String> MATERIAL_KINDS = Set.of("id_card", "hukou", "income_proof", "asset_proof",
      "commitment", "check_authorization", "disability_certificate", "medical_proof", "other");

  private ApplicationTypes() {
  }
}
