package cn.minzheng.approvals.yanglao;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.Role;
import cn.minzheng.approvals.web.ApiException;

/** {@code GET /api/institutions} and freeing a bed (退住), which places the first waiter of the 轮候 queue. */
@RestController
@RequestMapping("/api/institutions")
public class InstitutionController {

  private final YanglaoBeds beds;

  public InstitutionController(YanglaoBeds beds) {
    this.beds = beds;
  }

  @GetMapping
  public List<Institution> list() {
    return beds.institutions();
  }

  /** District approvers only; answers the application the bed went to, if somebody waited. */
  @PostMapping("/{code}/beds/{bedNo}/release")
  public Map<String, Object> release(@PathVariable String code, @PathVariable String bedNo,
                                     @AuthenticationPrincipal CurrentUser user) {
    Institution institution = beds.institution(code);
    if (!user.has(Role.APPROVER) || institution == null) {
      throw institution == null ? ApiException.notFound() : ApiException.forbidden();
    }
    Long placed = beds.release(code, bedNo, institution.regionCode());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("institutionCode", code);
    body.put("bed", bedNo);
    body.put("placedApplicationId", placed);
    return body;
  }
}
