package cn.hongxin.organisation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one reading of a name search term, shared by the people list and the who-is-behind list. */
class NameSearchTests {

    @Test
    void aBlankTermIsNoSearch() {
        assertThat(NameSearch.of(null)).isNull();
        assertThat(NameSearch.of("  ")).isNull();
    }

    @Test
    void lettersAreReadAsPinyinOrInitials() {
        NameSearch s = NameSearch.of(" Li Hong ");
        assertThat(s.term()).isEqualTo("Li Hong");
        assertThat(s.latin()).isEqualTo("lihong");
        assertThat(s.typed()).isTrue();
        assertThat(s.sound()).isEqualTo("lihong");
        assertThat(s.matches("李红")).isTrue();
        assertThat(s.matches("王强")).isFalse();
        assertThat(NameSearch.of("lh").matches("李红")).as("initials").isTrue();
        assertThat(NameSearch.of("li").matches("李红")).as("start of the pinyin").isTrue();
        assertThat(NameSearch.of("hong").matches("李红")).as("not the middle of the pinyin").isFalse();
        assertThat(s.matches(null)).isFalse();
    }

    @Test
    void charactersFindPartsOfNamesAndNamesThatSoundTheSame() {
        NameSearch s = NameSearch.of("李宏");
        assertThat(s.typed()).isFalse();
        assertThat(s.sound()).isEqualTo("lihong");
        assertThat(s.matches("李宏伟")).isTrue();
        assertThat(s.matches("李红")).as("sounds the same").isTrue();
        assertThat(NameSearch.of("红").matches("李红")).as("part of the name").isTrue();
        assertThat(NameSearch.of("王").matches("李红")).isFalse();
    }
}
