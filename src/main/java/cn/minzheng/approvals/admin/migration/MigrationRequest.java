package cn.minzheng.approvals.admin.migration;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Which instances move from which version of a process to which; all of the old version when none are named. */
public record MigrationRequest(@NotBlank @Size(max = 100) String processKey, @Min(1) int fromVersion, @Min(1) int toVersion,
                               @Size(max = 1000) List<String> instanceIds, @Size(max = 2000) String note) {
}
