package cn.hongxin.brand;

/** Who a requirement asks something of. */
public enum SubjectKind {
    /** Each person in the requirement's scope. */
    PERSON,
    /** Each party leader (党员领导干部) in the scope. */
    PARTY_LEADER,
    /** Each party branch (支部) in the scope; evidence of any unit inside the branch counts for it. */
    BRANCH,
    /** The organisation that owns the scope (the scope's root unit); evidence of any unit inside counts. */
    ORGANISATION
}
