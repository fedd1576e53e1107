package cn.hongxin.events;

import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PoliticalStatus;

/** One rule of an invitation; {@code label} names the unit or person it refers to. */
public record InviteeRuleView(InviteeRuleKind kind, Long orgUnitId, PoliticalStatus politicalStatus, PartyPost post,
                              Long personId, String label) {
}
