package cn.minzheng.approvals.yanglao;

/** An institution of {@code GET /api/institutions}: its beds, nursing beds and free beds now. */
public record Institution(String code, String name, String regionCode, int beds, int nursingBeds, int freeBeds) {
}
