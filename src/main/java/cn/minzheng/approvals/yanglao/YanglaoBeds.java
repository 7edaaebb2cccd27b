package cn.minzheng.approvals.yanglao;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.web.ApiException;

/**
 * Beds of the institutions: placing a person (one conditional UPDATE, retried while a free bed is left),
 * the 轮候 queue, and freeing a bed, which places the first waiter (priority, then time) at once.
 */
@Service
public class YanglaoBeds {

  /** Attempts of the conditional UPDATE: each lost race means another placement took a bed meanwhile. */
  private static final int ATTEMPTS = 5;

  private final YanglaoBedMapper beds;
  private final RuntimeService runtime;
  private final Clock clock;

  public YanglaoBeds(YanglaoBedMapper beds, RuntimeService runtime, Clock clock) {
    this.beds = beds;
    this.runtime = runtime;
    this.clock = clock;
  }

  public List<Institution> institutions() {
    return beds.findInstitutions();
  }

  /** Takes a free bed for the application; null when none is free (nursing: only a 护理床位 will do). */
  @Transactional
  public Bed place(long applicationId, String institutionCode, String districtCode, boolean nursing) {
    Bed held = beds.findBedOf(applicationId);
    if (held != null) {
      return held;
    }
    int need = nursing ? 1 : 0;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (beds.takeBed(applicationId, institutionCode, districtCode, need) == 1) {
        beds.dequeue(applicationId);
        return beds.findBedOf(applicationId);
      }
      if (beds.countFreeBeds(institutionCode, districtCode, need) == 0) {
        return null;
      }
    }
    return null;
  }

  /** Puts the application in the 轮候 queue (once: a re-check keeps its place). */
  @Transactional
  public void enqueue(ApplicationRecord application, String institutionCode, boolean nursing, int priorityRank) {
    if (beds.isQueued(application.getId()) == 0) {
      beds.enqueue(application.getId(), institutionCode, application.getDistrictCode(), nursing ? 1 : 0, priorityRank,
          LocalDateTime.now(clock));
    }
  }

  /**
   * What the 轮候通知书 tells the waiter, as entries of the application's data: {@code queuedPosition} (1 = next),
   * {@code queuedInstitutionName} (absent when any institution of the district will do) and {@code queuedPriority}
   * (the first priority flag that counts: tekun, alone, disabled, aged80, or none).
   */
  public Map<String, Object> queueFacts(long applicationId, String institutionCode, Map<String, Object> data) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("queuedPosition", beds.queuePosition(applicationId));
    Institution institution = institutionCode == null ? null : beds.findInstitution(institutionCode);
    if (institution != null) {
      facts.put("queuedInstitutionName", institution.name());
    }
    int rank = YanglaoProcess.priorityRank(data);
    facts.put("queuedPriority", rank <= YanglaoProcess.PRIORITY_FLAGS.size() ? YanglaoProcess.PRIORITY_FLAGS.get(rank - 1) : "none");
    return facts;
  }

  public boolean isQueued(long applicationId) {
    return beds.isQueued(applicationId) > 0;
  }

  /**
   * Frees a bed (the resident left) and hands it to the first waiter that fits it; returns that waiter's
   * application id, or null when nobody waits for it.
   */
  @Transactional
  public Long release(String institutionCode, String bedNo, String districtCode) {
    Bed bed = beds.findBed(institutionCode, bedNo);
    if (bed == null || beds.releaseBed(institutionCode, bedNo) == 0) {
      throw ApiException.notFound();
    }
    Long waiter = beds.nextWaiter(institutionCode, districtCode, bed.nursing());
    if (waiter != null) {
      runtime.createMessageCorrelation(YanglaoProcess.MESSAGE_BED_FREE)
          .processInstanceBusinessKey(String.valueOf(waiter)).correlate();
    }
    return waiter;
  }

  public Institution institution(String code) {
    return beds.findInstitution(code);
  }
}
