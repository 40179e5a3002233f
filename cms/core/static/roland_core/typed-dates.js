// Wagtail's date pickers replace text they cannot read in their display format (24.12.2026) with
// today's date when the field loses focus, so a typed 2026-12-24 silently became today. Keep what
// the editor typed: the server reads both forms and answers anything else with a field error.
// Loaded in the page head after jquery.datetimepicker.js and before any picker is set up.
(function () {
  "use strict";
  var picker = window.jQuery && window.jQuery.fn && window.jQuery.fn.datetimepicker;
  if (picker && picker.defaults) {
    picker.defaults.validateOnBlur = false;
  }
})();
