// The first-100-days checklist remembers what the reader ticked, in this browser only (localStorage, also
// for a page opened from disk); nothing leaves the browser. Without JavaScript the page shows the printed
// form's empty boxes. "Clear" unticks everything; "Print my progress" prints the page as ticked.
(function () {
  "use strict";
  var STORAGE_KEY = "r2p-manual:first-100-days";

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(STORAGE_KEY)) || {};
    } catch (error) {
      return {};
    }
  }

  function save(ticked) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(ticked));
    } catch (error) {
      // Storage refused (private mode, full): the boxes still tick for this visit.
    }
  }

  function setUp() {
    var boxes = document.querySelectorAll(".checklist-box[data-item]");
    if (!boxes.length) return;
    var controls = document.querySelector(".checklist-controls");
    var ticked = load();
    boxes.forEach(function (box) {
      var input = document.createElement("input");
      input.type = "checkbox";
      input.className = "checklist-tick";
      input.dataset.item = box.dataset.item;
      input.checked = ticked[box.dataset.item] === true;
      input.setAttribute("aria-label", box.dataset.task || box.dataset.item);
      input.addEventListener("change", function () {
        var current = load();
        if (input.checked) current[input.dataset.item] = true;
        else delete current[input.dataset.item];
        save(current);
      });
      box.replaceWith(input);
    });
    if (controls) {
      controls.hidden = false;
      controls.querySelector("[data-action=clear]").addEventListener("click", function () {
        save({});
        document.querySelectorAll(".checklist-tick").forEach(function (input) {
          input.checked = false;
        });
      });
      controls.querySelector("[data-action=print]").addEventListener("click", function () {
        window.print();
      });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
