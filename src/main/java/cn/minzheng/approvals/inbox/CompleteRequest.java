package cn.minzheng.approvals.inbox;

import java.util.Map;

/** Body of {@code POST /api/tasks/{id}/complete}. */
public record CompleteRequest(String decision, String opinion, Map<String, Object> data) {
}
