package cn.hongxin.brand;

/** What the brand page edits: the texts and the active flag (the logo is uploaded on its own). */
public record BrandForm(String name, String slogan, String concept, String connotation, boolean active) {

    public static BrandForm of(BrandView b) {
        return new BrandForm(b.name(), b.slogan(), b.concept(), b.connotation(), b.active());
    }
}
