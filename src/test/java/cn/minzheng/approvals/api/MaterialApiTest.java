package cn.minzheng.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.IntegrationTest;

/**
 * Scanned materials through the HTTP API: upload as the street's clerk, reading within the region,
 * refusal of what is not a PDF, JPEG or PNG whatever its name, and of what is too large.
 */
@IntegrationTest
class MaterialApiTest {

  private static final int MB = 1024 * 1024;
  private static final byte[] PDF_HEADER = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
  };

  @Autowired TestRestTemplate rest;

  ApiClient wjsClerk;
  ApiClient wjsReviewer;
  ApiClient jjlClerk;
  ApiClient approver;
  ApiClient anonymous;

  @BeforeEach
  void clients() {
    wjsClerk = new ApiClient(rest, "wjs-clerk");
    wjsReviewer = new ApiClient(rest, "wjs-reviewer");
    jjlClerk = new ApiClient(rest, "jjl-clerk");
    approver = new ApiClient(rest, "qu-approver");
    anonymous = new ApiClient(rest, null);
  }

  @Test
  void uploadStoresAPdfAndServesTheSameBytesInline() throws Exception {
    // given
    long id = submitted();
    byte[] pdf = pdf();
    String digest = sha256(pdf);
    // when: the client claims a PNG; the content decides
    ResponseEntity<Map<String, Object>> created = upload("wjs-clerk", id, "id_card", "C:\\扫描件\\身份证 正反面.pdf", pdf,
        MediaType.IMAGE_PNG, null);
    // then
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> body = created.getBody();
    long materialId = ((Number) body.get("id")).longValue();
    assertThat(created.getHeaders().getLocation()).hasToString("/api/materials/" + materialId);
    assertThat(((Number) body.get("applicationId")).longValue()).isEqualTo(id);
    assertThat(body).containsEntry("kind", "id_card").containsEntry("filename", "身份证 正反面.pdf")
        .containsEntry("contentType", "application/pdf").containsEntry("sha256", digest)
        .containsEntry("uploadedBy", "wjs-clerk").containsKey("uploadedAt");
    assertThat(((Number) body.get("size")).longValue()).isEqualTo(pdf.length);

    List<Map<String, Object>> list = wjsClerk.getList("/api/applications/" + id + "/materials").getBody();
    assertThat(list).singleElement().satisfies(m -> {
      assertThat(m).containsOnlyKeys("id", "applicationId", "kind", "filename", "contentType", "size", "sha256",
          "uploadedBy", "uploadedAt");
      assertThat(((Number) m.get("id")).longValue()).isEqualTo(materialId);
      assertThat(m).containsEntry("sha256", digest);
    });

    ResponseEntity<byte[]> download = wjsClerk.getBytes("/api/materials/" + materialId);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getBody()).isEqualTo(pdf);
    assertThat(sha256(download.getBody())).isEqualTo(digest);
    HttpHeaders headers = download.getHeaders();
    assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline;")
        .contains("filename*=UTF-8''" + URLEncoder.encode("身份证", StandardCharsets.UTF_8));
    assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(headers.get("Content-Security-Policy")).singleElement().asString()
        .startsWith("default-src 'none';").doesNotContain("script-src");

    List<Map<String, Object>> history = wjsClerk.getList("/api/applications/" + id + "/history").getBody();
    assertThat(history).filteredOn(e -> String.valueOf(e.get("action")).startsWith("material_"))
        .extracting(e -> e.get("action") + " " + e.get("actor"))
        .containsExactly("material_added wjs-clerk", "material_viewed wjs-clerk");
  }

  @Test
  void uploadTakesPngAndJpegByTheirContent() throws Exception {
    // given
    long id = submitted();
    byte[] png = image("png");
    byte[] jpeg = image("jpg");
    // when
    ResponseEntity<Map<String, Object>> pngCreated = upload("wjs-clerk", id, "hukou", "户口簿.png", png, null, null);
    ResponseEntity<Map<String, Object>> jpegCreated = upload("wjs-clerk", id, "income_proof", "收入证明.pdf", jpeg, null, null);
    // then
    assertThat(pngCreated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(pngCreated.getBody()).containsEntry("contentType", "image/png");
    assertThat(jpegCreated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(jpegCreated.getBody()).containsEntry("contentType", "image/jpeg");
    ResponseEntity<byte[]> download = wjsClerk.getBytes(pngCreated.getHeaders().getLocation().toString());
    assertThat(download.getBody()).isEqualTo(png);
    assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
    assertThat(download.getHeaders().getFirst("Content-Security-Policy")).contains("img-src 'self'");
    assertThat(wjsClerk.getList("/api/applications/" + id + "/materials").getBody())
        .extracting(m -> m.get("kind")).containsExactly("hukou", "income_proof");
  }

  @Test
  void uploadTakesAFileOfExactly20Megabytes() {
    long id = submitted();
    byte[] scan = startingWith(PDF_HEADER, 20 * MB);
    ResponseEntity<Map<String, Object>> created = upload("wjs-clerk", id, "asset_proof", "big.pdf", scan, null, null);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(((Number) created.getBody().get("size")).longValue()).isEqualTo(20 * MB);
  }

  @Test
  void districtStaffAndReviewersMayReadTheStreetsMaterials() throws Exception {
    // given
    long id = submitted();
    String location = upload("wjs-clerk", id, "id_card", "id.pdf", pdf(), null, null).getHeaders().getLocation().toString();
    // then
    assertThat(approver.getList("/api/applications/" + id + "/materials").getBody()).hasSize(1);
    assertThat(approver.getBytes(location).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(wjsReviewer.getBytes(location).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(wjsClerk.getList("/api/applications/" + id + "/history").getBody())
        .filteredOn(e -> "material_viewed".equals(e.get("action"))).extracting(e -> e.get("actor"))
        .containsExactly("qu-approver", "wjs-reviewer");
  }

  @Nested
  class Refusals {

    @Test
    void uploadRefusesAnExecutableRenamedPdf() {
      long id = submitted();
      byte[] elf = startingWith(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, 4096);
      ResponseEntity<Map<String, Object>> zh = upload("wjs-clerk", id, "id_card", "身份证.pdf", elf, MediaType.APPLICATION_PDF, null);
      ResponseEntity<Map<String, Object>> en = upload("wjs-clerk", id, "id_card", "id.pdf", startingWith(new byte[] {'M', 'Z', (byte) 0x90, 0}, 4096),
          MediaType.APPLICATION_PDF, "en");
      assertThat(zh.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(zh.getHeaders().getContentType().toString()).startsWith("application/problem+json");
      assertThat((String) zh.getBody().get("detail")).contains("PDF、JPEG 或 PNG").contains("文件内容");
      assertThat(errorFields(zh)).containsExactly("file");
      assertThat(en.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat((String) en.getBody().get("detail")).contains("PDF, JPEG or PNG");
      assertThat(materialsOf(id)).isEmpty();
    }

    @Test
    void uploadRefusesATextFileNamedJpg() {
      long id = submitted();
      byte[] text = "这不是图片，只是一段文字。\n".getBytes(StandardCharsets.UTF_8);
      ResponseEntity<Map<String, Object>> answer = upload("wjs-clerk", id, "hukou", "x.jpg", text, MediaType.IMAGE_JPEG, null);
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody()).containsEntry("code", "material.type-not-allowed");
      assertThat(materialsOf(id)).isEmpty();
    }

    @Test
    void uploadRefusesAFileOver20MegabytesWith413() {
      long id = submitted();
      byte[] scan = startingWith(PDF_HEADER, 20 * MB + 1);
      ResponseEntity<Map<String, Object>> zh = upload("wjs-clerk", id, "id_card", "big.pdf", scan, null, null);
      assertThat(zh.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
      assertThat(zh.getHeaders().getContentType().toString()).startsWith("application/problem+json");
      assertThat((String) zh.getBody().get("detail")).contains("20 MB").contains("文件过大");
      assertThat((String) zh.getBody().get("detail_en")).contains("20 MB");
      assertThat(materialsOf(id)).isEmpty();
    }

    @Test
    void uploadRefusesAnEmptyFile() {
      long id = submitted();
      ResponseEntity<Map<String, Object>> answer = upload("wjs-clerk", id, "id_card", "empty.pdf", new byte[0], null, null);
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody()).containsEntry("code", "material.empty");
    }

    @Test
    void uploadRefusesAnUnknownOrMissingKindAndAMissingFile() throws Exception {
      long id = submitted();
      ResponseEntity<Map<String, Object>> unknown = upload("wjs-clerk", id, "passport", "p.pdf", pdf(), null, null);
      assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(errorFields(unknown)).containsExactly("kind");
      assertThat(errorMessages(unknown)).singleElement().asString().contains("id_card").contains("hukou");
      ResponseEntity<Map<String, Object>> nothing = upload("wjs-clerk", id, null, null, null, null, null);
      assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(errorFields(nothing)).containsExactlyInAnyOrder("kind", "file");
      assertThat(materialsOf(id)).isEmpty();
    }

    @Test
    void anotherStreetGets404ForTheListTheDownloadAndTheUpload() throws Exception {
      // given
      long id = submitted();
      String location = upload("wjs-clerk", id, "id_card", "id.pdf", pdf(), null, null).getHeaders().getLocation().toString();
      // then
      assertThat(jjlClerk.get("/api/applications/" + id + "/materials").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      ResponseEntity<byte[]> download = jjlClerk.getBytes(location);
      assertThat(download.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(new String(download.getBody(), StandardCharsets.UTF_8)).doesNotContain("%PDF");
      assertThat(upload("jjl-clerk", id, "id_card", "id.pdf", pdf(), null, null).getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(wjsClerk.getBytes("/api/materials/" + Long.MAX_VALUE).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(materialsOf(id)).hasSize(1);
      assertThat(wjsClerk.getList("/api/applications/" + id + "/history").getBody())
          .noneMatch(e -> "jjl-clerk".equals(e.get("actor")));
    }

    @Test
    void anonymousCallsAreRefused() throws Exception {
      long id = submitted();
      String location = upload("wjs-clerk", id, "id_card", "id.pdf", pdf(), null, null).getHeaders().getLocation().toString();
      assertThat(anonymous.get("/api/applications/" + id + "/materials").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(anonymous.getBytes(location).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(upload(null, id, "id_card", "id.pdf", pdf(), null, null).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(materialsOf(id)).hasSize(1);
    }

    @Test
    void reviewersMayNotUpload() throws Exception {
      long id = submitted();
      ResponseEntity<Map<String, Object>> answer = upload("wjs-reviewer", id, "id_card", "id.pdf", pdf(), null, null);
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(upload("qu-approver", id, "id_card", "id.pdf", pdf(), null, null).getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(materialsOf(id)).isEmpty();
    }
  }

  // ---- helpers

  private long submitted() {
    ResponseEntity<Map<String, Object>> created = wjsClerk.post("/api/applications", Applications.dibao(Applications.WJS_COMMUNITY));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private List<Map<String, Object>> materialsOf(long applicationId) {
    return wjsClerk.getList("/api/applications/" + applicationId + "/materials").getBody();
  }

  /** A multipart upload as {@code user} (null: anonymous); null kind, file or part type are left out. */
  private ResponseEntity<Map<String, Object>> upload(String user, long applicationId, String kind, String filename,
                                                     byte[] content, MediaType partType, String acceptLanguage) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    if (kind != null) {
      parts.add("kind", kind);
    }
    if (content != null) {
      ByteArrayResource file = new ByteArrayResource(content) {
        @Override
        public String getFilename() {
          return filename;
        }
      };
      HttpHeaders partHeaders = new HttpHeaders();
      partHeaders.setContentType(partType != null ? partType : MediaType.APPLICATION_OCTET_STREAM);
      parts.add("file", new HttpEntity<>(file, partHeaders));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    if (acceptLanguage != null) {
      headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
    }
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, ApiClient.PASSWORD);
    return client.exchange("/api/applications/" + applicationId + "/materials", HttpMethod.POST,
        new HttpEntity<>(parts, headers), MAP);
  }

  /** A real one-page PDF. */
  private static byte[] pdf() throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      document.save(out);
      return out.toByteArray();
    }
  }

  /** A real small image in {@code format} (png, jpg). */
  private static byte[] image(String format) throws IOException {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.RED);
    graphics.fillRect(5, 5, 20, 10);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).isTrue();
    return out.toByteArray();
  }

  /** {@code size} bytes starting with {@code prefix}. */
  private static byte[] startingWith(byte[] prefix, int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) 'x');
    System.arraycopy(prefix, 0, bytes, 0, prefix.length);
    return bytes;
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private static List<String> errorFields(ResponseEntity<Map<String, Object>> answer) {
    return ((List<?>) answer.getBody().get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
  }

  private static List<String> errorMessages(ResponseEntity<Map<String, Object>> answer) {
    return ((List<?>) answer.getBody().get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("message")).toList();
  }
}
