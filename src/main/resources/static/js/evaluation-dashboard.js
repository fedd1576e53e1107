/* The evaluation dashboard's charts, drawn with the self-hosted ECharts from the numbers in the page's own tables. */
(function () {
    'use strict';
    if (typeof echarts === 'undefined') {
        return;
    }

    function split(s) {
        return s === undefined || s === '' ? [] : s.split('|');
    }

    function numbers(s) {
        return split(s).map(function (v) { return v === '' ? null : Number(v); });
    }

    /* A sparkline under each indicator card: its value over the last periods. */
    document.querySelectorAll('.evaluation-spark').forEach(function (el) {
        var values = numbers(el.dataset.values);
        if (values.length < 2) {
            return;
        }
        var chart = echarts.init(el, null, {renderer: 'canvas'});
        chart.setOption({
            animation: false,
            grid: {left: 2, right: 2, top: 4, bottom: 4},
            tooltip: {trigger: 'axis'},
            xAxis: {type: 'category', show: false, data: split(el.dataset.labels)},
            yAxis: {type: 'value', show: false, scale: true},
            series: [{type: 'line', data: values, symbolSize: 4, lineStyle: {width: 2, color: '#c0392b'},
                itemStyle: {color: '#c0392b'}, areaStyle: {color: 'rgba(192,57,43,0.12)'}, connectNulls: true}]
        });
        window.addEventListener('resize', function () { chart.resize(); });
    });

    function rows(table) {
        return Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
            return {name: tr.dataset.name, values: numbers(tr.dataset.values)};
        });
    }

    function draw(id, table, type, stack) {
        var el = document.getElementById(id);
        var t = document.getElementById(table);
        if (!el || !t) {
            return;
        }
        var months = split((t.dataset.months !== undefined ? t : document.getElementById('participation-table')).dataset.months);
        var series = rows(t).map(function (r) {
            return {name: r.name, type: type, stack: stack, data: r.values, barMaxWidth: 28};
        });
        var chart = echarts.init(el, null, {renderer: 'canvas'});
        chart.setOption({
            animation: false,
            color: ['#c0392b', '#e67e22', '#2e86c1', '#27ae60', '#8e44ad', '#7f8c8d'],
            tooltip: {trigger: 'axis'},
            legend: {type: 'scroll', bottom: 0},
            grid: {left: 8, right: 16, top: 16, bottom: 40, containLabel: true},
            xAxis: {type: 'category', data: months},
            yAxis: {type: 'value', minInterval: 1},
            series: series
        });
        el.dataset.rendered = String(series.length);
        window.addEventListener('resize', function () { chart.resize(); });
    }

    draw('chart-participation', 'participation-table', 'bar', 'total');
    draw('chart-activity', 'activity-table', 'line', undefined);
}());
