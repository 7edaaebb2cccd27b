package cn.minzheng.approvals.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import cn.minzheng.approvals.common.IdNumbers;
import cn.minzheng.approvals.process.CaseProcesses;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/** Field and cross-field rules of a new application; every problem is reported at once. */
@Component
public class ApplicationRequestValidator {

  private static final Pattern PHONE = Pattern.compile("[0-9+\\-]{7,20}");
  private static final Pattern BANK_ACCOUNT = Pattern.compile("\\d{8,30}");
  private static final int NAME_MAX = 50;
  private static final int TEXT_MAX = 1000;

  private final Clock clock;
  private final CaseProcesses processes;

  public ApplicationRequestValidator(Clock clock, CaseProcesses processes) {
    this.clock = clock;
    this.processes = processes;
  }

  public List<FieldProblem> validate(ApplicationRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    if (blank(request.type())) {
      problems.add(new FieldProblem("type", "validation.required"));
    } else if (!processes.supports(request.type())) {
      problems.add(new FieldProblem("type", "validation.type.unsupported"));
    }
    if (blank(request.regionCode())) {
      problems.add(new FieldProblem("regionCode", "validation.required"));
    }
    var applicant = request.applicant();
    if (applicant == null) {
      problems.add(new FieldProblem("applicant", "validation.required"));
    } else {
      text(problems, "applicant.name", applicant.name(), NAME_MAX, true);
      idNumber(problems, "applicant.idNumber", applicant.idNumber(), today);
      if (applicant.phone() != null && !PHONE.matcher(applicant.phone()).matches()) {
        problems.add(new FieldProblem("applicant.phone", "validation.phone"));
      }
    }
    boolean household = !processes.supports(request.type()) || processes.forType(request.type()).householdRequired();
    if (household || request.members() != null && !request.members().isEmpty()) {
      members(problems, request, today);
    }
    if (processes.supports(request.type())) {
      problems.addAll(processes.forType(request.type()).validateData(request));
    }
    if (request.bankAccount() != null && !BANK_ACCOUNT.matcher(request.bankAccount()).matches()) {
      problems.add(new FieldProblem("bankAccount", "validation.type"));
    }
    text(problems, "bankName", request.bankName(), NAME_MAX, false);
    text(problems, "reason", request.reason(), TEXT_MAX, false);
    if (request.materials() != null) {
      for (int i = 0; i < request.materials().size(); i++) {
        var material = request.materials().get(i);
        String field = "materials[" + i + "]";
        if (material == null || blank(material.kind())) {
          problems.add(new FieldProblem(field + ".kind", "validation.required"));
        } else if (!ApplicationTypes.MATERIAL_KINDS.contains(material.kind())) {
          problems.add(new FieldProblem(field + ".kind", "validation.enum"));
        }
        if (material != null) {
          text(problems, field + ".description", material.description(), 200, false);
        }
      }
    }
    return problems;
  }

  private void members(List<FieldProblem> problems, ApplicationRequest request, LocalDate today) {
    List<ApplicationRequest.Member> members = request.members();
    if (members == null || members.isEmpty()) {
      problems.add(new FieldProblem("members", "validation.members.empty"));
      return;
    }
    Set<String> seen = new HashSet<>();
    boolean anyCoResident = false;
    for (int i = 0; i < members.size(); i++) {
      String field = "members[" + i + "]";
      ApplicationRequest.Member member = members.get(i);
      if (member == null) {
        problems.add(new FieldProblem(field, "validation.required"));
        continue;
      }
      text(problems, field + ".name", member.name(), NAME_MAX, true);
      if (idNumber(problems, field + ".idNumber", member.idNumber(), today) && !seen.add(member.idNumber())) {
        problems.add(new FieldProblem(field + ".idNumber", "validation.members.duplicate"));
      }
      oneOf(problems, field + ".relation", member.relation(), ApplicationTypes.RELATIONS, true);
      oneOf(problems, field + ".workAbility", member.workAbility(), ApplicationTypes.WORK_ABILITIES, false);
      oneOf(problems, field + ".disability", member.disability(), ApplicationTypes.DISABILITIES, false);
      if (member.coResident() == null) {
        problems.add(new FieldProblem(field + ".coResident", "validation.required"));
      } else if (member.coResident()) {
        anyCoResident = true;
      }
      BigDecimal income = member.monthlyIncome();
      if (income == null && member.incomes() == null) {
        problems.add(new FieldProblem(field + ".monthlyIncome", "validation.required"));
      } else if (income != null && income.signum() < 0) {
        problems.add(new FieldProblem(field + ".monthlyIncome", "validation.amount.negative"));
      }
      if (member.incomes() != null) {
        var incomes = member.incomes();
        for (BigDecimal part : new BigDecimal[] {incomes.wage(), incomes.business(), incomes.property(),
            incomes.transfer(), incomes.other()}) {
          if (part != null && part.signum() < 0) {
            problems.add(new FieldProblem(field + ".incomes", "validation.amount.negative"));
            break;
          }
        }
        if (income != null && incomes.total().compareTo(income) != 0) {
          problems.add(new FieldProblem(field + ".incomes", "validation.income.mismatch"));
        }
      }
    }
    if (!anyCoResident) {
      problems.add(new FieldProblem("members", "validation.members.no-co-resident"));
    }
    var applicant = request.applicant();
    if (applicant != null && applicant.idNumber() != null && !seen.contains(applicant.idNumber())) {
      problems.add(new FieldProblem("members", "validation.members.applicant"));
    }
  }

  private static boolean idNumber(List<FieldProblem> problems, String field, String id, LocalDate today) {
    if (blank(id)) {
      problems.add(new FieldProblem(field, "validation.required"));
      return false;
    }
    var problem = IdNumbers.problem(id, today);
    problem.ifPresent(key -> problems.add(new FieldProblem(field, key)));
    return problem.isEmpty();
  }

  private static void oneOf(List<FieldProblem> problems, String field, String value, Set<String> allowed, boolean required) {
    if (blank(value)) {
      if (required) {
        problems.add(new FieldProblem(field, "validation.required"));
      }
    } else if (!allowed.contains(value)) {
      problems.add(new FieldProblem(field, "validation.enum"));
    }
  }

  private static void text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
    if (blank(value)) {
      if (required) {
        problems.add(new FieldProblem(field, "validation.required"));
      }
    } else if (value.length() > max) {
      problems.add(new FieldProblem(field, "validation.too-long", max));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
