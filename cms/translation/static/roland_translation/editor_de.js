// wagtail-localize's translation editor writes two texts in English into its bundle, where no
// catalogue reaches them: the action menu's "More actions" and "<source> to <target> translation"
// (a heading and a tooltip). In a German admin they are put into German as the editor draws them.
(function () {
  "use strict";
  if (!(document.documentElement.lang || "").startsWith("de")) {
    return;
  }
  var TOOLTIP = /^(.+) to (.+) translation$/;

  function germanise(root) {
    root.querySelectorAll(".w-sr-only").forEach(function (node) {
      if (node.textContent === "More actions") {
        node.textContent = "Weitere Aktionen";
      }
    });
    root.querySelectorAll("h3").forEach(function (node) {
      var match = node.children.length === 0 && TOOLTIP.exec(node.textContent);
      if (match) {
        node.textContent = "Übersetzung " + match[1] + " → " + match[2];
      }
    });
    root.querySelectorAll("[title]").forEach(function (node) {
      var match = TOOLTIP.exec(node.getAttribute("title"));
      if (match) {
        node.setAttribute("title", "Übersetzung " + match[1] + " → " + match[2]);
      }
    });
  }

  function start() {
    germanise(document);
    new MutationObserver(function () {
      germanise(document);
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["title"] });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
