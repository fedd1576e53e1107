package cn.hongxin.portal;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/** The left menu tree, filtered by the signed-in account's permissions. */
@Component
class Menu {

    private static final List<MenuItem> TREE = List.of(
            MenuItem.link("menu.home", "bi-house-heart", "/", null),
            MenuItem.group("menu.organisation", "bi-diagram-3",
                    MenuItem.link("menu.org.units", "bi-diagram-3", "/org/units", "org:unit:view"),
                    MenuItem.link("menu.org.people", "bi-people", "/org/people", "org:person:view"),
                    MenuItem.link("menu.org.calendar", "bi-calendar3", "/org/calendar", "org:unit:view")),
            MenuItem.group("menu.activities", "bi-flag",
                    MenuItem.link("menu.events", "bi-calendar-event", "/events", "event:view"),
                    MenuItem.link("menu.events.series", "bi-easel", "/events/series", "event:view"),
                    MenuItem.link("event.calendar.title", "bi-calendar3-week", "/events/calendar", null),
                    MenuItem.link("submission.review.title", "bi-clipboard-check", "/submissions/review",
                            "submission:review"),
                    MenuItem.link("menu.events.types", "bi-tags", "/events/types", "event:type:edit")),
            MenuItem.group("menu.brand", "bi-heart",
                    MenuItem.link("menu.brand.page", "bi-flag", "/brand", null),
                    MenuItem.link("menu.brand.programme", "bi-diagram-2", "/brand/programme", "brand:view")),
            MenuItem.group("menu.compliance", "bi-clipboard-data",
                    MenuItem.link("menu.compliance.status", "bi-list-check", "/compliance", "compliance:view"),
                    MenuItem.link("menu.compliance.heatMap", "bi-grid-3x3", "/compliance/heat-map",
                            "compliance:view")),
            MenuItem.group("menu.projects", "bi-people-fill",
                    MenuItem.link("menu.mentoring.pairs", "bi-person-hearts", "/mentoring", "mentoring:manage"),
                    MenuItem.link("menu.outreach.team", "bi-megaphone", "/outreach/team", "outreach:edit"),
                    MenuItem.link("menu.outreach.column", "bi-newspaper", "/outreach/column", "outreach:edit"),
                    MenuItem.link("menu.outreach.talks", "bi-heart-pulse", "/outreach/talks", "outreach:edit")),
            MenuItem.group("menu.publishing", "bi-broadcast",
                    MenuItem.link("menu.publishing.articles", "bi-file-earmark-richtext", "/publishing/articles",
                            "article:write"),
                    MenuItem.link("menu.newsletter.issues", "bi-journal-richtext", "/newsletter", "newsletter:edit"),
                    MenuItem.link("menu.publishing.channels", "bi-wechat", "/publishing/channels",
                            "publishing:channel"),
                    MenuItem.link("menu.publishing.site", "bi-globe2", "/site", null)),
            MenuItem.group("menu.evaluation", "bi-graph-up-arrow",
                    MenuItem.link("menu.evaluation.dashboard", "bi-speedometer2", "/evaluation", "evaluation:view"),
                    MenuItem.link("menu.evaluation.points", "bi-trophy", "/evaluation/points", "evaluation:view"),
                    MenuItem.link("menu.evaluation.reports", "bi-file-earmark-spreadsheet", "/evaluation/reports",
                            "evaluation:export"),
                    MenuItem.link("evaluation.points.rules", "bi-sliders", "/evaluation/points/rules", "brand:edit")),
            MenuItem.group("menu.system", "bi-gear",
                    MenuItem.link("menu.system.accounts", "bi-person-badge", "/system/accounts",
                            "sys:account:manage"),
                    MenuItem.link("menu.system.security", "bi-shield-lock", "/system/security",
                            "sys:security:manage"),
                    MenuItem.link("menu.system.audit", "bi-journal-check", "/system/audit", "sys:audit:read")),
            MenuItem.group("menu.me", "bi-person-circle",
                    MenuItem.link("menu.me.checklist", "bi-check2-square", "/me/checklist", null),
                    MenuItem.link("menu.me.events", "bi-calendar-check", "/me/events", null),
                    MenuItem.link("calendarFeed.title", "bi-rss", "/me/calendar-feeds", null),
                    MenuItem.link("menu.me.inbox", "bi-bell", "/me/inbox", null),
                    MenuItem.link("submission.mine.title", "bi-journal-text", "/me/submissions", null),
                    MenuItem.link("menu.me.mentoring", "bi-person-hearts", "/me/mentoring", null),
                    MenuItem.link("menu.me.points", "bi-trophy", "/me/points", null),
                    MenuItem.link("menu.me.password", "bi-key", "/me/password", null),
                    MenuItem.link("menu.me.tokens", "bi-braces", "/me/tokens", "sys:token:use")));

    /** Every link of the tree, collected once. */
    private static final List<String> LINKS = links(TREE);
    private static final java.util.regex.Pattern IDS = java.util.regex.Pattern.compile("/\\d+(?=/|$)");
    private static final java.util.Map<Set<String>, List<MenuItem>> VISIBLE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The menu link a page belongs to: the longest link that is the path or a parent of it, also after dropping
     * the numeric id segments of the path ({@code /brand/5/programme} belongs to {@code /brand/programme}, not to
     * {@code /brand}); {@code /} only for the home page itself. Null when no link fits.
     */
    String activeUrl(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        String withoutIds = IDS.matcher(path).replaceAll("");
        String best = null;
        for (String url : LINKS) {
            if ((covers(url, path) || covers(url, withoutIds)) && (best == null || url.length() > best.length())) {
                best = url;
            }
        }
        return best;
    }

    private static boolean covers(String url, String path) {
        return url.equals("/") ? path.equals("/") : path.equals(url) || path.startsWith(url + "/");
    }

    private static List<String> links(List<MenuItem> items) {
        List<String> out = new java.util.ArrayList<>();
        for (MenuItem item : items) {
            if (item.url() != null) {
                out.add(item.url());
            }
            out.addAll(links(item.children()));
        }
        return out;
    }

    /** The menu tree as an account with these authorities sees it (kept per set of authorities: a few roles). */
    List<MenuItem> visibleTo(Set<String> authorities) {
        List<MenuItem> seen = VISIBLE.get(authorities);
        if (seen == null) {
            seen = TREE.stream().map(item -> filter(item, authorities)).filter(java.util.Objects::nonNull).toList();
            if (VISIBLE.size() >= 256) {
                VISIBLE.clear();
            }
            VISIBLE.put(Set.copyOf(authorities), seen);
        }
        return seen;
    }

    private static MenuItem filter(MenuItem item, Set<String> authorities) {
        if (item.authority() != null && !authorities.contains(item.authority())) {
            return null;
        }
        if (item.url() != null) {
            return item;
        }
        List<MenuItem> children = item.children().stream().map(c -> filter(c, authorities))
                .filter(java.util.Objects::nonNull).toList();
        return children.isEmpty() ? null : new MenuItem(item.labelKey(), item.icon(), null, null, children);
    }
}
