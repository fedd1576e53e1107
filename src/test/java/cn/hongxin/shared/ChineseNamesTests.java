package cn.hongxin.shared;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseNamesTests {

    @Test
    void readsNamesAsPinyinWithInitials() {
        assertThat(ChineseNames.pinyin("张伟")).isEqualTo("zhang wei");
        assertThat(ChineseNames.initials("zhang wei")).isEqualTo("zw");
        assertThat(ChineseNames.compact("zhang wei")).isEqualTo("zhangwei");
    }

    @Test
    void readsSurnamesWithTheirSurnameReading() {
        assertThat(ChineseNames.pinyin("单雄信")).startsWith("shan ");
        assertThat(ChineseNames.pinyin("曾国藩")).startsWith("zeng ");
    }

    @Test
    void sortsEveryChenBeforeEveryCheng() {
        List<String> names = List.of("程可馨", "陈航", "陈承宇", "程妍", "曹宇泽", "张伟", "安娜");
        List<String> sorted = names.stream()
                .sorted(Comparator.comparing(n -> ChineseNames.collationKey(ChineseNames.pinyin(n))))
                .toList();
        assertThat(sorted).containsExactly("安娜", "曹宇泽", "陈承宇", "陈航", "程可馨", "程妍", "张伟");
    }
}
