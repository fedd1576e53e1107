package cn.hongxin.support;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.cache.ContextCache;
import org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate;

/** Closes every context in Spring's test-context cache (ContextCache.clear() drops them without closing). */
final class SpringContexts {

    private SpringContexts() {
    }

    @SuppressWarnings("unchecked")
    static void closeAll() {
        try {
            Field cacheField = DefaultCacheAwareContextLoaderDelegate.class.getDeclaredField("defaultContextCache");
            cacheField.setAccessible(true);
            ContextCache cache = (ContextCache) cacheField.get(null);
            Field mapField = cache.getClass().getDeclaredField("contextMap");
            mapField.setAccessible(true);
            List<MergedContextConfiguration> keys = List.copyOf(
                    ((Map<MergedContextConfiguration, ?>) mapField.get(cache)).keySet());
            keys.forEach(key -> cache.remove(key, DirtiesContext.HierarchyMode.EXHAUSTIVE));
        } catch (ReflectiveOperationException e) {
            // a newer Spring changed its internals: contexts are then closed by their shutdown hooks
        }
    }
}
