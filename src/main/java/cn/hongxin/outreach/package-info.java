/**
 * Outreach (健康你我他): the health lecture team and its members' specialities, the school-newspaper health
 * column as an editorial calendar, and the health talks held as events of the health-talk type. Published column
 * pieces are offered to newsletter drafts as a newsletter article source.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "security", "organisation", "files", "events", "newsletter"})
package cn.hongxin.outreach;
