/**
 * Compliance: the evidence ledger and the requirement engine. Listeners keep one narrow, indexed table of
 * evidence (who did what kind of thing of which type on which day, and how much) from the past-tense events of
 * the events and submissions modules, idempotently, so that replaying the event publication registry after a
 * crash leaves no gap and no duplicate; retractions remove evidence. The {@link cn.hongxin.compliance.ComplianceEngine}
 * evaluates a requirement of the brand's programme ({@link cn.hongxin.brand.RequirementDefinition}) for all its
 * subjects of an org subtree in one set-based SQL statement, reading people and units through the organisation's
 * read-model views, and gives each subject a verdict (met, behind, missed, not yet due) with the evidence behind
 * it; aggregates per requirement, measure, branch and brand, a person's checklist and the who-is-behind lists
 * build on it. The engine checks no permission: services and pages above it apply the data scope.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "security", "organisation", "brand", "events", "submissions",
                "notifications", "mentoring", "outreach", "publishing", "newsletter"})
package cn.hongxin.compliance;
