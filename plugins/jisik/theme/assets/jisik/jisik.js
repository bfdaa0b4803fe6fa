/* jisik: the "프롬프트 복사" button of prompt figures.
   The script adds the buttons (a page without it has none that would do nothing), again after each
   page swap of Material's instant navigation; one click listener on the document serves them all. */
(function () {
  "use strict";

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (error) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return fallbackCopy(text);
      });
    }
    return fallbackCopy(text);
  }

  var LABEL = "프롬프트 복사";

  function announce(button, text) {
    var figure = button.closest("figure");
    var status = figure ? figure.querySelector(".jisik-copy-status") : null;
    if (status) {
      status.textContent = text;
    }
  }

  function addButtons() {
    var figures = document.querySelectorAll("figure.jisik-figure");
    for (var i = 0; i < figures.length; i++) {
      var caption = figures[i].querySelector("figcaption");
      if (!caption || !caption.querySelector(".jisik-prompt") || caption.querySelector("button.jisik-copy")) {
        continue;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "jisik-copy";
      button.textContent = LABEL;
      caption.appendChild(button);
      // Screen readers hear the result here (a changed button label is not announced).
      var status = document.createElement("span");
      status.className = "jisik-copy-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      caption.appendChild(status);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addButtons);
  } else {
    addButtons();
  }
  // Material for MkDocs' documented hook for scripts under instant navigation: every new page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(addButtons);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.jisik-copy") : null;
    if (!button) {
      return;
    }
    var label = button.getAttribute("data-jisik-label") || button.textContent;
    button.setAttribute("data-jisik-label", label);
    var figure = button.closest("figure");
    var prompt = figure ? figure.querySelector(".jisik-prompt") : null;
    var suffix = (figure && figure.getAttribute("data-jisik-suffix")) || "";
    copy((prompt ? prompt.textContent : "") + suffix).then(
      function () {
        button.textContent = "복사했습니다";
        button.classList.add("jisik-copy--done");
        announce(button, "프롬프트를 복사했습니다");
      },
      function () {
        button.textContent = "복사하지 못했습니다";
        announce(button, "프롬프트를 복사하지 못했습니다");
      }
    ).then(function () {
      window.setTimeout(function () {
        announce(button, "");
        button.textContent = label;
        button.classList.remove("jisik-copy--done");
      }, 2000);
    });
  });
})();
