package cn.minzheng.approvals.yanglao;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code approvals.yanglao.*}: the local settings of welfare-home admission. No national law sets its time limits
 * (domain.md §B), so the due dates of its user tasks are configuration, in working days. A case takes them at its
 * start (process variables {@code dueDaysAccept}, {@code dueDaysAssess}, {@code dueDaysDecide}).
 */
@ConfigurationProperties("approvals.yanglao")
public class YanglaoProperties {

  private final DueDays dueDays = new DueDays();

  public DueDays getDueDays() {
    return dueDays;
  }

  /** Working days from the task's creation to its due date. */
  public static class DueDays {

    /** 受理 (the shared acceptance stage) [local]. */
    private int accept = 5;

    /** 老年人能力评估 by the street ({@code Task_Assess}) [local]. */
    private int assess = 10;

    /** 区民政局入住审批 ({@code Task_Decide}) [local]. */
    private int decide = 10;

    public int getAccept() {
      return accept;
    }

    public void setAccept(int accept) {
      this.accept = positive("accept", accept);
    }

    public int getAssess() {
      return assess;
    }

    public void setAssess(int assess) {
      this.assess = positive("assess", assess);
    }

    public int getDecide() {
      return decide;
    }

    public void setDecide(int decide) {
      this.decide = positive("decide", decide);
    }

    private static int positive(String name, int days) {
      if (days < 1) {
        throw new IllegalArgumentException("approvals.yanglao.due-days." + name + " must be at least 1 working day, not " + days);
      }
      return days;
    }
  }
}
