package cn.minzheng.approvals.admin.migration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.approvals.security.CurrentUser;
import jakarta.validation.Valid;

/** Migration of running instances between versions of a model (administrators only, see SecurityConfig). */
@RestController
@RequestMapping("/api/admin/migrations")
public class MigrationController {

  private final MigrationPlanner planner;
  private final MigrationService migrations;

  public MigrationController(MigrationPlanner planner, MigrationService migrations) {
    this.planner = planner;
    this.migrations = migrations;
  }

  @PostMapping("/preview")
  public MigrationPreview preview(@Valid @RequestBody MigrationPreviewRequest request) {
    return planner.preview(request.processKey(), request.fromVersion(), request.toVersion());
  }

  @PostMapping
  public ResponseEntity<Map<String, Object>> start(@Valid @RequestBody MigrationRequest request,
                                                   @AuthenticationPrincipal CurrentUser admin) {
    MigrationBatch batch = migrations.start(request, admin);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("batchId", batch.getId()));
  }

  @GetMapping("/{batchId:\\d+}")
  public Map<String, Object> progress(@PathVariable long batchId) {
    MigrationBatch batch = migrations.progress(batchId);
    List<Map<String, Object>> failures = migrations.failures(batchId).stream().map(item -> {
      Map<String, Object> failure = new LinkedHashMap<>();
      failure.put("processInstanceId", item.getProcessInstanceId());
      failure.put("applicationId", item.getApplicationId());
      failure.put("reason", item.getError());
      return failure;
    }).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("batchId", batch.getId());
    body.put("processKey", batch.getProcessKey());
    body.put("fromVersion", batch.getFromVersion());
    body.put("toVersion", batch.getToVersion());
    body.put("total", batch.getTotal());
    body.put("done", batch.getDone());
    body.put("failed", batch.getFailed());
    body.put("state", batch.getState());
    body.put("failures", failures);
    return body;
  }
}
