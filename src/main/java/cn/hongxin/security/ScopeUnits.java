package cn.hongxin.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The org units an account's data scope can be set to. Security does not know the org tree, so the
 * organisation module implements this; without an implementation scopes are taken as given.
 */
public interface ScopeUnits {

    /** One unit in a pick list; {@code depth} 0 is the top of what the caller sees. */
    record ScopeUnit(long id, String name, int depth) {
    }

    /** The units the signed-in account may hand out as a scope (its own visible subtree), in tree order. */
    List<ScopeUnit> assignable();

    /** Names of the given units, whatever the caller's own scope (to show an account's scope). */
    Map<Long, String> names(Collection<Long> ids);
}
