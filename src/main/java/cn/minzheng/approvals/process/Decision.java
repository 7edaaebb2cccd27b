package cn.minzheng.approvals.process;

import java.util.Arrays;
import java.util.Optional;

/** The decisions a stage may take (api-contract.md, tasks). Gateways read the variable {@code decision}. */
public enum Decision {
  /** 通过 / 受理 / 同意. */
  APPROVE("approve", "通过"),
  /** 不予受理 at 受理, 不予批准 at the decision, 维持 in an appeal. */
  REJECT("reject", "不通过"),
  /** 补正 at 受理. */
  SUPPLEMENT("supplement", "补正"),
  /** 退回 to the previous stage. */
  RETURN("return", "退回");

  private final String code;
  private final String label;

  Decision(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** Refusals and returns must say why. */
  public boolean needsOpinion() {
    return this == REJECT || this == RETURN;
  }

  public static Optional<Decision> ofCode(String code) {
    return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
  }
}
