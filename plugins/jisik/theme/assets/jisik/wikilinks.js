/* jisik: a preview of the article a wikilink goes to (title, date, summary), from the link's own
   attributes: no request. Shown while the pointer is over the link or the link has keyboard focus;
   Escape hides it. The preview is the link's description (aria-describedby) for screen readers. */
(function () {
  "use strict";

  var box = null;
  var current = null;

  function preview() {
    if (!box) {
      box = document.createElement("div");
      box.id = "jisik-preview";
      box.className = "jisik-preview";
      box.setAttribute("role", "tooltip");
      box.hidden = true;
      document.body.appendChild(box);
    }
    return box;
  }

  function line(className, text) {
    var part = document.createElement(className === "jisik-preview__title" ? "strong" : "span");
    part.className = className;
    part.textContent = text; /* text, never markup */
    return part;
  }

  function show(link) {
    if (current === link) {
      return;
    }
    hide();
    var shown = preview();
    shown.textContent = "";
    shown.appendChild(line("jisik-preview__title", link.getAttribute("data-jisik-title") || ""));
    var date = link.getAttribute("data-jisik-date");
    if (date) {
      shown.appendChild(line("jisik-preview__date", date));
    }
    var summary = link.getAttribute("data-jisik-summary");
    if (summary) {
      shown.appendChild(line("jisik-preview__summary", summary));
    }
    shown.hidden = false;
    var place = link.getBoundingClientRect();
    var left = Math.max(8, Math.min(place.left, document.documentElement.clientWidth - shown.offsetWidth - 8));
    shown.style.left = left + window.scrollX + "px";
    shown.style.top = place.bottom + window.scrollY + 6 + "px";
    link.setAttribute("aria-describedby", shown.id);
    current = link;
  }

  function hide() {
    if (box) {
      box.hidden = true;
    }
    if (current) {
      current.removeAttribute("aria-describedby");
      current = null;
    }
  }

  function linkOf(event) {
    var target = event.target;
    return target && target.closest ? target.closest("a.jisik-wikilink[data-jisik-title]") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var link = linkOf(event);
    if (link) {
      show(link);
    }
  });
  document.addEventListener("mouseout", function (event) {
    var link = linkOf(event);
    if (link && link === current && !link.contains(event.relatedTarget) && document.activeElement !== link) {
      hide();
    }
  });
  document.addEventListener("focusin", function (event) {
    var link = linkOf(event);
    if (link) {
      show(link);
    } else {
      hide();
    }
  });
  document.addEventListener("focusout", function (event) {
    if (linkOf(event) === current) {
      hide();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      hide();
    }
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(hide); /* Material's instant navigation swapped the page */
  }
})();
