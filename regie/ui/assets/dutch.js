// Streamlit's own interface texts in Dutch (the uploader, multiselects, table and chart toolbars,
// the connection dialog). Runs in the app's page, once; watches the page for new elements. Only
// texts and tooltips of Streamlit itself are touched, never the app's content.
(function () {
  if (window.__regieDutch) { return; }
  window.__regieDutch = true;
  var LIMIT = "__LIMIT__";
  var EXACT = {
    "Drag and drop file here": "Sleep een bestand hierheen",
    "Drag and drop files here": "Sleep bestanden hierheen",
    "Browse files": "Bestand kiezen",
    "Upload": "Bestand kiezen",
    "file upload": "bestand laden",
    "Select all": "Alles kiezen",
    "No results": "Geen resultaten",
    "No options to select": "Geen keuzes",
    "Choose an option": "Maak een keuze",
    "Choose options": "Maak een keuze",
    "Clear all": "Alles wissen",
    "Selected values": "Gekozen waarden",
    "Remove": "Verwijderen",
    "Connection error": "Geen verbinding",
    "Is Streamlit still running? If you accidentally stopped Streamlit, just restart it in your terminal:":
      "De verbinding met de server is weg. Wacht even, of laad de pagina opnieuw; uw gekozen bestand moet u dan opnieuw laden.",
    "Running...": "Bezig…",
    "Stop": "Stop",
    "Rerun": "Opnieuw uitvoeren",
    "Settings": "Instellingen",
    "Print": "Afdrukken",
    "About": "Over",
    "Clear cache": "Cache wissen",
    "Download as CSV": "Downloaden als CSV",
    "Download": "Downloaden",
    "Search": "Zoeken",
    "Fullscreen": "Volledig scherm",
    "Close fullscreen": "Volledig scherm sluiten",
    "Show/hide columns": "Kolommen tonen of verbergen",
    "Copy to clipboard": "Kopiëren",
    "Download plot as a png": "Grafiek downloaden als png",
    "Zoom": "Zoomen", "Pan": "Verschuiven", "Zoom in": "Inzoomen", "Zoom out": "Uitzoomen",
    "Autoscale": "Automatisch schalen", "Reset axes": "Assen herstellen", "Reset view": "Beeld herstellen",
    "Box Select": "Rechthoek kiezen", "Lasso Select": "Lasso kiezen", "Produced with Plotly.js": "Plotly.js",
    "Collapse sidebar": "Zijbalk inklappen", "Expand sidebar": "Zijbalk uitklappen",
    "View fullscreen": "Volledig scherm", "Exit fullscreen": "Volledig scherm sluiten",
    "Toggle sidebar": "Zijbalk tonen of verbergen"
  };
  var PATTERNS = [
    [/^(Limit )?\d+(\.\d+)?\s?[KMG]B per file.*$/, LIMIT],
    [/^File must be .* or smaller\.?$/, LIMIT],
    [/^(\d+) selected$/, "$1 gekozen"],
    [/^Press Enter to add/, "Druk op Enter om toe te voegen"],
    [/^This app has encountered an error\..*$/,
     "Er ging iets mis op deze pagina. De fout is vastgelegd voor de beheerder; laad de pagina opnieuw of kies een andere pagina."]
  ];
  var ATTRIBUTES = ["aria-label", "title", "data-title", "placeholder"];

  function translated(text) {
    var trimmed = text.trim();
    if (!trimmed) { return null; }
    if (Object.prototype.hasOwnProperty.call(EXACT, trimmed)) { return text.replace(trimmed, EXACT[trimmed]); }
    for (var i = 0; i < PATTERNS.length; i++) {
      if (PATTERNS[i][0].test(trimmed)) { return trimmed.replace(PATTERNS[i][0], PATTERNS[i][1]); }
    }
    return null;
  }
  function own(node) {  // the app's content is never touched: only Streamlit's chrome and widgets' insides
    var element = node.nodeType === 1 ? node : node.parentElement;
    if (!element || element.closest('[data-testid="stIconMaterial"]')) { return true; }
    if (element.closest('[data-testid="stFileUploaderDropzone"], [data-testid="stException"]')) { return false; }  // Streamlit's own
    return !!element.closest(
      '[data-testid="stMarkdownContainer"], [data-testid="stText"], [data-testid="stCaptionContainer"], ' +
      '[data-testid="stHeading"], [data-testid="stMetric"], .stDataFrame [role="gridcell"]');
  }
  function fixText(node) {
    if (own(node)) { return; }
    var text = translated(node.nodeValue);
    if (text !== null && text !== node.nodeValue) { node.nodeValue = text; }
  }
  function fixAttributes(element) {
    for (var k = 0; k < ATTRIBUTES.length; k++) {
      var value = element.getAttribute(ATTRIBUTES[k]);
      if (value) {
        var changed = translated(value);
        if (changed !== null && changed !== value) { element.setAttribute(ATTRIBUTES[k], changed); }
      }
    }
  }
  function fix(root) {
    if (root.nodeType === 3) { fixText(root); return; }
    if (root.nodeType !== 1 || root.closest(".main-svg")) { return; }  // a chart's own drawing: data, not chrome
    fixAttributes(root);
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) { fixText(node); }
    var elements = root.querySelectorAll("[aria-label], [title], [data-title], [placeholder]");
    for (var j = 0; j < elements.length; j++) { fixAttributes(elements[j]); }
  }
  new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      var record = records[i];
      if (record.type === "childList") {
        for (var n = 0; n < record.addedNodes.length; n++) { fix(record.addedNodes[n]); }
      } else if (record.type === "characterData") {
        fixText(record.target);
      } else if (record.target.nodeType === 1) {
        fixAttributes(record.target);
      }
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true,
                              attributeFilter: ATTRIBUTES });
  fix(document.body);
})();
