package cn.minzheng.approvals.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.process.Decision;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/** Cross-field rules of stage forms that a form schema cannot say. */
@Component
public class StageDataRules {

  private final cn.minzheng.approvals.linshi.LinshiProcess linshi;

  public StageDataRules(cn.minzheng.approvals.linshi.LinshiProcess linshi) {
    this.linshi = linshi;
  }

  public List<FieldProblem> check(String taskKey, Decision decision, Map<String, Object> data) {
    List<FieldProblem> problems = new ArrayList<>();
    switch (taskKey) {
      case DibaoProcess.TASK_ACCEPT -> {
        if (decision == Decision.SUPPLEMENT && blank(data.get("missing"))) {
          problems.add(new FieldProblem("data.missing", "validation.required"));
        }
      }
      case DibaoProcess.TASK_INVESTIGATE -> {
        Object first = data.get("investigator1");
        Object second = data.get("investigator2");
        if (!blank(first) && !blank(second) && first.toString().trim().equals(second.toString().trim())) {
          problems.add(new FieldProblem("data.investigator2", "validation.investigators"));
        }
        if (!Boolean.TRUE.equals(data.get(DibaoProcess.VAR_HOLD_DEMOCRATIC_REVIEW)) && blank(data.get("skipReason"))) {
          problems.add(new FieldProblem("data.skipReason", "validation.skip-reason"));
        }
      }
      case cn.minzheng.approvals.shzz.ShzzProcess.TASK_SPONSOR_REVIEW -> {
        if (decision == Decision.APPROVE && blank(data.get("sponsorDocNumber"))) {
          problems.add(new FieldProblem("data.sponsorDocNumber", "validation.required"));
        }
      }
      case cn.minzheng.approvals.yanglao.YanglaoProcess.TASK_ASSESS -> {
        for (var domain : cn.minzheng.approvals.yanglao.YanglaoProcess.DOMAIN_MAX.entrySet()) {
          Object score = data.get(domain.getKey());
          if (score instanceof Number n && (n.doubleValue() < 0 || n.doubleValue() > domain.getValue()
              || n.doubleValue() != Math.floor(n.doubleValue()))) {
            problems.add(new FieldProblem("data." + domain.getKey(), "validation.range"));
          }
        }
      }
      case cn.minzheng.approvals.linshi.LinshiProcess.TASK_STREET_APPROVE,
           cn.minzheng.approvals.linshi.LinshiProcess.TASK_DISTRICT_APPROVE -> {
        if (decision == Decision.APPROVE) {
          checkWhole(problems, data, "instalments", linshi.maxInstalments());
          checkWhole(problems, data, "intervalMonths", 12);
          checkDate(problems, data, "firstPaymentDate");
        }
      }
      case cn.minzheng.approvals.linshi.LinshiProcess.TASK_COORDINATION_MEETING -> {
        checkDate(problems, data, "meetingDate");
        if ("adjust".equals(data.get("meetingDecision")) && blank(data.get("meetingAmount"))) {
          problems.add(new FieldProblem("data.meetingAmount", "validation.required"));
        }
      }
      default -> {
      }
    }
    return problems;
  }

  /** A whole number from 1 to {@code max}, when given. */
  private static void checkWhole(List<FieldProblem> problems, Map<String, Object> data, String key, int max) {
    Object value = data.get(key);
    if (value != null && !(value instanceof Number n && n.doubleValue() == Math.floor(n.doubleValue())
        && n.intValue() >= 1 && n.intValue() <= max)) {
      problems.add(new FieldProblem("data." + key, "validation.range"));
    }
  }

  private static void checkDate(List<FieldProblem> problems, Map<String, Object> data, String key) {
    Object value = data.get(key);
    if (!blank(value)) {
      try {
        java.time.LocalDate.parse(value.toString());
      } catch (java.time.format.DateTimeParseException e) {
        problems.add(new FieldProblem("data." + key, "validation.type"));
      }
    }
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
