package cn.minzheng.approvals.yanglao;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationData;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/**
 * 安置: takes a free bed in the wished-for institution (any of the district when none was named), records
 * {@code institutionCode} and {@code bed} in the application's data; with no bed free the case joins the
 * 轮候 queue with its priority and records what the 轮候通知书 says (place in the queue, institution, priority
 * category; the notice itself sets the status {@code waiting}). Sets {@code placed}.
 */
@ProcessBean
@Component("placeResidentDelegate")
public class PlaceResidentDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final YanglaoBeds beds;

  public PlaceResidentDelegate(ApplicationService applications, YanglaoBeds beds) {
    this.applications = applications;
    this.beds = beds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = ((Number) execution.getVariable(ProcessVariables.APPLICATION_ID)).longValue();
    ApplicationRecord application = applications.getForProcess(applicationId);
    Map<String, Object> data = ApplicationData.asMap(application.getDataJson());
    String wished = (String) data.get("institutionCode");
    boolean nursing = Boolean.TRUE.equals(execution.getVariable(YanglaoProcess.VAR_NURSING));
    Bed bed = beds.place(applicationId, wished, application.getDistrictCode(), nursing);
    if (bed != null) {
      Institution institution = beds.institution(bed.institutionCode());
      Map<String, Object> placement = new java.util.HashMap<>();
      placement.put("institutionCode", bed.institutionCode());
      placement.put("institutionName", institution.name());
      placement.put("bed", bed.bedNo());
      placement.put("nursingBed", bed.nursing() == 1);
      // what the 服务协议 needs from the assessment and decision forms
      for (String name : new String[] {"emergencyContact", "emergencyPhone", "monthlyFee"}) {
        Object value = execution.getVariable(name);
        placement.put(name, value == null ? "" : value.toString());
      }
      applications.recordData(application.getId(), placement);
      execution.setVariable("institutionCode", bed.institutionCode());
      execution.setVariable("bed", bed.bedNo());
    } else {
      beds.enqueue(application, wished, nursing, YanglaoProcess.priorityRank(data));
      applications.recordData(application.getId(), beds.queueFacts(applicationId, wished, data));
    }
    execution.setVariable(YanglaoProcess.VAR_PLACED, bed != null);
  }
}
