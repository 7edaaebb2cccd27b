package cn.minzheng.approvals.material;

import java.nio.charset.StandardCharsets;

/** The name a material is kept and shown under: the client's name made harmless. */
final class MaterialFilename {

  /** Bytes in UTF-8: fits VARCHAR(255) whatever a database counts, and every file system's limit. */
  static final int MAX_BYTES = 255;

  private MaterialFilename() {
  }

  /**
   * The last path segment (old browsers send {@code C:\scans\id.pdf}) without control and format
   * characters (a right-to-left override, U+202E, makes "x[RLO]fdp.exe" read "xexe.pdf"), cut to
   * {@link #MAX_BYTES} keeping the extension; {@code fallback} when nothing is left.
   */
  static String clean(String raw, String fallback) {
    String name = raw == null ? "" : raw;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder kept = new StringBuilder(name.length());
    name.codePoints().filter(MaterialFilename::isShown).forEach(kept::appendCodePoint);
    name = kept.toString().strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return fallback;
    }
    return shorten(name);
  }

  private static boolean isShown(int codePoint) {
    int type = Character.getType(codePoint);
    return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
        && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
  }

  private static String shorten(String name) {
    if (utf8Length(name) <= MAX_BYTES) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
    String stem = name.substring(0, name.length() - extension.length());
    int budget = MAX_BYTES - utf8Length(extension);
    StringBuilder cut = new StringBuilder();
    int used = 0;
    for (int i = 0; i < stem.length(); ) {
      int codePoint = stem.codePointAt(i);
      int size = utf8Length(new String(Character.toChars(codePoint)));
      if (used + size > budget) {
        break;
      }
      cut.appendCodePoint(codePoint);
      used += size;
      i += Character.charCount(codePoint);
    }
    return cut + extension;
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
