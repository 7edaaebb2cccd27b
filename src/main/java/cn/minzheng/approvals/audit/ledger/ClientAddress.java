package cn.minzheng.approvals.audit.ledger;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where the current HTTP request comes from (the socket's peer: a reverse proxy in front should be
 * configured with server.forward-headers-strategy so this is the client's address); null off a request
 * (timers, jobs, start-up).
 */
final class ClientAddress {

  private ClientAddress() {
  }

  static String current() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      return servlet.getRequest().getRemoteAddr();
    }
    return null;
  }

  /** The path of the current request, or null. */
  static String path() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      return servlet.getRequest().getServletPath();
    }
    return null;
  }
}
