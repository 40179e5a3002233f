// *Zur Freigabe einreichen* in wagtail-localize's translation editor, for those who may not publish
// (cms/translation/review.py). The server offers them the editor's own publish button (its props'
// `perms.canPublish`, so the bundle builds it as the main action, never *Löschen*) and says in the
// props' `rolandSubmit` what it becomes: here its label and the value of its `action` field, which
// the server answers by writing the strings into a revision and starting the review. Applied again
// whenever the editor draws its footer anew.
(function () {
  "use strict";
  var holder, submit;

  function relabel() {
    holder.querySelectorAll("footer button[name=action][value=publish]").forEach(function (button) {
      button.value = submit.action;
      button.setAttribute("data-clicked-text", submit.busyLabel);
      button.setAttribute("data-w-progress-active-value", submit.busyLabel);
      button.setAttribute("data-roland-submit", "");
      var label = button.querySelector("[data-w-progress-target=label]");
      if (label && label.textContent !== submit.label) {
        label.textContent = submit.label;
      }
    });
  }

  function start() {
    holder = document.querySelector(".js-translation-editor[data-props]");
    submit = holder && JSON.parse(holder.getAttribute("data-props")).rolandSubmit;
    if (!submit) {
      return;
    }
    relabel();
    new MutationObserver(relabel).observe(holder, { childList: true, subtree: true });
  }

  // The admin loads its scripts in the page's head: the editor is there once the document is.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
