package cn.minzheng.approvals.admin.migration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record MigrationPreviewRequest(@NotBlank @Size(max = 100) String processKey, @Min(1) int fromVersion,
                                      @Min(1) int toVersion) {
}
