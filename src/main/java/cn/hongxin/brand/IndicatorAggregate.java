package cn.hongxin.brand;

/**
 * What a selector of an indicator formula counts. The evidence aggregates read the evidence ledger (and need an
 * evidence kind); the event aggregates read the events module (meetings planned, invitees, resolutions); the
 * population aggregates count people or branches of the org subtree. A closed list: formulas are data, not code.
 */
public enum IndicatorAggregate {
    /** Rows of evidence. */
    COUNT(Source.EVIDENCE),
    /** The sum of the evidence quantities (hours, audience). */
    SUM(Source.EVIDENCE),
    /** Distinct subjects with at least one row. */
    DISTINCT_SUBJECTS(Source.EVIDENCE),
    /** Distinct subjects whose last row of the period has a higher quantity than their first (check-in scores). */
    IMPROVED(Source.EVIDENCE),
    /** Events of the types scheduled in the period and not cancelled (the plan). */
    EVENTS_PLANNED(Source.EVENTS),
    /** Invitees of the events of the types held in the period. */
    EVENTS_INVITED(Source.EVENTS),
    /** Resolutions of meetings falling due in the period. */
    RESOLUTIONS_DUE(Source.EVENTS),
    /** Resolutions falling due in the period and done by their due day. */
    RESOLUTIONS_ON_TIME(Source.EVENTS),
    /** Active party members (full and probationary) of the subtree. */
    PARTY_MEMBERS(Source.POPULATION),
    /** Active people of the subtree, narrowed by the selector's subjects. */
    PEOPLE(Source.POPULATION),
    /** Party branches of the subtree. */
    BRANCHES(Source.POPULATION);

    /** Where an aggregate reads from. */
    public enum Source {
        EVIDENCE, EVENTS, POPULATION
    }

    private final Source source;

    IndicatorAggregate(Source source) {
        this.source = source;
    }

    public Source source() {
        return source;
    }
}
