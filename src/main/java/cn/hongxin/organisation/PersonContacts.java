package cn.hongxin.organisation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's contact addresses for the system's own messages (reminders by email). It checks no permission and no
 * data scope: it serves jobs that run without a signed-in account, and pages must not show what it returns.
 */
@Service
public class PersonContacts {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;

    PersonContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The email address of each given active person who has one, by person id. */
    @Transactional(readOnly = true)
    public Map<Long, String> emails(Collection<Long> personIds) {
        Map<Long, String> result = new HashMap<>();
        List<Long> ids = personIds.stream().distinct().toList();
        for (int i = 0; i < ids.size(); i += BATCH) {
            jdbc.sql("select id, email from person where active = true and email is not null and id in (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + BATCH)))
                    .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("email").strip())).list()
                    .stream().filter(e -> !e.getValue().isEmpty()).forEach(e -> result.put(e.getKey(), e.getValue()));
        }
        return result;
    }
}
