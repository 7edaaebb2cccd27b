package cn.minzheng.approvals.board;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code approvals.public.*}: the public 公示 board. */
@ConfigurationProperties("approvals.public")
public class PublicBoardProperties {

  /** Objections one client (address) may file on the board within an hour; the next gets 429. */
  private int objectionsPerHour = 5;

  /** Longest objection text and contact the board accepts. */
  private int contentMaxLength = 2000;
  private int contactMaxLength = 100;

  public int getObjectionsPerHour() { return objectionsPerHour; }
  public void setObjectionsPerHour(int objectionsPerHour) { this.objectionsPerHour = objectionsPerHour; }
  public int getContentMaxLength() { return contentMaxLength; }
  public void setContentMaxLength(int contentMaxLength) { this.contentMaxLength = contentMaxLength; }
  public int getContactMaxLength() { return contactMaxLength; }
  public void setContactMaxLength(int contactMaxLength) { this.contactMaxLength = contactMaxLength; }
}
