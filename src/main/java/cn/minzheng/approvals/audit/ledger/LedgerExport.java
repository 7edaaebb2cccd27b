package cn.minzheng.approvals.audit.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.springframework.stereotype.Service;

/**
 * Writes the ledger rows a filter selects, oldest first, as .xlsx (streamed: only a window of rows in
 * memory) or as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese). Headers in Chinese.
 */
@Service
public class LedgerExport {

  static final List<String> HEADERS = List.of("序号", "时间", "操作人", "操作", "对象", "详情", "客户端地址", "前一行哈希", "本行哈希");

  private final LedgerMapper ledger;

  public LedgerExport(LedgerMapper ledger) {
    this.ledger = ledger;
  }

  public long count(LedgerFilter filter) {
    return ledger.count(filter);
  }

  public void xlsx(LedgerFilter filter, OutputStream out) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      Sheet sheet = workbook.createSheet("审计日志");
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADERS.size(); i++) {
        Cell cell = header.createCell(i);
        cell.setCellValue(HEADERS.get(i));
        cell.setCellStyle(bold);
      }
      int[] next = {1};
      each(filter, e -> {
        Row row = sheet.createRow(next[0]++);
        row.createCell(0).setCellValue(e.getSeq());
        List<String> texts = texts(e);
        for (int i = 1; i < texts.size(); i++) {
          row.createCell(i).setCellValue(texts.get(i)); // text cells: never a formula
        }
      });
      workbook.write(out);
      workbook.dispose();
    }
  }

  public void csv(LedgerFilter filter, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    writer.write(line(HEADERS));
    try {
      each(filter, e -> {
        try {
          writer.write(line(texts(e).stream().map(LedgerExport::defuse).toList()));
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writer.flush();
  }

  private void each(LedgerFilter filter, Consumer<LedgerEntry> action) {
    long after = 0;
    while (true) {
      List<LedgerEntry> page = ledger.scan(filter, after, null, LedgerVerifier.PAGE);
      page.forEach(action);
      if (page.size() < LedgerVerifier.PAGE) {
        return;
      }
      after = page.get(page.size() - 1).getSeq();
    }
  }

  private static List<String> texts(LedgerEntry e) {
    return java.util.Arrays.asList(Long.toString(e.getSeq()), LedgerHash.AT.format(e.getAt()), e.getActor(),
        e.getAction(), nz(e.getTarget()), nz(e.getDetail()), nz(e.getClient()), e.getPrevHash(), e.getHash());
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** A cell that a spreadsheet would take for a formula (=, +, -, @) is kept as text. */
  static String defuse(String value) {
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  private static String line(List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    return sb.append("\r\n").toString();
  }
}
