package cn.minzheng.approvals.application;

/** A row of mz_material: one item of the materials list and whether it was handed in. */
public class MaterialRecord {

  private Long id;
  private Long applicationId;
  private String kind;
  private String description;
  private boolean provided;

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public Long getApplicationId() { return applicationId; }
  public void setApplicationId(Long applicationId) { this.applicationId = applicationId; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public String getDescription() { return description; }
  public void setDescription(String description) { this.description = description; }
  public boolean isProvided() { return provided; }
  public void setProvided(boolean provided) { this.provided = provided; }
}
