package cn.minzheng.approvals.admin.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an administrator's template text may not contain, found before it is ever run: the built-ins
 * that create objects, reach the Java API or compile strings as code (the locked-down configuration
 * refuses the first two as well; {@code ?eval} and {@code ?interpret} would let a template build
 * directives the checks here never saw), turning HTML auto-escaping off ({@code ?no_esc},
 * {@code #noautoesc}, {@code #outputformat}, an {@code #ftl} header that sets either), and includes or
 * imports of anything but the shared parts ({@code _layout.ftlh}) and, in a type's own template, the
 * shared notice templates ({@code /publicity.ftlh}), by a literal name.
 */
final class TemplateSafetyCheck {

  static final int MAX_LENGTH = 100_000;
  private static final Pattern FORBIDDEN_BUILTIN =
      Pattern.compile("\\?\\s*(new|api|eval|eval_json|interpret)\\b");
  /** Ways to turn HTML auto-escaping off, which would let an applicant's text become markup in a notice. */
  private static final Pattern ESCAPING_OFF =
      Pattern.compile("\\?\\s*no_esc\\b|[<\\[]#\\s*(noautoesc|outputformat)\\b|[<\\[]#ftl\\b[^>\\]]*\\b(auto_esc|output_format)\\b");
  private static final Pattern INCLUDE = Pattern.compile("[<\\[]#\\s*(include|import)\\b\\s*([^>\\]]*)");
  /** A shared part, by a literal name. */
  private static final Pattern PART_TARGET = Pattern.compile("^([\"'])/?_[a-z]+\\.ftlh\\1(\\s.*)?$", Pattern.DOTALL);
  /**
   * A shared part or a shared notice template, by a literal name: what a type's template may include. The
   * shared templates include parts only, so no chain of includes can come back to where it started.
   */
  private static final Pattern SHARED_TARGET =
      Pattern.compile("^([\"'])/?(_[a-z]+|[a-z][a-z_]*)\\.ftlh\\1(\\s.*)?$", Pattern.DOTALL);

  private TemplateSafetyCheck() {
  }

  /** The problems of {@code source} as the text of {@code templateName} ({@code rejected.ftlh}, {@code dibao/rejected.ftlh}). */
  static List<ConfigProblem> check(String templateName, String source) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (source == null || source.isBlank()) {
      problems.add(new ConfigProblem("content", "content-required", "notice-template.content-required"));
      return problems;
    }
    if (source.length() > MAX_LENGTH) {
      problems.add(new ConfigProblem("content", "too-large", "notice-template.too-large", MAX_LENGTH));
      return problems;
    }
    Matcher builtin = FORBIDDEN_BUILTIN.matcher(source);
    while (builtin.find()) {
      problems.add(new ConfigProblem("content", "builtin-" + builtin.group(1).toLowerCase(Locale.ROOT),
          "notice-template.builtin-forbidden", "?" + builtin.group(1), line(source, builtin.start())));
    }
    Matcher escaping = ESCAPING_OFF.matcher(source);
    while (escaping.find()) {
      problems.add(new ConfigProblem("content", "escaping-off", "notice-template.escaping-off", escaping.group().strip(),
          line(source, escaping.start())));
    }
    Pattern allowed = templateName.contains("/") ? SHARED_TARGET : PART_TARGET;
    Matcher include = INCLUDE.matcher(source);
    while (include.find()) {
      String target = include.group(2).strip();
      if (!allowed.matcher(target).matches()) {
        problems.add(new ConfigProblem("content", "include-forbidden", "notice-template.include-forbidden",
            "#" + include.group(1), abbreviate(target), line(source, include.start())));
      }
    }
    return problems;
  }

  private static int line(String source, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
