package cn.minzheng.approvals.material;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.ApplicationTypes;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.Role;
import cn.minzheng.approvals.web.ApiException;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/**
 * The scanned materials of an application: clerks and community workers hand them in, everyone who
 * may see the case may read them, nobody outside its region learns they exist.
 */
@Service
public class MaterialService {

  /**
   * 20 MB a file. Spring's multipart limit says the same and refuses earlier; this holds even if that
   * is raised for another upload.
   */
  public static final DataSize MAX_SIZE = DataSize.ofMegabytes(20);

  static final String ADDED = "material_added";
  static final String VIEWED = "material_viewed";

  private static final Logger log = LoggerFactory.getLogger(MaterialService.class);

  private final MaterialFileMapper materials;
  private final ApplicationService applications;
  private final CaseHistory history;
  private final Clock clock;

  public MaterialService(MaterialFileMapper materials, ApplicationService applications, CaseHistory history, Clock clock) {
    this.materials = materials;
    this.applications = applications;
    this.history = history;
    this.clock = clock;
  }

  /** Stores a PDF, JPEG or PNG scan, recognised by its content, with its SHA-256; recorded in the case history. */
  @Transactional
  public MaterialFile upload(long applicationId, String kind, MultipartFile file, CurrentUser user) {
    ApplicationRecord application = applications.get(applicationId, user);
    if (!user.has(Role.CLERK) && !user.has(Role.WORKER)) {
      throw ApiException.forbidden();
    }
    checkRequest(kind, file);
    byte[] content = read(file);
    ScanFormat format = ScanFormat.sniff(content)
        .orElseThrow(() -> fileRefused(HttpStatus.BAD_REQUEST, "material.type-not-allowed"));

    MaterialFile material = new MaterialFile();
    material.setApplicationId(application.getId());
    material.setKind(kind);
    material.setFilename(MaterialFilename.clean(file.getOriginalFilename(), kind + format.extension()));
    material.setContentType(format.mediaType());
    material.setSizeBytes(content.length);
    material.setSha256(sha256(content));
    material.setContent(content);
    material.setUploadedBy(user.id());
    material.setUploadedAt(LocalDateTime.now(clock));
    materials.insert(material);

    Map<String, Object> detail = detail(material);
    detail.put("size", material.getSizeBytes());
    history.record(application.getId(), application.getStage(), null, user.id(), user.name(), ADDED, null, detail);
    return material;
  }

  /** The materials of an application the user may see, without their bytes. */
  public List<MaterialFile> list(long applicationId, CurrentUser user) {
    return materials.findByApplication(applications.get(applicationId, user).getId());
  }

  /** A material of a case the user may see, without its bytes; 404 otherwise. */
  public MaterialFile get(long materialId, CurrentUser user) {
    MaterialFile material = materials.findById(materialId);
    if (material == null) {
      throw ApiException.notFound();
    }
    applications.get(material.getApplicationId(), user);
    return material;
  }

  /** The material with its bytes, checked against the SHA-256 stored with them; the viewing is recorded. */
  @Transactional
  public MaterialFile download(long materialId, CurrentUser user) {
    ApplicationRecord application = applications.getForProcess(get(materialId, user).getApplicationId());
    MaterialFile stored = materials.findWithContent(materialId);
    if (!sha256(stored.getContent()).equals(stored.getSha256())) {
      // the bytes are no longer the ones handed in: show nothing rather than a forged scan
      log.error("Material {} no longer matches its SHA-256", materialId);
      throw new IllegalStateException("material " + materialId + " fails its SHA-256 check");
    }
    history.record(application.getId(), application.getStage(), null, user.id(), user.name(), VIEWED, null,
        detail(stored));
    return stored;
  }

  private static void checkRequest(String kind, MultipartFile file) {
    List<FieldProblem> problems = new ArrayList<>();
    if (kind == null || kind.isBlank()) {
      problems.add(new FieldProblem("kind", "validation.required"));
    } else if (!ApplicationTypes.MATERIAL_KINDS.contains(kind)) {
      problems.add(new FieldProblem("kind", "material.kind.unknown",
          String.join(", ", ApplicationTypes.MATERIAL_KINDS.stream().sorted().toList())));
    }
    if (file == null) {
      problems.add(new FieldProblem("file", "validation.required"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    if (file.isEmpty()) {
      throw fileRefused(HttpStatus.BAD_REQUEST, "material.empty");
    }
    if (file.getSize() > MAX_SIZE.toBytes()) {
      throw fileRefused(HttpStatus.PAYLOAD_TOO_LARGE, "material.too-large", MAX_SIZE.toMegabytes());
    }
  }

  private static Map<String, Object> detail(MaterialFile material) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("materialId", material.getId());
    detail.put("kind", material.getKind());
    detail.put("filename", material.getFilename());
    detail.put("sha256", material.getSha256());
    return detail;
  }

  private static ApiException fileRefused(HttpStatus status, String key, Object... args) {
    return new ApiException(status, List.of(new FieldProblem("file", key, args)), key, args);
  }

  private static byte[] read(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw fileRefused(HttpStatus.BAD_REQUEST, "material.unreadable");
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
