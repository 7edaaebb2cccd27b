package cn.minzheng.approvals.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 503 problem+json while the database is down, for failures outside the controllers too: HTTP Basic
 * checks every password against Camunda's identity tables in the security filters, where
 * {@link ApiExceptionHandler} never sees the exception (it would end as a bare 500).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
  static final String KEY = "error.unavailable";

  private final MessageSource messages;
  private final ObjectMapper json;

  public DatabaseUnavailableFilter(MessageSource messages, ObjectMapper json) {
    this.messages = messages;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException e) {
      if (!DatabaseFailures.isConnectionFailure(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(), e.getClass().getSimpleName());
      response.resetBuffer();
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader("Retry-After", "5");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Locale locale = request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "about:blank");
      body.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
      body.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
      body.put("detail", messages.getMessage(KEY, null, KEY, locale));
      body.put("instance", request.getRequestURI());
      body.put("detail_en", messages.getMessage(KEY, null, KEY, Locale.ENGLISH));
      body.put("code", KEY);
      json.writeValue(response.getOutputStream(), body);
    }
  }
}
