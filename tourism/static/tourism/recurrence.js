// The recurrence builder on the event form (tourism/widgets.py): writes the RRULE into the text
// field and reads an existing rule back. The server checks whatever is posted; a rule the builder
// cannot show is left alone as text. Plain script, no inline code (the admin's CSP).
(function () {
  "use strict";

  var DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
  var FREQS = ["DAILY", "WEEKLY", "MONTHLY"];
  var berlinDate = new Intl.DateTimeFormat("de-DE", {
    timeZone: "Europe/Berlin", day: "2-digit", month: "2-digit", year: "numeric"
  });

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // "24.12.2026" or "2026-12-24" -> "20261224"; anything else is passed on for the server to refuse.
  function untilValue(text) {
    var t = text.trim(), m = t.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/);
    if (m) { return m[3] + pad(+m[2]) + pad(+m[1]); }
    m = t.match(/^(\d{4})-(\d{2})-(\d{2})$/);
    if (m) { return m[1] + m[2] + m[3]; }
    return t.replace(/[;=\s]/g, "");
  }

  // UNTIL as stored (a date, or a UTC date-time) -> the Berlin date an editor means, "31.12.2026".
  function untilText(value) {
    var m = value.match(/^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/);
    if (!m) { return null; }
    if (!m[4] || !m[7]) { return m[3] + "." + m[2] + "." + m[1]; }
    return berlinDate.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])));
  }

  // The builder's state from a rule, or null when the builder cannot show it.
  function read(rule) {
    var text = rule.trim().toUpperCase().replace(/^RRULE:/, "").replace(/\s+/g, "");
    var state = { freq: "", interval: 1, days: [], position: "", weekday: "MO", end: "never", until: "", count: "" };
    if (!text) { return state; }
    var parts = {}, ok = true;
    text.split(";").filter(Boolean).forEach(function (piece) {
      var kv = piece.split("=");
      if (kv.length !== 2 || parts[kv[0]] !== undefined) { ok = false; } else { parts[kv[0]] = kv[1]; }
    });
    if (!ok || FREQS.indexOf(parts.FREQ) < 0) { return null; }
    var known = ["FREQ", "INTERVAL", "BYDAY", "COUNT", "UNTIL"];
    if (Object.keys(parts).some(function (key) { return known.indexOf(key) < 0; })) { return null; }
    state.freq = parts.FREQ;
    if (parts.INTERVAL !== undefined) {
      if (!/^\d+$/.test(parts.INTERVAL) || +parts.INTERVAL < 1) { return null; }
      state.interval = +parts.INTERVAL;
    }
    if (parts.BYDAY !== undefined) {
      var days = parts.BYDAY.split(",");
      if (state.freq === "WEEKLY") {
        if (days.some(function (d) { return DAYS.indexOf(d) < 0; })) { return null; }
        state.days = days;
      } else if (state.freq === "MONTHLY") {
        var m = days.length === 1 && days[0].match(/^(1|2|3|4|-1)(MO|TU|WE|TH|FR|SA|SU)$/);
        if (!m) { return null; }
        state.position = m[1];
        state.weekday = m[2];
      } else { return null; }
    }
    if (parts.COUNT !== undefined && parts.UNTIL !== undefined) { return null; }
    if (parts.COUNT !== undefined) {
      if (!/^\d+$/.test(parts.COUNT)) { return null; }
      state.end = "count";
      state.count = parts.COUNT;
    }
    if (parts.UNTIL !== undefined) {
      state.until = untilText(parts.UNTIL);
      if (state.until === null) { return null; }
      state.end = "until";
    }
    return state;
  }

  function write(state) {
    if (!state.freq) { return ""; }
    var parts = ["FREQ=" + state.freq];
    if (state.interval > 1) { parts.push("INTERVAL=" + state.interval); }
    if (state.freq === "WEEKLY" && state.days.length) {
      parts.push("BYDAY=" + DAYS.filter(function (d) { return state.days.indexOf(d) >= 0; }).join(","));
    }
    if (state.freq === "MONTHLY" && state.position) { parts.push("BYDAY=" + state.position + state.weekday); }
    if (state.end === "until" && state.until.trim()) { parts.push("UNTIL=" + untilValue(state.until)); }
    if (state.end === "count" && String(state.count).trim()) { parts.push("COUNT=" + String(state.count).trim()); }
    return parts.join(";");
  }

  function setUp(root) {
    var input = document.getElementById(root.getAttribute("data-rule-input"));
    if (!input || root.hasAttribute("data-ready")) { return; }
    root.setAttribute("data-ready", "");
    function one(part) { return root.querySelector('[data-part="' + part + '"]'); }
    function all(part) { return Array.prototype.slice.call(root.querySelectorAll('[data-part="' + part + '"]')); }
    var writing = false;
    var freq = one("freq"), custom = freq.querySelector('option[value="CUSTOM"]');

    function show(freqValue) {
      Array.prototype.forEach.call(root.querySelectorAll("[data-when]"), function (el) {
        el.hidden = el.getAttribute("data-when").split(" ").indexOf(freqValue) < 0;
      });
      Array.prototype.forEach.call(root.querySelectorAll("[data-unit]"), function (el) {
        el.hidden = el.getAttribute("data-unit") !== freqValue;
      });
      one("weekday").hidden = !one("position").value;
    }

    function fill() {
      var state = read(input.value);
      custom.hidden = custom.disabled = state !== null;
      one("note").hidden = state !== null;
      if (state === null) {
        freq.value = "CUSTOM";
        one("details").open = true;
        show("CUSTOM");
        return;
      }
      freq.value = state.freq;
      one("interval").value = state.interval;
      all("day").forEach(function (box) { box.checked = state.days.indexOf(box.value) >= 0; });
      one("position").value = state.position;
      one("weekday").value = state.weekday;
      all("end").forEach(function (radio) { radio.checked = radio.value === state.end; });
      one("until").value = state.until;
      one("count").value = state.count;
      show(state.freq);
    }

    function update() {
      if (freq.value === "CUSTOM") { return; }
      var end = all("end").filter(function (r) { return r.checked; })[0];
      var state = {
        freq: freq.value,
        interval: Math.max(1, parseInt(one("interval").value, 10) || 1),
        days: all("day").filter(function (b) { return b.checked; }).map(function (b) { return b.value; }),
        position: one("position").value,
        weekday: one("weekday").value,
        end: end ? end.value : "never",
        until: one("until").value,
        count: one("count").value
      };
      input.value = write(state);
      custom.hidden = custom.disabled = true;
      one("note").hidden = true;
      show(state.freq);
      // Wagtail's unsaved-changes check listens for it; our own listener must not read it back.
      writing = true;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      writing = false;
    }

    root.addEventListener("change", function (event) {
      if (event.target !== input) { update(); } else if (!writing) { fill(); }
    });
    root.addEventListener("input", function (event) {
      if (event.target === input) { return; }
      if (event.target === one("until") || event.target === one("count")) {
        var radio = root.querySelector('[data-part="end"][value="' + event.target.getAttribute("data-part") + '"]');
        if (radio) { radio.checked = true; }
      }
      update();
    });
    input.addEventListener("input", fill);
    fill();
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-recurrence-builder]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
