package cn.hongxin.mentoring;

import java.time.LocalDate;

/** A pair's row as stored: names beside the ids, the sensitive fields still encrypted. */
record StoredPair(long id, long leadPersonId, String leadName, String leadBranchPath, String leadUnitName,
                  long partnerPersonId, String partnerName, long studentPersonId, String studentName,
                  String studentUnitName, String careNeedsEnc, String goalsEnc, LocalDate startedOn, PairState state,
                  LocalDate closedOn, String outcomeKind, String outcomeEnc) {

    boolean teacher(Long personId) {
        return personId != null && (personId == leadPersonId || personId == partnerPersonId);
    }

    boolean open() {
        return state == PairState.OPEN;
    }
}
