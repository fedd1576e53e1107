package cn.hongxin.publishing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hongxin.files.FileAccessPolicy;
import cn.hongxin.files.StoredFile;
import cn.hongxin.organisation.PersonPlacements;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.Permission;

/**
 * Files of articles: the cover or a body image of a published article may be read by anyone signed in; of any
 * other article, by a writer whose scope holds the article's unit (reviewers are writers too).
 */
@Component
class ArticleFileAccess implements FileAccessPolicy {

    private final JdbcClient jdbc;
    private final PublicSite site;
    private final PersonPlacements placements;

    ArticleFileAccess(JdbcClient jdbc, PublicSite site, PersonPlacements placements) {
        this.jdbc = jdbc;
        this.site = site;
        this.placements = placements;
    }

    @Override
    public boolean canRead(StoredFile file, CurrentUser user) {
        if (site.publicImage(file.id())) {
            return true;
        }
        if (user == null || !user.has(Permission.ARTICLE_WRITE)) {
            return false;
        }
        return jdbc.sql("""
                        select count(*) from article where unit_path like :prefix and (cover_file_id = :id
                          or body_html like :plain or body_html like :thumb)""")
                .param("prefix", placements.scopePrefix(user) + "%").param("id", file.id())
                .param("plain", "%\"/files/" + file.id() + "\"%")
                .param("thumb", "%\"/files/" + file.id() + "/thumbnail\"%").query(Long.class).single() > 0;
    }
}
