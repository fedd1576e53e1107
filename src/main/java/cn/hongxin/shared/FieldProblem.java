package cn.hongxin.shared;

/** Why one field of a form, a request or an imported row was refused: a message key and its arguments. */
public record FieldProblem(String field, String messageKey, Object... args) {
}
