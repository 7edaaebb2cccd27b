package cn.minzheng.approvals.process;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationTypes;

/** Application type → its approval model. */
@Component
public class CaseProcesses {

  private final Map<String, CaseProcess> byType = Map.of(ApplicationTypes.DIBAO, DibaoProcess.INSTANCE);

  public CaseProcess forType(String type) {
    return Optional.ofNullable(byType.get(type)).orElseThrow(() -> new IllegalArgumentException("no process for " + type));
  }

  public Optional<CaseProcess> forKey(String processKey) {
    return byType.values().stream().filter(p -> p.key().equals(processKey)).findFirst();
  }
}
