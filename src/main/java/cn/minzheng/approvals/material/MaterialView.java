package cn.minzheng.approvals.material;

import java.time.LocalDateTime;

/** A material as the API shows it: everything but the bytes. */
public record MaterialView(Long id, Long applicationId, String kind, String filename, String contentType, long size,
                           String sha256, String uploadedBy, LocalDateTime uploadedAt) {

  public static MaterialView of(MaterialFile material) {
    return new MaterialView(material.getId(), material.getApplicationId(), material.getKind(), material.getFilename(),
        material.getContentType(), material.getSizeBytes(), material.getSha256(), material.getUploadedBy(),
        material.getUploadedAt());
  }
}
