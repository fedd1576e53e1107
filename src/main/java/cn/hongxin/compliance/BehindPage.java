package cn.hongxin.compliance;

import java.util.List;

/** One page of a who-is-behind list, and how many there are in all. */
public record BehindPage(List<BehindRow> rows, long total, int page, int size) {

    public BehindPage {
        rows = List.copyOf(rows);
    }
}
