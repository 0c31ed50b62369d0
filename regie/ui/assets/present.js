// Presentation mode of the page Presenteren: the arrow keys, PageUp/PageDown (what a presenter's
// clicker sends) and the space bar step through the views by pressing the page's own buttons; F or
// the button "Volledig scherm" asks the browser for full screen, Escape leaves it. Runs once; on
// other pages the buttons are absent and nothing happens. Requests nothing.
(function () {
  if (window.__regiePresent) { return; }
  window.__regiePresent = true;
  var NEXT = ["ArrowRight", "PageDown", " ", "ArrowDown"];
  var PREVIOUS = ["ArrowLeft", "PageUp", "ArrowUp"];
  function press(key) {
    var button = document.querySelector(".st-key-" + key + " button");
    if (button && !button.disabled) { button.click(); return true; }
    return false;
  }
  function presenting() { return !!document.querySelector(".st-key-presenteren_volgende"); }
  function fullScreen() {
    var root = document.documentElement;
    if (!document.fullscreenElement && root.requestFullscreen) { root.requestFullscreen().catch(function () {}); }
  }
  document.addEventListener("keydown", function (event) {
    if (!presenting() || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    if (NEXT.indexOf(event.key) >= 0) {
      if (press("presenteren_volgende")) { event.preventDefault(); }
    } else if (PREVIOUS.indexOf(event.key) >= 0) {
      if (press("presenteren_vorige")) { event.preventDefault(); }
    } else if (event.key === "f" || event.key === "F") {
      fullScreen();
      event.preventDefault();
    }
  }, true);
  // The screen's height travels with the next rerun in the address (?hoogte=N), so that the chart
  // can fill what the step bar and the takeaway leave.
  function inMode() { return !!document.querySelector(".st-key-presenteren_stoppen"); }
  function syncHeight(force) {
    if (force !== true && !inMode()) { return; }
    var url = new URL(window.location.href);
    var height = String(window.innerHeight);
    if (url.searchParams.get("hoogte") !== height) {
      url.searchParams.set("hoogte", height);
      window.history.replaceState(window.history.state, "", url);
      if (force !== true) { press("presenteren_hoogte"); }  // a rerun, so the chart takes the new height
    }
  }
  window.addEventListener("resize", syncHeight);
  document.addEventListener("fullscreenchange", syncHeight);
  new MutationObserver(syncHeight).observe(document.body, { childList: true, subtree: true });
  syncHeight();
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest(".st-key-presenteren_volledig")) {
      syncHeight(true);  // before the rerun this click asks for: the first view already fits
      fullScreen();
    }
  }, true);
})();
