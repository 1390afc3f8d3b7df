// Followup's only script of its own; every page works without it.
// - An empty time-zone field marked data-detect-zone (yours, a new interview's) is filled
//   with the zone this browser is in, for the user to confirm before saving. An
//   interviewer's is not: left empty, it is worked out from them or the interview's.
// - "Apply" buttons on tone findings put the suggested wording into the draft's text.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input[data-detect-zone]").forEach(function (tz) {
    if (tz.value) return;
    try {
      tz.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) { /* an old browser: the user types it */ }
  });
});
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-apply]");
  if (!button) return;
  event.preventDefault();
  var text = document.getElementById("f-text");
  if (!text) return;
  var start = Number(button.dataset.start), end = Number(button.dataset.end);
  var chars = Array.from(text.value);
  if (chars.slice(start, end).join("") !== button.dataset.matched) return;
  text.value = chars.slice(0, start).join("") + button.dataset.apply + chars.slice(end).join("");
  text.dispatchEvent(new Event("input", { bubbles: true }));
  text.focus();
});
