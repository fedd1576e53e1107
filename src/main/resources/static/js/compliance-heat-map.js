/* The compliance heat map (branch x measure) drawn with the self-hosted ECharts; data from the page's JSON endpoint. */
(function () {
    'use strict';
    var el = document.getElementById('heat-map');
    if (!el || typeof echarts === 'undefined') {
        return;
    }
    var d = el.dataset;
    var en = d.lang === 'en';

    function esc(s) {
        return String(s).replace(/[&<>"']/g, function (ch) {
            return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[ch];
        });
    }

    function rate(c) {
        var due = c.met + c.behind + c.missed;
        return due === 0 ? null : Math.round(c.met * 100 / due);
    }

    /* On a phone the measures are the rows and the branches the columns (there are fewer branches). */
    var narrow = el.clientWidth < 640;

    function draw(map) {
        var measureNames = map.measures.map(function (m) { return en ? m.nameEn : m.nameZh; });
        var branchNames = map.branches.map(function (b) { return b.name; });
        if (narrow) {
            el.style.height = Math.max(320, 160 + 44 * map.measures.length) + 'px';
        }
        var measureIndex = {}, branchIndex = {};
        map.measures.forEach(function (m, i) { measureIndex[m.id] = i; });
        map.branches.forEach(function (b, i) { branchIndex[b.id] = i; });
        var data = [];
        map.cells.forEach(function (c) {
            var x = measureIndex[c.measureId], y = branchIndex[c.branchId];
            if (x === undefined || y === undefined) {
                return;
            }
            var r = rate(c.counts);
            data.push({value: narrow ? [y, x, r === null ? '-' : r] : [x, y, r === null ? '-' : r],
                counts: c.counts, branchId: c.branchId, measureId: c.measureId});
        });
        var chart = echarts.init(el, null, {renderer: 'svg'});
        chart.setOption({
            animation: false,
            grid: {left: narrow ? 20 : 8, right: 16, top: 8, bottom: narrow ? 50 : 90, containLabel: true},
            tooltip: {
                formatter: function (p) {
                    var c = p.data.counts;
                    var r = p.data.value[2];
                    return esc(branchNames[branchIndex[p.data.branchId]]) + '<br>'
                        + esc(measureNames[measureIndex[p.data.measureId]]) + '<br>'
                        + d.labelRate + ': ' + (r === '-' ? d.labelNone : r + '%') + '<br>'
                        + d.labelMet + ' ' + c.met + ' · ' + d.labelBehind + ' ' + c.behind + ' · '
                        + d.labelMissed + ' ' + c.missed;
                }
            },
            xAxis: {
                type: 'category', splitArea: {show: true},
                data: narrow ? branchNames : measureNames,
                axisLabel: narrow ? {interval: 0, width: 70, overflow: 'break'}
                    : {interval: 0, rotate: 35, width: 110, overflow: 'truncate'}
            },
            yAxis: {
                type: 'category', splitArea: {show: true}, inverse: true,
                data: narrow ? measureNames : branchNames,
                axisLabel: {interval: 0, width: narrow ? 110 : 140, overflow: 'truncate'}
            },
            visualMap: {
                min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
                itemHeight: 120, text: ['100%', '0%'],
                inRange: {color: ['#c8102e', '#f1cf91', '#17794a']},
                outOfRange: {color: '#e9ecef'}
            },
            series: [{
                name: d.labelRate, type: 'heatmap', data: data,
                label: {show: true, formatter: function (p) { return p.data.value[2] === '-' ? '' : p.data.value[2] + '%'; }},
                emphasis: {itemStyle: {borderColor: '#333', borderWidth: 1}}
            }]
        });
        chart.on('click', function (p) {
            if (p.data && p.data.measureId) {
                window.location.href = d.behindUrl + p.data.measureId + '/behind?' + d.query + '&unit=' + p.data.branchId;
            }
        });
        window.addEventListener('resize', function () { chart.resize(); });
        el.dataset.rendered = String(data.length);
    }

    fetch(d.url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (r) { return r.json(); })
        .then(draw)
        .catch(function () { el.dataset.rendered = 'error'; });
}());
