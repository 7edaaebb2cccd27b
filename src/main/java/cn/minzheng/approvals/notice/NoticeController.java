package cn.minzheng.approvals.notice;

import java.time.LocalDateTime;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.approvals.security.CurrentUser;

@RestController
@RequestMapping("/api/notices")
public class NoticeController {

  private final NoticeService notices;

  public NoticeController(NoticeService notices) {
    this.notices = notices;
  }

  @GetMapping(value = "/{id:\\d+}", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> html(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
    Notice notice = notices.get(id, user);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .body(notice.getContentHtml());
  }

  @GetMapping(value = "/{id:\\d+}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> pdf(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
    Notice notice = notices.get(id, user);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(notice.getDocNumber() + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(notices.pdf(notice));
  }

  @GetMapping("/{id:\\d+}/meta")
  public NoticeMeta meta(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
    Notice notice = notices.get(id, user);
    return new NoticeMeta(notice.getKind(), notice.getDocNumber(), notice.getSha256(), notice.getCreatedAt(),
        notice.getApplicationId());
  }

  public record NoticeMeta(String kind, String docNumber, String sha256, LocalDateTime createdAt, Long applicationId) {
  }
}
