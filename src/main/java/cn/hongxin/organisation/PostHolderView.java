package cn.hongxin.organisation;

import java.time.LocalDate;

/** Someone currently holding a post in a party organisation (the unit page's 班子成员). */
public record PostHolderView(long assignmentId, long personId, String personName, PartyPost post,
                             LocalDate since) {
}
