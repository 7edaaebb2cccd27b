package cn.minzheng.approvals.admin.config;

/**
 * One reason an administrator's change is refused: where ({@code field}, e.g. {@code days[2].date},
 * {@code text} or {@code content}), which rule, and a message key answered in Chinese and English.
 */
public record ConfigProblem(String field, String rule, String messageKey, Object... args) {
}
