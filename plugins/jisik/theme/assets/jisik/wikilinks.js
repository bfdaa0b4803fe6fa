/* jisik: a preview of the article a wikilink goes to (title, date, summary), from data already in the
   page: no request. The page's first link to each article carries it (data-jisik-title when the link's
   text is not the title, data-jisik-date, data-jisik-summary); every link to that article shows it.
   Shown while the pointer is over the link or the link has keyboard focus; Escape hides it. The preview
   is the link's description (aria-describedby) for screen readers. */
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

  var NAMES = ["data-jisik-title", "data-jisik-date", "data-jisik-summary"];

  function page(link) {
    return link.href.split("#")[0];
  }

  function carries(link) {
    for (var i = 0; i < NAMES.length; i++) {
      if (link.hasAttribute(NAMES[i])) {
        return true;
      }
    }
    return false;
  }

  /* The link on this page that carries the preview of `link`'s article (perhaps `link` itself). */
  function source(link) {
    if (carries(link)) {
      return link;
    }
    var target = page(link);
    if (target === window.location.href.split("#")[0]) {
      return null; /* a heading of this page */
    }
    var links = document.querySelectorAll("a.jisik-wikilink");
    for (var i = 0; i < links.length; i++) {
      if (carries(links[i]) && page(links[i]) === target) {
        return links[i];
      }
    }
    return null;
  }

  function show(link) {
    if (current === link) {
      return;
    }
    hide();
    var data = source(link);
    if (!data) {
      return;
    }
    var shown = preview();
    shown.textContent = "";
    shown.appendChild(line("jisik-preview__title", data.getAttribute("data-jisik-title") || data.textContent));
    var date = data.getAttribute("data-jisik-date");
    if (date) {
      shown.appendChild(line("jisik-preview__date", date));
    }
    var summary = data.getAttribute("data-jisik-summary");
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
    return target && target.closest ? target.closest("a.jisik-wikilink") : null;
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
