package cn.minzheng.approvals.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ScanFormatTest {

  @Test
  void shouldRecogniseTheThreeFormatsByTheirFirstBytes() {
    assertThat(ScanFormat.sniff(bytes("%PDF-1.7\n%\u00e2\u00e3"))).contains(ScanFormat.PDF);
    assertThat(ScanFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10})).contains(ScanFormat.JPEG);
    assertThat(ScanFormat.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).contains(ScanFormat.PNG);
    assertThat(ScanFormat.PDF.mediaType()).isEqualTo("application/pdf");
    assertThat(ScanFormat.JPEG.mediaType()).isEqualTo("image/jpeg");
    assertThat(ScanFormat.PNG.mediaType()).isEqualTo("image/png");
  }

  @Test
  void shouldRecogniseNothingWhenTheContentIsAnythingElse() {
    assertThat(ScanFormat.sniff(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1})).isEmpty();
    assertThat(ScanFormat.sniff(bytes("MZ\u0090\u0000"))).isEmpty();
    assertThat(ScanFormat.sniff(bytes("<html><body>%PDF-1.4</body></html>"))).isEmpty();
    assertThat(ScanFormat.sniff(bytes(" %PDF-1.4"))).isEmpty();
    assertThat(ScanFormat.sniff(bytes("GIF89a"))).isEmpty();
    // a signature cut short is no signature
    assertThat(ScanFormat.sniff(bytes("%PDF"))).isEmpty();
    assertThat(ScanFormat.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A})).isEmpty();
    assertThat(ScanFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    assertThat(ScanFormat.sniff(new byte[0])).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
