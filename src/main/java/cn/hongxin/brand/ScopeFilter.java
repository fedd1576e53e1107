package cn.hongxin.brand;

import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;

import java.util.Set;

/**
 * Which subjects a requirement applies to: the subtree of {@code orgUnitId} (null: the brand's owning unit), and
 * for person subjects optionally only people of these political statuses, holding one of these posts, of these
 * person types (empty set: no restriction).
 */
public record ScopeFilter(Long orgUnitId, Set<PoliticalStatus> politicalStatuses, Set<PartyPost> posts,
                          Set<PersonType> personTypes) {

    public ScopeFilter {
        politicalStatuses = politicalStatuses == null ? Set.of() : Set.copyOf(politicalStatuses);
        posts = posts == null ? Set.of() : Set.copyOf(posts);
        personTypes = personTypes == null ? Set.of() : Set.copyOf(personTypes);
    }

    public static ScopeFilter everyone(Long orgUnitId) {
        return new ScopeFilter(orgUnitId, Set.of(), Set.of(), Set.of());
    }
}
