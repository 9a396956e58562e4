// The theme asks for the search index, the heaviest file a page would load, as soon as any page
// starts, and parses it while the page is still loading. Served, the request is held until the
// reader reaches for search: points at it, focuses its field (a click, a tap, or the theme's keys S, F
// and /), or arrives with a query to show (?q=) or to highlight (?h=, a search result's link). Opened from
// disk, the theme reads the index through a <script> instead, which this leaves alone.
// Loaded before the theme's script (overrides/main.html), which makes the request.
(function () {
  "use strict";
  var SEARCH_INDEX = /\/search\/search_index\.json$/;
  var SEARCH_FIELD = "[data-md-component=search-query]";
  var SEARCH_CONTROLS = ".md-search, label[for=__search]";
  var OPENED = 1; // XMLHttpRequest.OPENED: open() called, send() not yet
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = /[?&][qh]=/.test(location.search);

  XMLHttpRequest.prototype.open = function (method, url) {
    this.forSearchIndex = SEARCH_INDEX.test(new URL(url, location.href).pathname);
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    if (this.forSearchIndex && !wanted) {
      held.push({ request: this, body: arguments });
    } else {
      send.apply(this, arguments);
    }
  };

  function release() {
    wanted = true;
    held.splice(0).forEach(function (entry) {
      if (entry.request.readyState === OPENED) {
        send.apply(entry.request, entry.body);
      }
    });
  }

  function whenOn(selector) {
    return function (event) {
      if (!wanted && event.target instanceof Element && event.target.closest(selector)) {
        release();
      }
    };
  }

  document.addEventListener("pointerover", whenOn(SEARCH_CONTROLS));
  document.addEventListener("focusin", whenOn(SEARCH_FIELD));
})();
