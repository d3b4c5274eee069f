// Progressive enhancement for the request form: the media fields are always in the page and
// explained; with JavaScript they are shown only while "media interview" is chosen.
(function () {
  "use strict";
  var form = document.querySelector(".request-form form");
  if (!form) { return; }
  var media = form.querySelector("[data-media-fields]");
  var kinds = form.querySelectorAll("input[name=kind]");
  if (!media || !kinds.length) { return; }
  function update() {
    var chosen = form.querySelector("input[name=kind]:checked");
    var isMedia = chosen && chosen.value === "media_interview";
    var hasErrors = media.querySelector(".errorlist");
    media.hidden = !(isMedia || hasErrors);
  }
  kinds.forEach(function (input) { input.addEventListener("change", update); });
  update();
  var summary = document.getElementById("form-errors");
  if (summary) { summary.focus(); }
})();
