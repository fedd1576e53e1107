package cn.hongxin.organisation;

/**
 * Where a person stands in the org tree, for other modules that keep it beside their own rows (and
 * filter those rows by data scope on it).
 *
 * @param branchPath path of the person's party group, or else branch ({@code null} when neither)
 * @param adminPath  path of the person's class, teaching office or department ({@code null} when none)
 * @param unitName   the branch's name, or else the administrative unit's
 */
public record PersonPlacement(long personId, String name, String unitName, String branchPath, String adminPath) {
}
