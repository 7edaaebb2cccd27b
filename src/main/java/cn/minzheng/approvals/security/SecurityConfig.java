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
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Form login for browsers, HTTP Basic for the API. Everything needs a login except health;
 * Camunda's webapps and REST API are for administrators only.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

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
            .requestMatchers("/engine-rest/**", "/camunda/**", "/actuator/prometheus").hasRole(Role.ADMIN.name())
            .anyRequest().authenticated())
        .formLogin(form -> form.permitAll())
        .logout(logout -> logout.permitAll())
        .httpBasic(basic -> basic.realmName("minzheng"))
        .csrf(csrf -> csrf.ignoringRequestMatchers(basicAuthRequest, apiWithoutSession,
            new AntPathRequestMatcher("/camunda/**")))
        .exceptionHandling(ex -> ex
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), engineRest)
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), actuator))
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
    return http.build();
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
