package cn.hongxin.portal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which menu link a page belongs to: the most specific one, ids in the path ignored. */
class MenuTests {

    private final Menu menu = new Menu();

    @Test
    void thePageBelongsToTheMostSpecificLink() {
        assertThat(menu.activeUrl("/")).isEqualTo("/");
        assertThat(menu.activeUrl("/brand")).isEqualTo("/brand");
        assertThat(menu.activeUrl("/brand/5/programme")).isEqualTo("/brand/programme");
        assertThat(menu.activeUrl("/brand/5/programme/export")).isEqualTo("/brand/programme");
        assertThat(menu.activeUrl("/brand/5/edit")).isEqualTo("/brand");
        assertThat(menu.activeUrl("/events/12")).isEqualTo("/events");
        assertThat(menu.activeUrl("/events/series/3")).isEqualTo("/events/series");
        assertThat(menu.activeUrl("/events/calendar")).isEqualTo("/events/calendar");
        assertThat(menu.activeUrl("/compliance/heat-map")).isEqualTo("/compliance/heat-map");
        assertThat(menu.activeUrl("/compliance/requirements/7/behind")).isEqualTo("/compliance");
        assertThat(menu.activeUrl("/me/checklist")).isEqualTo("/me/checklist");
    }

    @Test
    void aPageOutsideTheMenuHighlightsNothing() {
        assertThat(menu.activeUrl("/login")).isNull();
        assertThat(menu.activeUrl("/brandnew")).isNull();
        assertThat(menu.activeUrl("")).isNull();
    }
}
