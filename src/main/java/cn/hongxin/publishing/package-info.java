/**
 * Publishing: articles (sanitised Markdown or rich text) through the review workflow, the public phone-first
 * site with its Atom feed, and the WeChat official account channel.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "security", "organisation", "files", "events", "newsletter"})
package cn.hongxin.publishing;
