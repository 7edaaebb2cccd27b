package cn.minzheng.approvals.linshi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.calendar.WorkdayCalendar;
import cn.minzheng.approvals.config.TimeConfig;
import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/**
 * 先行救助 paid: records in the application's data the amount and the date by which the papers must be
 * completed ({@code paperDeadline} working days from today), which the 先行救助告知书 states.
 */
@ProcessBean
@Component("recordAdvanceReliefDelegate")
public class RecordAdvanceReliefDelegate implements JavaDelegate {

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final ApplicationService applications;
  private final WorkdayCalendar workdays;

  public RecordAdvanceReliefDelegate(ApplicationService applications, WorkdayCalendar workdays) {
    this.applications = applications;
    this.workdays = workdays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    Number paid = (Number) execution.getVariable(LinshiProcess.VAR_ADVANCE_AMOUNT);
    int days = ((Number) execution.getVariable(LinshiProcess.VAR_PAPER_DEADLINE)).intValue();
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(TimeConfig.BEIJING).toLocalDate();
    LocalDate due = workdays.addLenient(today, days);
    Map<String, Object> entries = new LinkedHashMap<>();
    entries.put(LinshiProcess.VAR_ADVANCE_AMOUNT,
        new BigDecimal(paid.toString()).setScale(2, RoundingMode.HALF_UP).toPlainString());
    entries.put("advancePaidDate", CHINESE_DATE.format(today));
    entries.put("paperDeadlineDays", days);
    entries.put("paperDue", CHINESE_DATE.format(due));
    applications.recordData(applicationId, entries);
  }
}
