(function () {
  "use strict";
  var doc = document;
  var form = doc.querySelector("form.web[enctype]");
  var input = form && form.querySelector("input[type=file]");
  var zone = input && input.closest("label.drop");
  if (!zone) { return; }
  var chosen = zone.querySelector(".chosen");

  function show() {
    var file = input.files && input.files[0];
    if (chosen) {
      chosen.textContent = file ? chosen.getAttribute("data-template").replace("{name}", file.name) : "";
    }
  }

  // a file dropped anywhere on the page goes to the form, never opens in the browser
  ["dragenter", "dragover"].forEach(function (type) {
    doc.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add("over"); });
  });
  doc.addEventListener("dragleave", function (e) {
    if (!e.relatedTarget) { zone.classList.remove("over"); }
  });
  doc.addEventListener("drop", function (e) {
    e.preventDefault();
    zone.classList.remove("over");
    if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      show();
    }
  });
  input.addEventListener("change", show);

  // a form whose answer is a new page says it is busy until then; one whose
  // answer is a download (next year's template) stays on the page and stays usable
  var button = form.querySelector("button[type=submit][data-busy]");
  var label = button ? button.textContent : "";
  form.addEventListener("submit", function () {
    if (button) { button.disabled = true; button.textContent = button.getAttribute("data-busy"); }
  });
  // back to the page from the browser's history: the form works again
  window.addEventListener("pageshow", function () {
    if (button) { button.disabled = false; button.textContent = label; }
    show();
  });
}());
