package cn.minzheng.approvals.admin.check;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;

/**
 * A deployment refused by the model checks. A {@link ParseException}, so that /engine-rest answers it
 * as a bad request with the problems, as it does the engine's own parse errors.
 */
public class ModelCheckException extends ParseException {

  private final transient List<ModelProblem> problems;

  public ModelCheckException(String resourceName, List<ModelProblem> problems) {
    super("模型检查未通过，未部署任何内容 / the model checks failed, nothing was deployed:\n"
            + problems.stream().map(ModelProblem::describe).collect(Collectors.joining("\n")),
        resourceName, problems.stream().map(ModelCheckException::asProblem).toList(), List.of());
    this.problems = List.copyOf(problems);
  }

  public List<ModelProblem> problems() {
    return problems;
  }

  private static Problem asProblem(ModelProblem problem) {
    return new Problem() {
      @Override public String getMessage() { return problem.describe(); }
      @Override public int getLine() { return 0; }
      @Override public int getColumn() { return 0; }
      @Override public String getMainElementId() { return problem.element(); }
      @Override public List<String> getElementIds() { return List.of(problem.element()); }
    };
  }
}
