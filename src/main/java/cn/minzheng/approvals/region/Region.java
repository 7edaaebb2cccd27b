package cn.minzheng.approvals.region;

/** A node of the administrative tree: district (区), street (街道) or community (社区/村). */
public class Region {

  public static final String DISTRICT = "district";
  public static final String STREET = "street";
  public static final String COMMUNITY = "community";

  private String code;
  private String name;
  private String level;
  private String parentCode;
  /** urban / rural: picks the benefit standard. */
  private String areaType;
  /** The office that issues documents here (e.g. 东西湖区民政局), null for communities. */
  private String organName;
  /** 文号 prefix of that office, e.g. 东民救. */
  private String docPrefix;
  /** 复议机关 named in refusals (districts only). */
  private String reviewBody;
  /** Court named in refusals (districts only). */
  private String court;
  private boolean official;

  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getLevel() { return level; }
  public void setLevel(String level) { this.level = level; }
  public String getParentCode() { return parentCode; }
  public void setParentCode(String parentCode) { this.parentCode = parentCode; }
  public String getAreaType() { return areaType; }
  public void setAreaType(String areaType) { this.areaType = areaType; }
  public String getOrganName() { return organName; }
  public void setOrganName(String organName) { this.organName = organName; }
  public String getDocPrefix() { return docPrefix; }
  public void setDocPrefix(String docPrefix) { this.docPrefix = docPrefix; }
  public String getReviewBody() { return reviewBody; }
  public void setReviewBody(String reviewBody) { this.reviewBody = reviewBody; }
  public String getCourt() { return court; }
  public void setCourt(String court) { this.court = court; }
  public boolean isOfficial() { return official; }
  public void setOfficial(boolean official) { this.official = official; }
}
