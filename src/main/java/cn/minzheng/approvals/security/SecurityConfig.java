package cn.minzheng.approvals.security;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Form login for browsers (our page at {@code /login}), HTTP Basic for the API. Everything needs a
 * login except health and the login page with its assets; Camunda's webapps and REST API are for
 * administrators only.
 *
 * <p>CSRF: the workspace pages send the token of a cookie of our own ({@link #CSRF_COOKIE}, readable
 * by our scripts, path /) back in the header {@link #CSRF_HEADER} (API calls) or the {@code _csrf}
 * field (login and logout forms). The name differs from the Camunda webapps' {@code XSRF-TOKEN} on
 * /camunda, so the two never overwrite each other.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

  public static final String CSRF_COOKIE = "MZ-XSRF-TOKEN";
  public static final String CSRF_HEADER = "X-MZ-XSRF-TOKEN";
  /** The login page and what it loads; nothing here is personal or secret. */
  private static final String[] PUBLIC_ASSETS = {"/login", "/css/**", "/js/**", "/i18n/**", "/vendor/**", "/favicon.ico"};

  @Bean
  public SecurityFilterChain securityFilterChain(HttpSecurity http, CamundaAuthenticationProvider provider) throws Exception {
    RequestMatcher api = new AntPathRequestMatcher("/api/**");
    RequestMatcher engineRest = new AntPathRequestMatcher("/engine-rest/**");
    RequestMatcher actuator = new AntPathRequestMatcher("/actuator/**");
    // API clients authenticate on every request and carry no session cookie to forge; the Camunda
    // webapps run their own CSRF protection (XSRF-TOKEN cookie on /camunda).
    RequestMatcher basicAuthRequest = request -> {
      String header = request.getHeader("Authorization");
      return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    };
    // an API call that carries no session cookie cannot be forged by a browser: let it reach the 401
    RequestMatcher apiWithoutSession = request -> api.matches(request) && request.getRequestedSessionId() == null;
    http
        .authenticationProvider(provider)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
            .requestMatchers(PUBLIC_ASSETS).permitAll()
            // the 公示 board (board.PublicBoardController): no login, nothing personal
            .requestMatchers("/public/**").permitAll()
            .requestMatchers("/engine-rest/**", "/camunda/**", "/actuator/prometheus").hasRole(Role.ADMIN.name())
            .requestMatchers("/api/admin/**", "/admin/**").hasRole(Role.ADMIN.name())
            .requestMatchers("/api/audit/**", "/audit/**").hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error").permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
        .httpBasic(basic -> basic.realmName("minzheng"))
        .csrf(csrf -> csrf
            .csrfTokenRepository(csrfTokenRepository())
            .csrfTokenRequestHandler(plainCsrfTokenHandler())
            // /public/**: no session or credentials to ride on; the board checks Origin and rate-limits instead
            .ignoringRequestMatchers(basicAuthRequest, apiWithoutSession, new AntPathRequestMatcher("/camunda/**"),
                new AntPathRequestMatcher("/public/**")))
        .exceptionHandling(ex -> ex
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), engineRest)
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), actuator))
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
    return http.build();
  }

  /** The token in a cookie our pages' scripts read (not HttpOnly), on path / for every page and API call. */
  static CookieCsrfTokenRepository csrfTokenRepository() {
    CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
    repository.setCookieName(CSRF_COOKIE);
    repository.setHeaderName(CSRF_HEADER);
    repository.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Lax"));
    return repository;
  }

  /**
   * The cookie's token is sent back as it is (header or form field), so it is compared unmasked; and it
   * is loaded on every request (attribute name null), so that every page response carries the cookie
   * its scripts need, including the login page.
   */
  static CsrfTokenRequestAttributeHandler plainCsrfTokenHandler() {
    CsrfTokenRequestAttributeHandler handler = new CsrfTokenRequestAttributeHandler();
    handler.setCsrfRequestAttributeName(null);
    return handler;
  }

  /** One sign-in: the Camunda webapps take the user from Spring Security. */
  @Bean
  public FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSso() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        CamundaWebappSso.class.getName()));
    registration.addUrlPatterns("/camunda/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<EngineRestExpressionFilter> engineRestExpressionFilter() {
    FilterRegistrationBean<EngineRestExpressionFilter> registration =
        new FilterRegistrationBean<>(new EngineRestExpressionFilter());
    registration.addUrlPatterns("/engine-rest/*");
    // after Spring Security (so only administrators reach it), before the REST resources
    registration.setOrder(Integer.MAX_VALUE - 10);
    return registration;
  }
}
