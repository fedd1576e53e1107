/**
 * The party-work newsletter (党建工作简报): numbered issues per organisation and year, sections and items,
 * a first draft collected from a period's finished events and published articles, sign-off and issue, and
 * the red-header PDF, the Word file and the web page of an issue. Articles reach the draft through the
 * {@link cn.hongxin.newsletter.NewsletterArticleSource} interface that article-keeping modules implement.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "security", "organisation", "files", "events"})
package cn.hongxin.newsletter;
