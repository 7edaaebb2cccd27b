package cn.minzheng.approvals.admin.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The problem+json of a refused configuration change. Like the application's other refusals
 * (detail in the request's language, detail_en), and each error carries its message in both
 * languages, since an administrator may forward it to someone who reads the other.
 */
@Component
class ConfigProblems {

  private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

  private final MessageSource messages;

  ConfigProblems(MessageSource messages) {
    this.messages = messages;
  }

  ResponseEntity<ProblemDetail> answer(ConfigRefusedException e) {
    Object[] count = {e.problems().size()};
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        messages.getMessage(e.summaryKey(), count, LocaleContextHolder.getLocale()));
    body.setType(URI.create("about:blank"));
    body.setProperty("detail_en", messages.getMessage(e.summaryKey(), count, Locale.ENGLISH));
    body.setProperty("code", e.summaryKey());
    body.setProperty("errors", describe(e.problems()));
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(PROBLEM).body(body);
  }

  List<Map<String, String>> describe(List<ConfigProblem> problems) {
    return problems.stream().map(this::error).toList();
  }

  private Map<String, String> error(ConfigProblem problem) {
    Map<String, String> error = new LinkedHashMap<>();
    error.put("field", problem.field());
    error.put("rule", problem.rule());
    error.put("message", messages.getMessage(problem.messageKey(), problem.args(), LocaleContextHolder.getLocale()));
    error.put("message_zh", messages.getMessage(problem.messageKey(), problem.args(), Locale.SIMPLIFIED_CHINESE));
    error.put("message_en", messages.getMessage(problem.messageKey(), problem.args(), Locale.ENGLISH));
    return error;
  }
}
