package cn.hongxin.outreach;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Adding a person to a unit's health lecture team or editing their entry (the unit and the person stay as they
 * are when editing).
 */
public record TeamMemberForm(Long unitId, Long personId, TeamRole role, Set<Speciality> specialities,
                             @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate joinedOn, String note) {

    public static TeamMemberForm empty(Long unitId) {
        return new TeamMemberForm(unitId, null, TeamRole.MEMBER, Set.of(), null, null);
    }
}
