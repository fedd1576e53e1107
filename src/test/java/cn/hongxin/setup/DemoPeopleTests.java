package cn.hongxin.setup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.hongxin.organisation.Gender;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.shared.PhoneNumber;
import cn.hongxin.shared.ResidentIdNumber;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPeopleTests {

    @Test
    void inventsValidDistinctPeopleReproducibly() {
        List<DemoPeople.Identity> first = invent(new DemoPeople(new Random(7)));
        List<DemoPeople.Identity> again = invent(new DemoPeople(new Random(7)));
        assertThat(again).isEqualTo(first);
        assertThat(new HashSet<>(first.stream().map(DemoPeople.Identity::name).toList())).hasSize(first.size());
        assertThat(new HashSet<>(first.stream().map(DemoPeople.Identity::idNumber).toList())).hasSize(first.size());
        assertThat(new HashSet<>(first.stream().map(DemoPeople.Identity::phone).toList())).hasSize(first.size());
        for (DemoPeople.Identity p : first) {
            assertThat(ResidentIdNumber.check(p.idNumber())).as(p.idNumber()).isEmpty();
            ResidentIdNumber id = new ResidentIdNumber(p.idNumber());
            assertThat(id.birthDate()).isEqualTo(p.birthDate());
            assertThat(id.male()).isEqualTo(p.gender() == Gender.MALE);
            assertThat(PhoneNumber.valid(p.phone())).isTrue();
            assertThat(p.name().length()).isBetween(2, 3);
        }
        long han = first.stream().filter(p -> p.ethnicity().equals("汉族")).count();
        assertThat(han).isBetween(first.size() * 80L / 100, first.size() * 97L / 100);
        long wang = first.stream().filter(p -> p.name().startsWith("王")).count();
        long tang = first.stream().filter(p -> p.name().startsWith("汤")).count();
        assertThat(wang).isGreaterThan(tang);
    }

    @Test
    void historiesFollowTheRoadToMembership() {
        Random random = new Random(3);
        LocalDate today = LocalDate.of(2026, 11, 29);
        for (int i = 0; i < 200; i++) {
            LocalDate applied = LocalDate.of(2023, 9, 15);
            List<StatusHistory.Step> steps = StatusHistory.pipeline(PoliticalStatus.FULL_MEMBER, applied, applied,
                    today.minusDays(7), null, random);
            assertThat(steps).extracting(StatusHistory.Step::status).containsExactly(PoliticalStatus.APPLICANT,
                    PoliticalStatus.ACTIVIST, PoliticalStatus.CANDIDATE, PoliticalStatus.PROBATIONARY_MEMBER,
                    PoliticalStatus.FULL_MEMBER);
            assertThat(steps.get(0).on()).isAfterOrEqualTo(applied);
            assertThat(steps.get(4).on()).isBeforeOrEqualTo(today.minusDays(7));
            assertThat(ChronoUnit.DAYS.between(steps.get(1).on(), steps.get(2).on())).isGreaterThanOrEqualTo(365);
            assertThat(ChronoUnit.DAYS.between(steps.get(3).on(), steps.get(4).on())).isBetween(365L, 379L);
        }
    }

    private static List<DemoPeople.Identity> invent(DemoPeople people) {
        List<DemoPeople.Identity> out = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            out.add(people.person(i % 2 == 0 ? Gender.MALE : Gender.FEMALE,
                    LocalDate.of(1970, 1, 1).plusDays(i * 37L), i % 3 != 0));
        }
        return out;
    }
}
