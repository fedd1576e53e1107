/**
 * The organisation: the org tree (党委 / 党总支 / 党支部 / 党小组, and the administrative units —
 * department, teaching offices, classes — beside it), people with their political status and its
 * dated history, posts and the party-leader flag, and the academic calendar (years, semesters,
 * teaching weeks, holidays, named windows such as 七一, 十一, 清明). Data scope: every query is
 * limited to the signed-in account's org subtree.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security"})
package cn.hongxin.organisation;
