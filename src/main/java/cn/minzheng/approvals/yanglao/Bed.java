package cn.minzheng.approvals.yanglao;

/** A bed of an institution; {@code nursing} 1 for a 护理床位. */
public record Bed(String institutionCode, String bedNo, int nursing) {
}
