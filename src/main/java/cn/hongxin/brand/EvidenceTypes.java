package cn.hongxin.brand;

import java.util.Optional;
import java.util.Set;

/**
 * The type codes that exist for an evidence kind (event type codes, submission kinds), so that a programme cannot
 * name a type nothing ever produces. Implemented outside this module (the brand does not depend on the modules
 * that own the types); an empty answer means the kind's types are free codes (article channels) and are not checked.
 */
public interface EvidenceTypes {

    Optional<Set<String>> known(EvidenceKind kind);
}
