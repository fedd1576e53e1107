/**
 * First run: with no account in the database every page leads to the setup page, which creates the
 * root organisation and the first system administrator, and offers to load the demo department
 * (also available headless with {@code --demo}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security", "organisation", "brand", "events", "submissions", "files", "mentoring", "outreach", "newsletter", "publishing"})
package cn.hongxin.setup;
