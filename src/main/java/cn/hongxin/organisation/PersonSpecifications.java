package cn.hongxin.organisation;

import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/** Query pieces for people; the data-scope filter is one of them and every list uses it. */
final class PersonSpecifications {

    private PersonSpecifications() {
    }

    /** People whose branch, party group or administrative unit lies in the subtree at {@code prefix}. */
    static Specification<Person> inUnit(String prefix) {
        return (root, query, cb) -> {
            if (prefix == null || prefix.isEmpty()) {
                return cb.conjunction();
            }
            String like = prefix + "%";
            var branch = root.join("branch", JoinType.LEFT);
            var admin = root.join("adminUnit", JoinType.LEFT);
            var group = root.join("partyGroup", JoinType.LEFT);
            return cb.or(cb.like(branch.get("path"), like), cb.like(admin.get("path"), like),
                    cb.like(group.get("path"), like));
        };
    }

    /** Name (汉字), pinyin ("zhangwei", "zhang"), initials ("zw") or staff/student number. */
    static Specification<Person> matches(String q) {
        return (root, query, cb) -> {
            NameSearch search = NameSearch.of(q);
            if (search == null) {
                return cb.conjunction();
            }
            String term = search.term();
            String latin = search.latin();
            Predicate byName = cb.like(root.get("name"), "%" + term + "%");
            var compactPinyin = cb.function("replace", String.class, root.get("namePinyin"), cb.literal(" "),
                    cb.literal(""));
            Predicate byPinyin = cb.like(compactPinyin, latin + "%");
            Predicate byInitials = cb.like(root.get("nameInitials"), latin + "%");
            Predicate byNumber = cb.like(root.get("staffNo"), term + "%");
            if (!search.typed()) {
                return cb.or(byName, byNumber, cb.like(compactPinyin, search.sound() + "%"));
            }
            return cb.or(byName, byPinyin, byInitials, byNumber);
        };
    }

    static Specification<Person> status(PoliticalStatus status) {
        return (root, query, cb) -> status == null ? cb.conjunction() : cb.equal(root.get("politicalStatus"), status);
    }

    static Specification<Person> type(PersonType type) {
        return (root, query, cb) -> type == null ? cb.conjunction() : cb.equal(root.get("personType"), type);
    }

    static Specification<Person> active(boolean active) {
        return (root, query, cb) -> cb.equal(root.get("active"), active);
    }
}
