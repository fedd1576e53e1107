/**
 * The shell every page lives in: layout, menu, home page, language switch, error pages and the
 * translation of refusals into messages for pages and ProblemDetails for the API.
 */
@org.springframework.modulith.ApplicationModule
package cn.hongxin.portal;
