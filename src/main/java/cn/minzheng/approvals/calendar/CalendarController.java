package cn.minzheng.approvals.calendar;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  private final WorkdayCalendar calendar;

  public CalendarController(WorkdayCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping("/workdays")
  public WorkdayAnswer workdays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam int add) {
    return new WorkdayAnswer(from, add, calendar.add(from, add));
  }

  public record WorkdayAnswer(LocalDate from, int add, LocalDate date) {
  }
}
