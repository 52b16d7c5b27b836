// resdiff report: keyboard navigation, section filter, folded clauses opened on demand.
// The page works without this script; it only adds conveniences.
(function () {
  "use strict";
  var visible = function (el) {
    return el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0;
  };
  var changes = function () {
    return Array.prototype.filter.call(document.querySelectorAll(".clause.changed"), visible);
  };
  var reveal = function () {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    var fold = el.closest("details");
    if (fold) fold.open = true;
    var clause = el.closest(".clause");
    if (clause) clause.focus({ preventScroll: true });
    document.querySelectorAll(".toc a").forEach(function (a) {
      a.classList.toggle("current", clause && a.getAttribute("href") === "#" + clause.id);
    });
  };
  var go = function (step) {
    var list = changes();
    if (!list.length) return;
    var id = decodeURIComponent(location.hash.slice(1));
    var i = list.findIndex(function (el) { return el.id === id; });
    var bar = document.querySelector(".bar");
    var top = bar ? bar.getBoundingClientRect().bottom + 4 : 4;
    if (i >= 0) {
      i += step;
    } else if (step > 0) {
      i = list.findIndex(function (el) { return el.getBoundingClientRect().top > top; });
      if (i < 0) i = list.length - 1;
    } else {
      i = -1;
      list.forEach(function (el, k) { if (el.getBoundingClientRect().top < top - 8) i = k; });
      if (i < 0) i = 0;
    }
    i = Math.max(0, Math.min(list.length - 1, i));
    location.hash = list[i].id;
  };
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && t.matches && t.matches("select, textarea, input:not([type=radio])")) return;
    if (e.key === "n" || e.key === "j") { go(1); e.preventDefault(); }
    else if (e.key === "p" || e.key === "k") { go(-1); e.preventDefault(); }
  });
  window.addEventListener("hashchange", reveal);
  reveal();

  var select = document.getElementById("section-filter");
  if (select) {
    select.hidden = false;
    select.addEventListener("change", function () {
      document.querySelectorAll(".division").forEach(function (d) {
        d.classList.toggle("off", select.value !== "" && d.dataset.section.toLowerCase() !== select.value.toLowerCase());
      });
    });
  }
  var keys = document.querySelector(".keys");
  if (keys) keys.hidden = false;
  document.querySelectorAll("input[name=op]").forEach(function (r) {
    r.addEventListener("change", function () {
      if (r.checked && r.value === "NOC") {
        document.querySelectorAll("details.fold").forEach(function (d) { d.open = true; });
      }
    });
  });
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
  });
})();
