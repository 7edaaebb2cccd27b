package cn.minzheng.approvals.process;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link CaseProcess} described by its tables: what each type declares once in its constructor
 * (identity, decisions per task, stages needing full IDs, return targets, the refusing stages).
 */
public abstract class AbstractCaseProcess implements CaseProcess {

  private final String type;
  private final String key;
  private final String numberPrefix;
  private final Map<String, Set<Decision>> decisions;
  private final Set<String> fullIdStages;
  private final Map<String, List<String>> returnTargets;
  private final Set<String> finalDecisionStages;

  protected AbstractCaseProcess(String type, String key, String numberPrefix, Map<String, Set<Decision>> decisions,
                                Set<String> fullIdStages, Map<String, List<String>> returnTargets,
                                Set<String> finalDecisionStages) {
    this.type = type;
    this.key = key;
    this.numberPrefix = numberPrefix;
    this.decisions = Map.copyOf(decisions);
    this.fullIdStages = Set.copyOf(fullIdStages);
    this.returnTargets = Map.copyOf(returnTargets);
    this.finalDecisionStages = Set.copyOf(finalDecisionStages);
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String numberPrefix() {
    return numberPrefix;
  }

  @Override
  public Map<String, Set<Decision>> decisions() {
    return decisions;
  }

  @Override
  public Set<String> fullIdStages() {
    return fullIdStages;
  }

  @Override
  public List<String> returnTargets(String taskKey) {
    return returnTargets.getOrDefault(taskKey, List.of());
  }

  @Override
  public boolean isFinalDecisionStage(String taskKey) {
    return finalDecisionStages.contains(taskKey);
  }
}
