package cn.minzheng.approvals.notice;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The CJK font that PDF notices embed, parsed once and lent to one PDF at a time. Reading and parsing the
 * font (wqy-microhei.ttc is 5 MB, 30,000 glyphs) for every PDF was most of a PDF's time; a parsed font is
 * not safe to use from two threads at once, hence lent rather than shared. Of a collection (.ttc) only the
 * face of the configured family is used: the others were embedded as well, never needed.
 */
final class NoticeFont {

  /** Parsed fonts kept for reuse; more are parsed while more PDFs are rendered at once. */
  private static final int KEPT = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final File file;
  private final String family;
  private final Deque<TrueTypeFont> idle = new ConcurrentLinkedDeque<>();
  private volatile byte[] bytes;

  NoticeFont(File file, String family) {
    this.file = file;
    this.family = family;
  }

  /** A parsed font for this thread alone, until {@link #giveBack} or {@link #discard}. */
  TrueTypeFont borrow() throws IOException {
    TrueTypeFont font = idle.pollFirst();
    return font != null ? font : parse();
  }

  void giveBack(TrueTypeFont font) {
    if (idle.size() < KEPT) {
      idle.offerFirst(font);
    } else {
      discard(font);
    }
  }

  /** After a failed render: the font's state is not known, so it is not lent again. */
  void discard(TrueTypeFont font) {
    try {
      font.close();
    } catch (IOException e) {
      // nothing to do: it is dropped anyway
    }
  }

  private TrueTypeFont parse() throws IOException {
    byte[] data = bytes();
    if (!isCollection(data)) {
      return new TTFParser().parse(new RandomAccessReadBuffer(data));
    }
    // the collection stays open: its faces read from its data, and closing the face closes it
    TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(data));
    List<TrueTypeFont> faces = new java.util.ArrayList<>();
    collection.processAllFonts(faces::add);
    for (TrueTypeFont face : faces) {
      if (face.getNaming() != null && family.equals(face.getNaming().getFontFamily())) {
        return face;
      }
    }
    return faces.get(0);
  }

  /** Read on first use: the font may be installed after the application started. */
  private byte[] bytes() throws IOException {
    byte[] data = bytes;
    if (data == null) {
      data = Files.readAllBytes(file.toPath());
      bytes = data;
    }
    return data;
  }

  private static boolean isCollection(byte[] data) {
    return data.length >= 4 && data[0] == 't' && data[1] == 't' && data[2] == 'c' && data[3] == 'f';
  }
}
