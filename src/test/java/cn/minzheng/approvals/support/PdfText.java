package cn.minzheng.approvals.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The text of a PDF as poppler's {@code pdftotext} reads it, whitespace removed (CJK lines break anywhere). */
public final class PdfText {

  private PdfText() {
  }

  public static String of(byte[] pdf) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", "-", "-").redirectErrorStream(true).start();
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> {
      try (InputStream in = process.getInputStream()) {
        in.transferTo(text);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    reader.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(pdf);
    }
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("pdftotext failed: " + text.toString(StandardCharsets.UTF_8));
    }
    reader.join();
    return text.toString(StandardCharsets.UTF_8).replaceAll("\\s", "");
  }
}
