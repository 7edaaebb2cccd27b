package cn.minzheng.approvals.admin.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command-line check of the repository's models: {@code processes/} and {@code forms/} as one set,
 * as {@link cn.minzheng.approvals.process.ModelDeployer} deploys them. Prints every problem and exits
 * with 1 when there is any. Run by the Maven build (phase verify) and by hand:
 * {@code java -cp target/classes:… cn.minzheng.approvals.admin.check.ModelCheckCommand [dir…]}.
 */
public final class ModelCheckCommand {

  private ModelCheckCommand() {
  }

  public static void main(String[] args) throws IOException {
    List<Path> roots = new ArrayList<>();
    for (String arg : args.length == 0 ? new String[] {"processes", "forms"} : args) {
      roots.add(Path.of(arg));
    }
    List<ModelProblem> problems = check(roots);
    problems.forEach(p -> System.out.println(p.describe()));
    if (!problems.isEmpty()) {
      System.out.println(problems.size() + " 个问题 / problems");
      System.exit(1);
    }
    System.out.println("模型检查通过 / models pass: " + roots);
  }

  /** Every .bpmn, .dmn and .form file under the roots, checked together. */
  public static List<ModelProblem> check(List<Path> roots) throws IOException {
    List<ModelResource> set = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        throw new IOException("not a directory: " + root.toAbsolutePath());
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          ModelResource resource = new ModelResource(root.getFileName() + "/" + root.relativize(file), Files.readAllBytes(file));
          if (resource.kind() != ModelResource.Kind.OTHER) {
            set.add(resource);
          }
        }
      }
    }
    return new ModelChecker(ProcessVocabulary.scan()).check(set,
        ModelCatalog.offline(group -> ModelChecker.GROUP_PATTERN.matcher(group).matches()));
  }
}
