package cn.hongxin.brand;

/** One kind of evidence that counts for a requirement; {@code type} null means any type of that kind. */
public record EvidenceSelector(EvidenceKind kind, String type) {
}
