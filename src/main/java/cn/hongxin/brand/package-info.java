/**
 * The brand and its programme: the brand (name, slogan, concept, connotation, logo, owning org unit) and the
 * programme as data — measures grouped by level and category, each with requirements
 * ({@link cn.hongxin.brand.RequirementDefinition}). Nothing of a particular programme is written in Java: the
 * article's 4-3-2-10 ships as a YAML template that setup and the demo load. Other modules read the programme
 * through {@link cn.hongxin.brand.ProgrammeCatalog}; {@code compliance} evaluates it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security", "organisation", "files"})
package cn.hongxin.brand;
