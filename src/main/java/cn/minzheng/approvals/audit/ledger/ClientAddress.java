package cn.minzheng.approvals.audit.ledger;

import java.io.IOException;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the current HTTP request comes from, for ledger rows (the socket's peer: behind a reverse proxy
 * set server.forward-headers-strategy so this is the client's address); null off a request (timers,
 * jobs, start-up). A filter ahead of Spring Security keeps the request at hand for the login events,
 * which fire before Spring MVC sets up its own request context.
 */
@Configuration(proxyBeanMethods = false)
public class ClientAddress {

  private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();

  static String current() {
    HttpServletRequest request = request();
    return request == null ? null : request.getRemoteAddr();
  }

  /** The path of the current request within the application, or null. */
  static String path() {
    HttpServletRequest request = request();
    return request == null ? null : request.getServletPath();
  }

  private static HttpServletRequest request() {
    HttpServletRequest request = CURRENT.get();
    if (request != null) {
      return request;
    }
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
  }

  @Bean
  FilterRegistrationBean<Filter> ledgerClientAddressFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter() {
      @Override
      public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
          throws IOException, ServletException {
        HttpServletRequest previous = CURRENT.get();
        CURRENT.set((HttpServletRequest) request);
        try {
          chain.doFilter(request, response);
        } finally {
          if (previous == null) {
            CURRENT.remove();
          } else {
            CURRENT.set(previous);
          }
        }
      }
    });
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
