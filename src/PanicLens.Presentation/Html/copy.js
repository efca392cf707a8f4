// The copy buttons of mitigation commands: copies the text of the <pre> before the button. Reads textContent only
// (never markup), runs nothing it finds on the page, and is the only script the pages allow.
"use strict";
(function () {
  function select(source) {
    var range = document.createRange();
    range.selectNodeContents(source);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      return document.execCommand("copy");
    } catch (e) {
      return false;
    }
  }
  function done(button, copied) {
    button.textContent = copied ? "Copied" : "Selected: press Ctrl+C";
    button.setAttribute("data-copied", copied ? "yes" : "no");
  }
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("button.copy") : null;
    var source = button ? button.previousElementSibling : null;
    if (!source || source.tagName !== "PRE")
      return;
    var text = source.textContent;
    if (navigator.clipboard && window.isSecureContext)
      navigator.clipboard.writeText(text).then(function () { done(button, true); }, function () { done(button, select(source)); });
    else
      done(button, select(source));
  });
})();
