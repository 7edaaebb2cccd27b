package cn.minzheng.approvals.shzz;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Naming rules of 社会组织 registered by a district (民政部令第69号《社会组织名称管理办法》, domain.md §C
 * 1): 社会团体 = region + field (行业/业务领域) + form (协会, 学会 …); 民办非企业单位 = region + 字号 + field +
 * form (中心, 学校 …). Local bodies may not use 中国, 全国 or 中华. The region is the registering district
 * (东西湖区 or 东西湖, optionally after the city, e.g. 武汉市东西湖区). The field and the 字号 cannot be
 * told apart by machine: the part between region and form must have at least 2 characters for a
 * 社团 and at least 4 (字号 ≥ 2 + field ≥ 2) for a 民非, 2 (the 字号) before a form that carries the
 * field itself (养老院, 幼儿园, 服务中心 …). Uniqueness among registered names is checked
 * against {@link RegisteredOrgMapper}.
 */
public final class OrgNames {

  public static final int MAX_LENGTH = 50;
  private static final List<String> FORBIDDEN = List.of("中国", "全国", "中华");
  private static final List<String> GROUP_FORMS =
      List.of("联合会", "研究会", "促进会", "联谊会", "同业公会", "校友会", "协会", "学会", "商会");
  private static final List<String> NON_ENTERPRISE_FORMS = List.of("服务中心", "服务社", "服务站", "研究院", "研究所",
      "幼儿园", "养老院", "敬老院", "学校", "学院", "医院", "中心", "院", "所", "社", "站");
  /** 民非 forms that name the field themselves (养老院 = 养老 + 院): only the 字号 must precede them. */
  private static final List<String> FIELD_BEARING_FORMS =
      List.of("服务中心", "服务社", "服务站", "研究院", "研究所", "幼儿园", "养老院", "敬老院", "医院");
  private static final Pattern CITY = Pattern.compile("^[\\p{IsHan}]{2,4}市");
  private static final Pattern HAN_OR_DIGITS = Pattern.compile("^[\\p{IsHan}0-9A-Za-z（）()·]+$");

  /** The message key of the first rule the name breaks, for an organisation of the district named. */
  public static Optional<String> problem(String orgKind, String name, String districtName) {
    String n = name == null ? "" : name.trim();
    if (n.isEmpty()) {
      return Optional.of("validation.required");
    }
    if (n.length() > MAX_LENGTH || !HAN_OR_DIGITS.matcher(n).matches()) {
      return Optional.of("validation.shzz.name.form");
    }
    for (String word : FORBIDDEN) {
      if (n.contains(word)) {
        return Optional.of("validation.shzz.name.national");
      }
    }
    String rest = withoutRegion(n, districtName);
    if (rest == null) {
      return Optional.of("validation.shzz.name.region");
    }
    List<String> forms = OrgKinds.SOCIAL_GROUP.equals(orgKind) ? GROUP_FORMS : NON_ENTERPRISE_FORMS;
    String form = forms.stream().filter(rest::endsWith).findFirst().orElse(null);
    if (form == null) {
      return Optional.of("validation.shzz.name.form");
    }
    int middle = rest.length() - form.length();
    int needed = OrgKinds.SOCIAL_GROUP.equals(orgKind) || FIELD_BEARING_FORMS.contains(form) ? 2 : 4;
    if (middle < needed) {
      return Optional.of("validation.shzz.name.field");
    }
    return Optional.empty();
  }

  /** The name after its region part, or null when it does not start with the district. */
  static String withoutRegion(String name, String districtName) {
    String n = CITY.matcher(name).find() && !name.startsWith(districtName) ? CITY.matcher(name).replaceFirst("") : name;
    String shortName = districtName.replaceFirst("[区县市]$", "");
    for (String prefix : new String[] {districtName, shortName}) {
      if (!prefix.isEmpty() && n.startsWith(prefix)) {
        return n.substring(prefix.length());
      }
    }
    return null;
  }

  private OrgNames() {
  }
}
