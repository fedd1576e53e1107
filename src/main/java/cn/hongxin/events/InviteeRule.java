package cn.hongxin.events;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PoliticalStatus;

/** One rule of an event's invitation, as the organiser chose it. */
@Entity
@Table(name = "event_invitee")
class InviteeRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long eventId;
    @Enumerated(EnumType.STRING)
    private InviteeRuleKind ruleKind;
    private Long orgUnitId;
    @Enumerated(EnumType.STRING)
    private PoliticalStatus politicalStatus;
    @Enumerated(EnumType.STRING)
    private PartyPost post;
    private Long personId;

    protected InviteeRule() {
    }

    private InviteeRule(long eventId, InviteeRuleKind kind) {
        this.eventId = eventId;
        this.ruleKind = kind;
    }

    static InviteeRule unit(long eventId, long unitId) {
        InviteeRule r = new InviteeRule(eventId, InviteeRuleKind.UNIT);
        r.orgUnitId = unitId;
        return r;
    }

    static InviteeRule status(long eventId, PoliticalStatus status) {
        InviteeRule r = new InviteeRule(eventId, InviteeRuleKind.STATUS);
        r.politicalStatus = status;
        return r;
    }

    static InviteeRule post(long eventId, PartyPost post) {
        InviteeRule r = new InviteeRule(eventId, InviteeRuleKind.POST);
        r.post = post;
        return r;
    }

    static InviteeRule person(long eventId, long personId) {
        InviteeRule r = new InviteeRule(eventId, InviteeRuleKind.PERSON);
        r.personId = personId;
        return r;
    }

    InviteeRuleKind getRuleKind() { return ruleKind; }
    Long getOrgUnitId() { return orgUnitId; }
    PoliticalStatus getPoliticalStatus() { return politicalStatus; }
    PartyPost getPost() { return post; }
    Long getPersonId() { return personId; }
}
