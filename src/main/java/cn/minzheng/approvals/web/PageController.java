package cn.minzheng.approvals.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The approvers' workspace pages: static HTML shells from {@code classpath:pages/} whose ES modules
 * ({@code /js}) call the JSON API with the session cookie. Page addresses carry ids only, never
 * personal data; the scripts take nothing else from the address.
 */
@Controller
public class PageController {

  /** Scripts, styles and fonts only from this server; form-js sets inline styles; notices open in frames. */
  static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  @GetMapping("/login")
  public ResponseEntity<Resource> login() {
    return page("login");
  }

  @GetMapping({"/", "/inbox"})
  public ResponseEntity<Resource> inbox() {
    return page("inbox");
  }

  @GetMapping("/tasks/{id:[A-Za-z0-9_-]+}")
  public ResponseEntity<Resource> task() {
    return page("task");
  }

  @GetMapping("/applications")
  public ResponseEntity<Resource> applications() {
    return page("applications");
  }

  @GetMapping("/applications/new")
  public ResponseEntity<Resource> newApplication() {
    return page("new-application");
  }

  @GetMapping("/applications/{id:\\d+}")
  public ResponseEntity<Resource> application() {
    return page("application");
  }

  @GetMapping("/overdue")
  public ResponseEntity<Resource> overdue() {
    return page("overdue");
  }

  /** The administrators' model workbench (SecurityConfig: /admin/** for administrators only). */
  @GetMapping("/admin/models")
  public ResponseEntity<Resource> models() {
    return page("admin-models");
  }

  /** A model version in its editor; "upload" is a file the administrator chose on the workbench. */
  @GetMapping({"/admin/models/{key:[A-Za-z0-9_.-]+}/{version:\\d+}", "/admin/models/upload"})
  public ResponseEntity<Resource> modelEditor() {
    return page("admin-editor");
  }

  @GetMapping("/admin/migration/{key:[A-Za-z0-9_.-]+}")
  public ResponseEntity<Resource> migration() {
    return page("admin-migration");
  }

  /** The audit ledger: verify result, search, export (auditors and administrators; SecurityConfig). */
  @GetMapping("/audit/ledger")
  public ResponseEntity<Resource> ledger() {
    return page("ledger");
  }

  private static ResponseEntity<Resource> page(String name) {
    return ResponseEntity.ok()
        .contentType(HTML)
        .cacheControl(CacheControl.noStore())
        .header("Content-Security-Policy", POLICY)
        .header("Referrer-Policy", "same-origin")
        .body(new ClassPathResource("pages/" + name + ".html"));
  }

  /** A page of {@code classpath:pages/} with the workspace's headers, for the pages other features serve. */
  public static ResponseEntity<Resource> featurePage(String name) {
    return page(name);
  }
}
