package cn.minzheng.approvals.material;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.minzheng.approvals.security.CurrentUser;

@RestController
@RequestMapping("/api")
public class MaterialController {

  // Nothing may run or load inside a scan. Chrome shows a PDF through an <embed> in a generated page
  // with inline styles (crbug.com/271452), images in a generated page with inline styles too; the
  // embed stays allowed from this origin so the inbox may show a PDF in a frame.
  static final String PDF_POLICY = "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
  static final String IMAGE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

  private final MaterialService materials;

  public MaterialController(MaterialService materials) {
    this.materials = materials;
  }

  /** Both parts are optional here so that a missing one is answered field by field, as other bad input is. */
  @PostMapping("/applications/{id}/materials")
  public ResponseEntity<MaterialView> upload(@PathVariable long id, @RequestParam(required = false) String kind,
                                             @RequestParam(required = false) MultipartFile file,
                                             @AuthenticationPrincipal CurrentUser user) {
    MaterialFile material = materials.upload(id, kind, file, user);
    return ResponseEntity.created(URI.create("/api/materials/" + material.getId())).body(MaterialView.of(material));
  }

  @GetMapping("/applications/{id}/materials")
  public List<MaterialView> list(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
    return materials.list(id, user).stream().map(MaterialView::of).toList();
  }

  @GetMapping("/materials/{id:\\d+}")
  public ResponseEntity<byte[]> download(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
    MaterialFile material = materials.download(id, user);
    boolean pdf = ScanFormat.PDF.mediaType().equals(material.getContentType());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(material.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(material.getFilename(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", pdf ? PDF_POLICY : IMAGE_POLICY)
        .body(material.getContent());
  }
}
