/* The Kapasitas graph viewer's page script.
 * Reads the graph from the JSON block #kg-data, draws it with vis-network, and builds the
 * legend, filters, search results and side panel with DOM APIs and textContent only:
 * article strings are never parsed as HTML. window.kgViewer exposes the state for tests. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var state = {
    ready: false, firstDrawMs: null, stabilizedMs: null, selected: null,
    data: data, network: null, nodes: null, edges: null
  };
  window.kgViewer = state;
  var byId = new Map();
  data.nodes.forEach(function (n) { byId.set(n.id, n); });
  var styles = new Map();
  data.families.forEach(function (f) { styles.set(f.family, f); });
  var big = !data.physics;
  var outgoing = new Map(), incoming = new Map(), undirected = new Map();
  data.nodes.forEach(function (n) { outgoing.set(n.id, []); incoming.set(n.id, []); undirected.set(n.id, []); });
  data.edges.forEach(function (e) {
    outgoing.get(e.from).push(e); incoming.get(e.to).push(e);
    undirected.get(e.from).push(e.to); undirected.get(e.to).push(e.from);
  });
  var hidden = new Map();

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function labelOf(id) { var n = byId.get(id); return n ? n.label : id; }
  function shortPredicate(p) { var i = p.indexOf(":"); return i >= 0 ? p.slice(i + 1) : p; }
  function status(text) { document.getElementById("kg-status").textContent = text; }

  // --- the network ----------------------------------------------------------------------
  function visNode(n) {
    var f = styles.get(n.family) || {color: "#c7c7c7", shape: "dot"};
    return {id: n.id, label: n.label, x: n.x, y: n.y, shape: f.shape, color: f.color};
  }
  function visEdge(e, i) {
    var edge = {id: i, from: e.from, to: e.to};
    if (!big) edge.label = shortPredicate(e.label);
    return edge;
  }
  var options = {
    layout: {improvedLayout: false, randomSeed: 7},
    physics: data.physics ? {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: {gravitationalConstant: -120, springLength: 130, avoidOverlap: 0.5},
      stabilization: {enabled: true, iterations: data.iterations, updateInterval: 50, fit: true}
    } : {enabled: false},
    nodes: {size: 12, borderWidth: 1, font: {size: 14, face: "system-ui, sans-serif"},
            scaling: {label: {drawThreshold: 7}}},
    edges: {arrows: {to: {enabled: true, scaleFactor: 0.5}}, width: 1,
            color: {color: "#a0a0a0", highlight: "#222"},
            font: {size: 10, color: "#555", strokeWidth: 3, align: "middle"},
            smooth: big ? false : {enabled: true, type: "continuous", roundness: 0.3}},
    interaction: {hover: false, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false,
                  multiselect: false, tooltipDelay: 300}
  };
  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
  var network = new vis.Network(document.getElementById("kg-network"),
                                {nodes: nodes, edges: edges}, options);
  state.network = network; state.nodes = nodes; state.edges = edges;

  var drawn = false, settled = !data.physics;
  function markReady() {
    if (state.ready || !drawn || !settled) return;
    state.stabilizedMs = performance.now();
    state.ready = true;
    status(data.nodes.length + " entities, " + data.edges.length + " relations");
  }
  network.once("afterDrawing", function () {
    state.firstDrawMs = performance.now();
    drawn = true;
    markReady();
  });
  if (data.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      network.fit();
      settled = true;
      markReady();
    });
  }
  network.on("click", function (params) {
    if (params.nodes.length) selectNode(params.nodes[0], false);
  });

  // --- side panel -----------------------------------------------------------------------
  function nodeButton(id) {
    var b = el("button", labelOf(id), "kg-link");
    b.type = "button";
    b.addEventListener("click", function () { selectNode(id, true); });
    return b;
  }
  function propsTable(n) {
    var table = el("table", null, "kg-props");
    n.props.forEach(function (row) {
      var tr = el("tr");
      tr.appendChild(el("th", row[0]));
      tr.appendChild(el("td", row[1]));
      table.appendChild(tr);
    });
    return table;
  }
  function relations(id) {
    var ul = el("ul");
    outgoing.get(id).forEach(function (e) {
      var li = el("li", shortPredicate(e.label) + " \u2192 ");
      li.appendChild(nodeButton(e.to)); ul.appendChild(li);
    });
    incoming.get(id).forEach(function (e) {
      var li = el("li");
      li.appendChild(nodeButton(e.from));
      li.appendChild(document.createTextNode(" \u2192 " + shortPredicate(e.label)));
      ul.appendChild(li);
    });
    return ul;
  }
  function evidenceList(id) {
    var box = el("div");
    (data.evidence[id] || []).forEach(function (ev) {
      box.appendChild(el("blockquote", ev.text, "kg-evidence"));
      var other = ev.s === id ? ev.o : ev.s;
      var what = ev.p === "schema:text" ? "quotation" : shortPredicate(ev.p) + ": " + labelOf(other);
      box.appendChild(el("div", what + " \u00b7 " + labelOf(ev.article), "kg-meta"));
    });
    return box;
  }
  function articleList(id) {
    var ul = el("ul");
    (data.mentionedIn[id] || []).forEach(function (a) {
      var info = data.articles[a] || {label: a};
      var li = el("li");
      li.appendChild(byId.has(a) ? nodeButton(a) : el("span", info.label));
      if (info["schema:datePublished"]) li.appendChild(el("span", " (" + info["schema:datePublished"] + ")", "kg-meta"));
      var url = info["schema:url"];
      if (url && /^https?:\/\//i.test(url)) {
        var link = el("a", url, "kg-meta");
        link.href = url; link.target = "_blank"; link.rel = "noopener noreferrer";
        li.appendChild(el("br")); li.appendChild(link);
      }
      ul.appendChild(li);
    });
    return ul;
  }
  function section(box, title, content, count) {
    box.appendChild(el("h3", title + " (" + count + ")"));
    box.appendChild(content);
  }
  function showPanel(id) {
    var n = byId.get(id), box = document.getElementById("kg-details");
    clear(box);
    box.appendChild(el("h2", n.label, "kg-name"));
    var f = styles.get(n.family);
    box.appendChild(el("div", f ? f.label : n.family, "kg-type"));
    box.appendChild(propsTable(n));
    section(box, "Relations", relations(id), outgoing.get(id).length + incoming.get(id).length);
    section(box, "Evidence sentences", evidenceList(id), (data.evidence[id] || []).length);
    section(box, "Source articles", articleList(id), (data.mentionedIn[id] || []).length);
  }
  function selectNode(id, move) {
    if (!byId.has(id)) return;
    if (hidden.get(id)) resetFilters();
    state.selected = id;
    network.selectNodes([id]);
    if (move) network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: false});
    showPanel(id);
  }

  // --- search ---------------------------------------------------------------------------
  function rank(n, q) {
    var names = [n.label].concat(n.alt).map(function (s) { return s.toLowerCase(); });
    if (names[0] === q) return 0;
    if (names.indexOf(q) >= 0) return 1;
    if (names.some(function (s) { return s.indexOf(q) === 0; })) return 2;
    if (names.some(function (s) { return s.indexOf(q) >= 0; })) return 3;
    return -1;
  }
  function search(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var found = [];
    data.nodes.forEach(function (n) { var r = rank(n, q); if (r >= 0) found.push([r, n.label, n.id]); });
    found.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0); });
    return found.slice(0, 20).map(function (x) { return x[2]; });
  }
  function runSearch(query) {
    var ids = search(query), list = document.getElementById("kg-results");
    clear(list);
    if (!ids.length) { list.appendChild(el("li", "No entity named \u201c" + query + "\u201d", "kg-hint")); return ids; }
    ids.forEach(function (id) { var li = el("li"); li.appendChild(nodeButton(id)); list.appendChild(li); });
    selectNode(ids[0], true);
    return ids;
  }
  document.getElementById("kg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    runSearch(document.getElementById("kg-search").value);
  });

  // --- filters --------------------------------------------------------------------------
  function checkedFamilies() {
    var on = new Set();
    document.querySelectorAll("#kg-legend-list input").forEach(function (box) {
      if (box.checked) on.add(box.value);
    });
    return on;
  }
  function around(start, hops) {
    var seen = new Set([start]), frontier = [start];
    for (var i = 0; i < hops; i++) {
      var next = [];
      frontier.forEach(function (id) {
        undirected.get(id).forEach(function (m) { if (!seen.has(m)) { seen.add(m); next.push(m); } });
      });
      frontier = next;
    }
    return seen;
  }
  function applyFilters() {
    var fams = checkedFamilies(), event = document.getElementById("kg-event").value;
    var keep = event ? around(event, Number(document.getElementById("kg-hops").value)) : null;
    var updates = [], visible = [];
    data.nodes.forEach(function (n) {
      var hide = !fams.has(n.family) || (keep !== null && !keep.has(n.id));
      if (!hide) visible.push(n.id);
      if ((hidden.get(n.id) || false) !== hide) { hidden.set(n.id, hide); updates.push({id: n.id, hidden: hide}); }
    });
    nodes.update(updates);
    status("showing " + visible.length + " of " + data.nodes.length + " entities");
    if (keep !== null && visible.length) network.fit({nodes: visible, animation: false});
    return visible.length;
  }
  function resetFilters() {
    document.querySelectorAll("#kg-legend-list input").forEach(function (box) { box.checked = true; });
    document.getElementById("kg-event").value = "";
    applyFilters();
  }
  function buildLegend() {
    var list = document.getElementById("kg-legend-list");
    data.families.forEach(function (f) {
      var li = el("li"), label = el("label"), box = el("input"), swatch = el("span", null, "kg-swatch");
      box.type = "checkbox"; box.checked = true; box.value = f.family;
      box.addEventListener("change", applyFilters);
      swatch.style.background = f.color;
      label.appendChild(box); label.appendChild(swatch);
      label.appendChild(document.createTextNode(f.label + " "));
      label.appendChild(el("span", f.count, "kg-count"));
      li.appendChild(label); list.appendChild(li);
    });
    var select = document.getElementById("kg-event");
    data.events.forEach(function (id) {
      var opt = el("option", labelOf(id)); opt.value = id; select.appendChild(opt);
    });
    select.addEventListener("change", applyFilters);
    document.getElementById("kg-hops").addEventListener("change", applyFilters);
  }
  buildLegend();
  status("drawing " + data.nodes.length + " entities\u2026");
  state.select = selectNode;
  state.search = runSearch;
  state.applyFilters = applyFilters;
  state.resetFilters = resetFilters;
})();
