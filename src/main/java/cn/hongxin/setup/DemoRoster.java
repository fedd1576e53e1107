package cn.hongxin.setup;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;

/**
 * The demo department as its activities see it, once people, posts and accounts exist: the units, every
 * person with the facts the demo plans by, who holds which post, and the demo accounts' usernames.
 *
 * @param usernames the demo account each role name (zongzhi, jiaogong …) became
 */
record DemoRoster(OrgUnitView generalBranch, OrgUnitView teachersBranch, OrgUnitView studentsBranch,
                  OrgUnitView department, List<OrgUnitView> teacherGroups, List<OrgUnitView> studentGroups,
                  List<OrgUnitView> classes, List<Member> teachers, List<Member> students, List<Posting> postings,
                  Map<String, String> usernames) {

    /** A person of the demo; {@code grade} is 0 for the oldest grade of students and -1 for teachers. */
    record Member(long id, String name, String number, PersonType type, PoliticalStatus status, int grade,
                  Long groupId, long adminUnitId, String office, boolean partyLeader) {

        boolean partyMember() {
            return status.partyMember();
        }
    }

    /** A post held in a unit. */
    record Posting(long personId, long unitId, PartyPost post) {
    }

    /** The username of a demo account by its planned name (zongzhi, jiaogong, xuesheng, zhiwei, dangyuan, jiji). */
    String account(String planned) {
        return usernames.getOrDefault(planned, planned);
    }

    Optional<Member> holder(OrgUnitView unit, PartyPost post) {
        return postings.stream().filter(p -> p.unitId() == unit.id() && p.post() == post).findFirst()
                .map(p -> person(p.personId()));
    }

    /** Everybody holding a post in {@code unit}. */
    List<Member> officers(OrgUnitView unit) {
        return postings.stream().filter(p -> p.unitId() == unit.id()).map(p -> person(p.personId())).toList();
    }

    Member person(long id) {
        return teachers.stream().filter(m -> m.id() == id).findFirst()
                .or(() -> students.stream().filter(m -> m.id() == id).findFirst())
                .orElseThrow(() -> new IllegalStateException("demo: no person " + id));
    }

    boolean holdsPost(long personId) {
        return postings.stream().anyMatch(p -> p.personId() == personId);
    }

    List<Member> everybody() {
        return java.util.stream.Stream.concat(teachers.stream(), students.stream()).toList();
    }
}
