  // Tooltips arrive as plain text and become text nodes: nothing from a document is parsed as HTML.
  function textTip(text) {
    var el = document.createElement("div");
    el.className = "aikg-tip";
    el.textContent = text == null ? "" : String(text);
    return el;
  }
  // The page's data (nodes, edges, options) from its JSON script element, with text tooltips.
  function readPayload() {
    var payload = JSON.parse(document.getElementById("aikg-data").textContent);
    payload.nodes.forEach(function (n) { n.title = textTip(n.title); });
    payload.edges.forEach(function (e) { e.title = textTip(e.title); });
    return payload;
  }
