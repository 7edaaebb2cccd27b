package cn.minzheng.approvals.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal we answer with problem+json: the status, a message key resolved in Chinese and English,
 * and for bad input the fields at fault.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String messageKey;
  private final Object[] args;
  private final List<FieldProblem> fieldProblems;

  public ApiException(HttpStatus status, String messageKey, Object... args) {
    this(status, List.of(), messageKey, args);
  }

  public ApiException(HttpStatus status, List<FieldProblem> fieldProblems, String messageKey, Object... args) {
    super(messageKey);
    this.status = status;
    this.messageKey = messageKey;
    this.args = args;
    this.fieldProblems = List.copyOf(fieldProblems);
  }

  public static ApiException notFound() {
    return new ApiException(HttpStatus.NOT_FOUND, "error.not-found");
  }

  public static ApiException conflict(String key, Object... args) {
    return new ApiException(HttpStatus.CONFLICT, key, args);
  }

  public static ApiException badRequest(String key, Object... args) {
    return new ApiException(HttpStatus.BAD_REQUEST, key, args);
  }

  public static ApiException invalid(List<FieldProblem> problems) {
    return new ApiException(HttpStatus.BAD_REQUEST, problems, "error.validation");
  }

  public static ApiException forbidden() {
    return new ApiException(HttpStatus.FORBIDDEN, "error.forbidden");
  }

  public HttpStatus status() { return status; }
  public String messageKey() { return messageKey; }
  public Object[] args() { return args; }
  public List<FieldProblem> fieldProblems() { return fieldProblems; }

  /** One bad field: its JSON path and a message key with arguments. */
  public record FieldProblem(String field, String messageKey, Object... args) {
  }
}
