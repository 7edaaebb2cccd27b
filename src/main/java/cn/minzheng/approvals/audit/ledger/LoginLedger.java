package cn.minzheng.approvals.audit.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.security.CurrentUser;

/**
 * Logins into the ledger, from Spring Security's events: who, when, from where. A sign-in at the login
 * page is {@code login}; a failed attempt of any kind {@code login_failed} (with the name tried and the
 * reason); an API client authenticating with HTTP Basic (it does on every request) is {@code api_login},
 * once per user and client address per {@code approvals.ledger.api-login-interval}.
 */
@Component
public class LoginLedger {

  static final String LOGIN_PATH = "/login";

  private final Ledger ledger;
  private final Clock clock;
  private final Duration apiLoginInterval;
  private final Map<String, Instant> lastApiLogin = new ConcurrentHashMap<>();

  public LoginLedger(Ledger ledger, Clock clock,
                     @Value("${approvals.ledger.api-login-interval:PT1H}") Duration apiLoginInterval) {
    this.ledger = ledger;
    this.clock = clock;
    this.apiLoginInterval = apiLoginInterval;
  }

  @EventListener
  public void onSuccess(AuthenticationSuccessEvent event) {
    String user = nameOf(event.getAuthentication());
    if (LOGIN_PATH.equals(ClientAddress.path())) {
      ledger.append(user, "login", "user:" + user, Map.of("method", "form"));
      return;
    }
    String key = user + "|" + ClientAddress.current();
    Instant now = clock.instant();
    Instant last = lastApiLogin.get(key);
    if (last == null || !now.isBefore(last.plus(apiLoginInterval))) {
      lastApiLogin.put(key, now);
      ledger.append(user, "api_login", "user:" + user, Map.of("method", "basic"));
    }
  }

  @EventListener
  public void onFailure(AbstractAuthenticationFailureEvent event) {
    String tried = nameOf(event.getAuthentication());
    String method = LOGIN_PATH.equals(ClientAddress.path()) ? "form" : "basic";
    ledger.append(tried, "login_failed", "user:" + tried,
        Map.of("method", method, "reason", event.getException().getClass().getSimpleName()));
  }

  private static String nameOf(Authentication authentication) {
    if (authentication == null) {
      return "anonymous";
    }
    if (authentication.getPrincipal() instanceof CurrentUser user) {
      return user.id();
    }
    String name = authentication.getName();
    return name == null || name.isBlank() ? "anonymous" : name;
  }
}
