package cn.hongxin.portal;

import java.util.List;

/**
 * One entry of the left menu tree.
 *
 * @param labelKey   message key of the label
 * @param url        target, or {@code null} for a group
 * @param authority  permission needed to see it, or {@code null} for every signed-in user
 */
public record MenuItem(String labelKey, String icon, String url, String authority, List<MenuItem> children) {

    public static MenuItem link(String labelKey, String icon, String url, String authority) {
        return new MenuItem(labelKey, icon, url, authority, List.of());
    }

    public static MenuItem group(String labelKey, String icon, MenuItem... children) {
        return new MenuItem(labelKey, icon, null, null, List.of(children));
    }

}
