package cn.minzheng.approvals.linshi;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.Instalment;
import cn.minzheng.approvals.application.InstalmentMapper;
import cn.minzheng.approvals.config.TimeConfig;
import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/**
 * 分次发放: the approved amount ({@code amount}) in the number of instalments the approver set (1 when none),
 * from {@code firstPaymentDate} (default today) every {@code intervalMonths} months (default 1), as rows of
 * {@code mz_instalment} that {@code GET /api/applications/{id}} shows.
 */
@ProcessBean
@Component("scheduleInstalmentsDelegate")
public class ScheduleInstalmentsDelegate implements JavaDelegate {

  private final InstalmentMapper instalments;

  public ScheduleInstalmentsDelegate(InstalmentMapper instalments) {
    this.instalments = instalments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    BigDecimal total = new BigDecimal(execution.getVariable("amount").toString());
    int count = intOr(execution.getVariable(LinshiProcess.VAR_INSTALMENTS), 1);
    int interval = intOr(execution.getVariable(LinshiProcess.VAR_INTERVAL_MONTHS), 1);
    Object first = execution.getVariable(LinshiProcess.VAR_FIRST_PAYMENT_DATE);
    LocalDate start = first instanceof String date && !date.isBlank() ? LocalDate.parse(date)
        : ClockUtil.getCurrentTime().toInstant().atZone(TimeConfig.BEIJING).toLocalDate();
    instalments.deleteScheduled(applicationId);
    Instalment.schedule(applicationId, total, count, start, interval).forEach(instalments::insert);
  }

  private static int intOr(Object value, int fallback) {
    return value instanceof Number n ? n.intValue() : fallback;
  }
}
