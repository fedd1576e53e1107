package cn.hongxin.events;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry's result in a contest: a person or a team, with score, rank and award. */
@Entity
@Table(name = "contest_result")
class ContestResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long eventId;
    private Long personId;
    private String personName;
    private String teamName;
    private BigDecimal score;
    private Integer rankNo;
    private String award;

    protected ContestResult() {
    }

    ContestResult(long eventId, Long personId, String personName, String teamName, BigDecimal score, Integer rankNo,
                  String award) {
        this.eventId = eventId;
        this.personId = personId;
        this.personName = personName;
        this.teamName = teamName;
        this.score = score;
        this.rankNo = rankNo;
        this.award = award;
    }

    Long getEventId() { return eventId; }

    ContestResultView toView() {
        return new ContestResultView(id, personId, personName, teamName, score, rankNo, award);
    }
}
