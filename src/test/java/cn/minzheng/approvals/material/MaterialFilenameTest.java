package cn.minzheng.approvals.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MaterialFilenameTest {

  @Test
  void shouldKeepOnlyTheLastPathSegment() {
    assertThat(MaterialFilename.clean("C:\\Users\\clerk\\扫描\\身份证.pdf", "x")).isEqualTo("身份证.pdf");
    assertThat(MaterialFilename.clean("../../etc/passwd", "x")).isEqualTo("passwd");
    assertThat(MaterialFilename.clean("scans/2025/户口簿.png", "x")).isEqualTo("户口簿.png");
  }

  @Test
  void shouldDropControlAndFormatCharacters() {
    assertThat(MaterialFilename.clean("a\r\nb\u0000c\t.pdf", "x")).isEqualTo("abc.pdf");
    // a right-to-left override would show "invoice[RLO]fdp.exe" as "invoiceexe.pdf"
    assertThat(MaterialFilename.clean("invoice" + (char) 0x202E + "fdp.exe", "x")).isEqualTo("invoicefdp.exe");
    assertThat(MaterialFilename.clean((char) 0xFEFF + "收入证明.jpg", "x")).isEqualTo("收入证明.jpg");
  }

  @Test
  void shouldFallBackWhenNothingIsLeft() {
    assertThat(MaterialFilename.clean(null, "id_card.pdf")).isEqualTo("id_card.pdf");
    assertThat(MaterialFilename.clean("", "id_card.pdf")).isEqualTo("id_card.pdf");
    assertThat(MaterialFilename.clean("dir/", "id_card.pdf")).isEqualTo("id_card.pdf");
    assertThat(MaterialFilename.clean("..", "id_card.pdf")).isEqualTo("id_card.pdf");
    assertThat(MaterialFilename.clean(" \u0007 ", "id_card.pdf")).isEqualTo("id_card.pdf");
  }

  @Test
  void shouldCutLongNamesTo255BytesKeepingTheExtension() {
    String chinese = "低保申请材料".repeat(30) + ".pdf";
    String cut = MaterialFilename.clean(chinese, "x");
    assertThat(cut).endsWith(".pdf").startsWith("低保申请材料");
    assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    assertThat(cut.length()).isEqualTo(83 + 4);

    String latin = "a".repeat(300) + ".jpeg";
    assertThat(MaterialFilename.clean(latin, "x")).hasSize(255).endsWith(".jpeg");

    // never half a character: an emoji is two UTF-16 chars and four UTF-8 bytes
    String emoji = "\uD83D\uDCC4".repeat(70) + ".png";
    String cutEmoji = MaterialFilename.clean(emoji, "x");
    assertThat(cutEmoji).isEqualTo("\uD83D\uDCC4".repeat(62) + ".png");

    String exact = "b".repeat(251) + ".pdf";
    assertThat(MaterialFilename.clean(exact, "x")).isEqualTo(exact);
  }
}
