package cn.minzheng.approvals.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import cn.minzheng.approvals.calendar.WorkdayCalendar.CalendarYearMissingException;

/**
 * The one table that maps our and Camunda's exceptions to problem+json, with {@code detail} in the
 * request's language (Chinese unless {@code Accept-Language: en}) and {@code detail_en} always.
 * Ahead of Boot's problem-details handler (order 0), which would otherwise answer the framework
 * exceptions mapped here (unreadable JSON, missing parameters, uploads too large) in English only.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

  private final MessageSource messages;
  private final DataSize maxFileSize;

  public ApiExceptionHandler(MessageSource messages,
                             @Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize maxFileSize) {
    this.messages = messages;
    this.maxFileSize = maxFileSize;
  }

  @ExceptionHandler(ApiException.class)
  public ResponseEntity<ProblemDetail> handle(ApiException e) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (ApiException.FieldProblem p : e.fieldProblems()) {
      errors.add(Map.of("field", p.field(), "message", text(p.messageKey(), p.args(), locale())));
    }
    return problem(e.status(), e.messageKey(), e.args(), errors);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  public ResponseEntity<ProblemDetail> handle(MethodArgumentNotValidException e) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
    }
    return problem(HttpStatus.BAD_REQUEST, "error.validation", new Object[0], errors);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<ProblemDetail> handle(HttpMessageNotReadableException e) {
    List<Map<String, String>> errors = new ArrayList<>();
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping);
      String key = mapping instanceof InvalidFormatException format && format.getTargetType() != null
          && format.getTargetType().isEnum() ? "validation.enum" : "validation.type";
      errors.add(Map.of("field", field, "message", text(key, new Object[0], locale())));
    }
    return problem(HttpStatus.BAD_REQUEST, errors.isEmpty() ? "error.unreadable" : "error.validation", new Object[0], errors);
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
      IllegalArgumentException.class})
  public ResponseEntity<ProblemDetail> handleBadParameter(Exception e) {
    return problem(HttpStatus.BAD_REQUEST, "error.bad-parameter", new Object[0], List.of());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  public ResponseEntity<ProblemDetail> handle(MaxUploadSizeExceededException e) {
    // the servlet container refused the upload while reading it, before any controller ran
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "material.too-large", new Object[] {maxFileSize.toMegabytes()}, List.of());
  }

  @ExceptionHandler(CalendarYearMissingException.class)
  public ResponseEntity<ProblemDetail> handle(CalendarYearMissingException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "error.calendar-year-missing", new Object[] {String.valueOf(e.year())}, List.of());
  }

  @ExceptionHandler({OptimisticLockingException.class, DuplicateKeyException.class})
  public ResponseEntity<ProblemDetail> handleConcurrent(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "error.concurrent-change", new Object[0], List.of());
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  public ResponseEntity<ProblemDetail> handle(DataIntegrityViolationException e) {
    // a value the validation let through but the database cannot hold (a NUL character, a number beyond
    // its column): the transaction rolled back, the client sent something unusable — not a server fault
    log.info("Refused by the database: {}", e.getMostSpecificCause().getClass().getSimpleName());
    return problem(HttpStatus.BAD_REQUEST, "error.validation", new Object[0], List.of());
  }

  @ExceptionHandler(NullValueException.class)
  public ResponseEntity<ProblemDetail> handle(NullValueException e) {
    // the engine no longer finds what we looked up a moment ago: someone else finished it
    return problem(HttpStatus.CONFLICT, "error.concurrent-change", new Object[0], List.of());
  }

  @ExceptionHandler({AuthorizationException.class, AccessDeniedException.class})
  public ResponseEntity<ProblemDetail> handleForbidden(RuntimeException e) {
    return problem(HttpStatus.FORBIDDEN, "error.forbidden", new Object[0], List.of());
  }

  @ExceptionHandler(TransientDataAccessException.class)
  public ResponseEntity<ProblemDetail> handleDatabaseDown(TransientDataAccessException e) {
    log.warn("Database unavailable: {}", e.getClass().getSimpleName());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable", new Object[0], List.of());
  }

  private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, Object[] args, List<Map<String, String>> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, text(key, args, locale()));
    body.setType(URI.create("about:blank"));
    body.setProperty("detail_en", text(key, args, Locale.ENGLISH));
    body.setProperty("code", key);
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).contentType(PROBLEM).body(body);
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private String text(String key, Object[] args, Locale locale) {
    return messages.getMessage(key, args, key, locale);
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
