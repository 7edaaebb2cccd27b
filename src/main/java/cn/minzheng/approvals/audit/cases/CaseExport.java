package cn.minzheng.approvals.audit.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.process.TypeCatalog;
import cn.minzheng.approvals.region.Region;
import cn.minzheng.approvals.region.RegionService;

/** The auditors' case search as a file: .xlsx (sheet 案件) or CSV (UTF-8 with BOM), Chinese headers. */
@Component
public class CaseExport {

  public static final List<String> HEADERS = List.of("编号", "类型", "区划", "状态", "当前环节", "申请人", "身份证号（脱敏）",
      "金额（元）", "申请时间", "更新时间");
  public static final String SHEET = "案件";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  /** The statuses' Chinese names, as the workspace shows them. */
  private static final Map<String, String> STATUS = Map.of("in_progress", "办理中", "approved", "已批准",
      "rejected", "不予批准", "not_accepted", "不予受理", "withdrawn", "已撤回", "appealing", "申诉中",
      "waiting", "轮候中", "terminated", "已终止");

  private final TypeCatalog types;
  private final RegionService regions;

  public CaseExport(TypeCatalog types, RegionService regions) {
    this.types = types;
    this.regions = regions;
  }

  public byte[] xlsx(List<AuditCaseRow> rows) {
    Map<String, String> typeNames = typeNames();
    Map<String, String> regionNames = regionNames();
    try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(SHEET);
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADERS.size(); i++) {
        header.createCell(i).setCellValue(HEADERS.get(i));
      }
      int r = 1;
      for (AuditCaseRow row : rows) {
        Row line = sheet.createRow(r++);
        List<String> cells = cells(row, typeNames, regionNames);
        for (int i = 0; i < cells.size(); i++) {
          line.createCell(i).setCellValue(cells.get(i));
        }
      }
      book.write(out);
      book.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("xlsx export failed", e);
    }
  }

  public byte[] csv(List<AuditCaseRow> rows) {
    Map<String, String> typeNames = typeNames();
    Map<String, String> regionNames = regionNames();
    StringBuilder text = new StringBuilder("\uFEFF");
    text.append(HEADERS.stream().map(CaseExport::csvField).collect(Collectors.joining(","))).append("\r\n");
    for (AuditCaseRow row : rows) {
      text.append(cells(row, typeNames, regionNames).stream().map(CaseExport::csvField)
          .collect(Collectors.joining(","))).append("\r\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> cells(AuditCaseRow row, Map<String, String> typeNames, Map<String, String> regionNames) {
    return List.of(row.number(), typeNames.getOrDefault(row.type(), row.type()),
        regionNames.getOrDefault(row.regionCode(), row.regionCode()), STATUS.getOrDefault(row.status(), row.status()),
        nz(row.stage()), nz(row.applicantName()), nz(row.applicantIdNumber()),
        row.amount() == null ? "" : row.amount().toPlainString(),
        row.createdAt() == null ? "" : TIME.format(row.createdAt()),
        row.updatedAt() == null ? "" : TIME.format(row.updatedAt()));
  }

  /** Quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
  static String csvField(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  public static String statusName(String status) {
    return STATUS.getOrDefault(status, status);
  }

  Map<String, String> typeNames() {
    return types.types(Locale.SIMPLIFIED_CHINESE).stream()
        .collect(Collectors.toMap(TypeCatalog.Type::type, TypeCatalog.Type::name, (a, b) -> a));
  }

  Map<String, String> regionNames() {
    return regions.all().stream().collect(Collectors.toMap(Region::getCode, Region::getName, (a, b) -> a));
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }

}
