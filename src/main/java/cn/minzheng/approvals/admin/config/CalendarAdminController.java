package cn.minzheng.approvals.admin.config;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.approvals.admin.AdminAction;
import cn.minzheng.approvals.security.CurrentUser;

/** The working-day calendar for administrators: list, read, add a year, correct a year, its history. */
@RestController
@RequestMapping("/api/admin/calendar")
public class CalendarAdminController {

  private final CalendarAdmin calendar;
  private final ConfigProblems problems;

  public CalendarAdminController(CalendarAdmin calendar, ConfigProblems problems) {
    this.calendar = calendar;
    this.problems = problems;
  }

  @GetMapping
  public List<CalendarAdmin.YearSummary> years(@AuthenticationPrincipal CurrentUser user) {
    AdminOnly.require(user);
    return calendar.years();
  }

  @GetMapping("/{year:\\d{4}}")
  public CalendarAdmin.Year year(@PathVariable int year, @AuthenticationPrincipal CurrentUser user) {
    AdminOnly.require(user);
    return calendar.year(year);
  }

  @PostMapping("/{year:\\d{4}}")
  @ResponseStatus(HttpStatus.CREATED)
  public CalendarAdmin.Year add(@PathVariable int year, @RequestBody CalendarYearRequest request,
                                @AuthenticationPrincipal CurrentUser user) {
    return calendar.add(year, request, AdminOnly.require(user));
  }

  @PutMapping("/{year:\\d{4}}")
  public CalendarAdmin.Year replace(@PathVariable int year, @RequestBody CalendarYearRequest request,
                                    @AuthenticationPrincipal CurrentUser user) {
    return calendar.replace(year, request, AdminOnly.require(user));
  }

  @GetMapping("/{year:\\d{4}}/history")
  public List<AdminAction> history(@PathVariable int year, @AuthenticationPrincipal CurrentUser user) {
    AdminOnly.require(user);
    return calendar.history(year);
  }

  @ExceptionHandler(ConfigRefusedException.class)
  public ResponseEntity<ProblemDetail> refused(ConfigRefusedException e) {
    return problems.answer(e);
  }
}
