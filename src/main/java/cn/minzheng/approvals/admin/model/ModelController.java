package cn.minzheng.approvals.admin.model;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.minzheng.approvals.admin.check.ModelCheckException;
import cn.minzheng.approvals.admin.check.ModelProblem;
import cn.minzheng.approvals.admin.check.ModelResource;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.Role;
import cn.minzheng.approvals.web.ApiException;

/** Administrators (models) of api-contract.md: check, deploy, list and read back models. Admin only. */
@RestController
@RequestMapping("/api/admin/models")
public class ModelController {

  private final ModelAdmin models;
  private final MessageSource messages;

  public ModelController(ModelAdmin models, MessageSource messages) {
    this.models = models;
    this.messages = messages;
  }

  public record CheckAnswer(boolean ok, List<ModelProblem> errors) {
  }

  @PostMapping("/check")
  public CheckAnswer check(@RequestParam(value = "file", required = false) MultipartFile file,
                           @AuthenticationPrincipal CurrentUser user) throws IOException {
    requireAdmin(user);
    List<ModelProblem> problems = models.check(filename(file), file.getBytes()).problems();
    return new CheckAnswer(problems.isEmpty(), problems);
  }

  @PostMapping
  public ResponseEntity<?> deploy(@RequestParam(value = "file", required = false) MultipartFile file,
                                  @RequestParam(value = "note", required = false) String note,
                                  @AuthenticationPrincipal CurrentUser user) throws IOException {
    requireAdmin(user);
    String name = filename(file);
    if (note == null || note.isBlank()) {
      throw ApiException.badRequest("model.note-required");
    }
    ModelAdmin.Checked checked = models.check(name, file.getBytes());
    if (!checked.problems().isEmpty()) {
      return refused(checked.problems());
    }
    try {
      ModelAdmin.Deployed deployed = models.deploy(checked, note.trim(), user.id());
      return ResponseEntity.status(HttpStatus.CREATED).body(deployed);
    } catch (ModelCheckException e) {
      // what changed between our check and the engine's (another deployment in between)
      return refused(e.problems());
    }
  }

  @GetMapping
  public List<ModelVersions> list(@AuthenticationPrincipal CurrentUser user) {
    requireAdmin(user);
    return models.list();
  }

  @GetMapping("/{key}/versions/{version}")
  public ResponseEntity<byte[]> file(@PathVariable String key, @PathVariable int version,
                                     @AuthenticationPrincipal CurrentUser user) {
    requireAdmin(user);
    ModelResource file = models.file(key, version).orElseThrow(ApiException::notFound);
    String filename = file.name().substring(file.name().lastIndexOf('/') + 1);
    return ResponseEntity.ok()
        .contentType(file.kind() == ModelResource.Kind.FORM ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(file.bytes());
  }

  private static void requireAdmin(CurrentUser user) {
    if (user == null || !user.has(Role.ADMIN)) {
      throw ApiException.forbidden();
    }
  }

  private static String filename(MultipartFile file) {
    if (file == null || file.isEmpty() || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
      throw ApiException.badRequest("model.file-required");
    }
    String name = file.getOriginalFilename().replace('\\', '/');
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** 422 problem+json naming every broken rule; nothing was deployed. */
  private ResponseEntity<ProblemDetail> refused(List<ModelProblem> problems) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
        messages.getMessage("model.check-failed", new Object[] {problems.size()}, locale));
    body.setType(URI.create("about:blank"));
    body.setProperty("detail_en", messages.getMessage("model.check-failed", new Object[] {problems.size()}, Locale.ENGLISH));
    body.setProperty("code", "model.check-failed");
    body.setProperty("ok", false);
    body.setProperty("errors", problems);
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

}
