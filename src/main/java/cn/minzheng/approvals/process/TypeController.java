package cn.minzheng.approvals.process;

import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/types}: the types with the names of their stages and decisions, in the caller's language. */
@RestController
public class TypeController {

  private final TypeCatalog catalog;

  public TypeController(TypeCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/api/types")
  public List<TypeCatalog.Type> types(Locale locale) {
    return catalog.types(locale);
  }
}
