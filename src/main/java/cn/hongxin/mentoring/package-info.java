/**
 * Mentoring (一带一帮一): pairs of a party-member teacher, a non-member teacher and a student who needs care;
 * help records, check-ins and closure. Care needs, help records and check-ins are sensitive personal
 * information: encrypted at rest, readable only by the pair's two teachers and the responsible secretaries,
 * every read audited.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security", "organisation"})
package cn.hongxin.mentoring;
