// Citations: a link to "#a-<article>-p<paragraph>-s<sentence>" scrolls to that sentence and
// highlights it. Without JavaScript the link still jumps there (and :target styles it).
"use strict";

(function () {
  function highlight(id) {
    var target = id ? document.getElementById(id) : null;
    if (!target || id.indexOf("a-") !== 0) {
      return false;
    }
    var old = document.querySelectorAll(".highlight");
    for (var i = 0; i < old.length; i++) {
      old[i].classList.remove("highlight");
    }
    // A copy's text sits in a closed <details>: open it so the sentence can be seen.
    for (var node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") {
        node.open = true;
      }
    }
    target.classList.add("highlight");
    target.scrollIntoView({ block: "center" });
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[href^="#a-"]') : null;
    if (!link) {
      return;
    }
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    if (highlight(id)) {
      event.preventDefault();
      history.replaceState(null, "", "#" + id);
    }
  });

  // Facts: hovering (or focusing) a sentence that other reports also state marks those
  // sentences in the other columns; the sentence's title names the outlets.
  function partners(sentence, on) {
    var fact = sentence.getAttribute("data-fact");
    var all = document.querySelectorAll('.s[data-fact="' + fact + '"]');
    for (var i = 0; i < all.length; i++) {
      all[i].classList.toggle(all[i] === sentence ? "active" : "partner", on);
    }
  }
  ["mouseover", "focusin"].forEach(function (kind) {
    document.addEventListener(kind, function (event) {
      var s = event.target instanceof Element ? event.target.closest(".s[data-fact]") : null;
      if (s) {
        partners(s, true);
      }
    });
  });
  ["mouseout", "focusout"].forEach(function (kind) {
    document.addEventListener(kind, function (event) {
      var s = event.target instanceof Element ? event.target.closest(".s[data-fact]") : null;
      if (s) {
        partners(s, false);
      }
    });
  });

  function fromHash() {
    if (location.hash.length > 1) {
      highlight(decodeURIComponent(location.hash.slice(1)));
    }
  }
  window.addEventListener("hashchange", fromHash);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fromHash);
  } else {
    fromHash();
  }
})();
