package cn.minzheng.approvals.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Checks passwords against Camunda's identity service, so the webapps and our API share one user list. */
@Component
public class CamundaAuthenticationProvider implements AuthenticationProvider {

  private final UserDirectory users;

  public CamundaAuthenticationProvider(UserDirectory users) {
    this.users = users;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (!users.checkPassword(userId, credentials == null ? null : credentials.toString())) {
      throw new BadCredentialsException("用户名或密码错误 / bad credentials");
    }
    CurrentUser user = users.load(userId).orElseThrow(() -> new BadCredentialsException("用户不存在 / unknown user"));
    List<GrantedAuthority> authorities = new ArrayList<>();
    user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
    return new UsernamePasswordAuthenticationToken(user, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
