/**
 * Evaluation (成效): the outcome indicators of the brand's programme computed from the evidence ledger against a
 * baseline, the dashboards, member points with caps per period, and the evaluation reports and inspection
 * ledgers (台账), all regenerated from the records.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "security", "organisation", "files", "brand", "compliance", "events",
                "submissions"})
package cn.hongxin.evaluation;
