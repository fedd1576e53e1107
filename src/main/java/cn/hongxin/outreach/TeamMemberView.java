package cn.hongxin.outreach;

import java.time.LocalDate;
import java.util.Set;

/** A member of a health lecture team as the pages and the API show it. */
public record TeamMemberView(long id, long unitId, String unitName, long personId, String personName, TeamRole role,
                             Set<Speciality> specialities, LocalDate joinedOn, boolean active, String note) {
}
