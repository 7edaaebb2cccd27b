package cn.minzheng.approvals.material;

import java.util.Arrays;
import java.util.Optional;

/**
 * The formats a scanned material may have, recognised by their first bytes and never by the name or
 * the type the client claims: an executable renamed {@code .pdf} is not a PDF.
 */
public enum ScanFormat {
  PDF("application/pdf", ".pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
  JPEG("image/jpeg", ".jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG("image/png", ".png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

  private final String mediaType;
  private final String extension;
  private final byte[] signature;

  ScanFormat(String mediaType, String extension, byte[] signature) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.signature = signature;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** The format whose signature the content starts with, if any. */
  public static Optional<ScanFormat> sniff(byte[] content) {
    return Arrays.stream(values()).filter(f -> startsWith(content, f.signature)).findFirst();
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }
}
