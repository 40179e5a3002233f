// The page editor's submit (publish, save, submit for moderation) waits for an autosave that is due
// or on its way, then goes out with the form as that autosave left it: a new page's autosave turns
// the form into the edit form of the draft it created, so the publish goes to that draft instead of
// creating a second page under the same slug. No autosave starts after the submit. (Roland, cms.editing)
// Wagtail loads the editor's scripts in the head, before the form: set up once the document is read.
const rolandAutosaveBeforeSubmit = () => {
  const form = document.getElementById("page-edit-form");
  const app = window.wagtail && window.wagtail.app;
  if (!form || !app) return;
  let waited = false;

  form.addEventListener(
    "submit",
    (event) => {
      if (waited) return;
      const autosave = app.getControllerForElementAndIdentifier(form, "w-autosave");
      if (!autosave) return;
      autosave.activeValue = false;
      const pending = autosave.submitPromise;
      if (!pending) return;
      event.preventDefault();
      waited = true;
      const submitter = event.submitter;
      // Wagtail's autosave always settles; should it hang all the same, the submit goes after 10 s.
      const patience = new Promise((resolve) => {
        window.setTimeout(resolve, 10000);
      });
      Promise.race([pending, patience]).finally(() => {
        if (submitter && submitter.name) {
          const action = document.createElement("input");
          action.type = "hidden";
          action.name = submitter.name;
          action.value = submitter.value;
          form.appendChild(action);
        }
        HTMLFormElement.prototype.submit.call(form);
      });
    },
    { capture: true },
  );
};

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", rolandAutosaveBeforeSubmit);
} else {
  rolandAutosaveBeforeSubmit();
}
