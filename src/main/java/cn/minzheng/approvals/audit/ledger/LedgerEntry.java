package cn.minzheng.approvals.audit.ledger;

import java.time.LocalDateTime;

/** One row of the ledger (mz_ledger) as stored, hashed and answered. */
public class LedgerEntry {

  private long seq;
  private LocalDateTime at;
  private String actor;
  private String action;
  private String target;
  private Long applicationId;
  private String detail;
  private String client;
  private String prevHash;
  private String hash;

  public long getSeq() { return seq; }
  public void setSeq(long seq) { this.seq = seq; }
  public LocalDateTime getAt() { return at; }
  public void setAt(LocalDateTime at) { this.at = at; }
  public String getActor() { return actor; }
  public void setActor(String actor) { this.actor = actor; }
  public String getAction() { return action; }
  public void setAction(String action) { this.action = action; }
  public String getTarget() { return target; }
  public void setTarget(String target) { this.target = target; }
  public Long getApplicationId() { return applicationId; }
  public void setApplicationId(Long applicationId) { this.applicationId = applicationId; }
  public String getDetail() { return detail; }
  public void setDetail(String detail) { this.detail = detail; }
  public String getClient() { return client; }
  public void setClient(String client) { this.client = client; }
  public String getPrevHash() { return prevHash; }
  public void setPrevHash(String prevHash) { this.prevHash = prevHash; }
  public String getHash() { return hash; }
  public void setHash(String hash) { this.hash = hash; }
}
