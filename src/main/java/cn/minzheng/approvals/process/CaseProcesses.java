package cn.minzheng.approvals.process;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Application type → its approval model: every {@link CaseProcess} bean. */
@Component
public class CaseProcesses {

  private final Map<String, CaseProcess> byType;

  public CaseProcesses(List<CaseProcess> processes) {
    this.byType = processes.stream().collect(Collectors.toUnmodifiableMap(CaseProcess::type, Function.identity()));
  }

  public CaseProcess forType(String type) {
    return Optional.ofNullable(byType.get(type)).orElseThrow(() -> new IllegalArgumentException("no process for " + type));
  }

  public boolean supports(String type) {
    return type != null && byType.containsKey(type);
  }

  public Set<String> types() {
    return byType.keySet();
  }

  public Optional<CaseProcess> forKey(String processKey) {
    return byType.values().stream().filter(p -> p.key().equals(processKey)).findFirst();
  }
}
