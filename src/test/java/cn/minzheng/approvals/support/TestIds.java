package cn.minzheng.approvals.support;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import cn.minzheng.approvals.common.IdNumbers;

/** Valid, random 居民身份证号码 so that every test has people of its own. */
public final class TestIds {

  private TestIds() {
  }

  public static String random() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 60));
    String first17 = "420112" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
        + String.format("%03d", random.nextInt(1000));
    return first17 + IdNumbers.checkChar(first17);
  }
}
