/* jisik search (loaded on every page; `JISIK_SEARCH` is written above this by the build).
 * Every page: a search box in the header that opens the search page. The search page: runs `?q=` when it
 * opens, and as the reader types. Pagefind (site/pagefind/) is downloaded only when a search runs.
 * Works with Material's instant navigation (its documented `document$`) and under any sub-path. */
(function () {
  "use strict";
  var S = JISIK_SEARCH;
  var script = document.currentScript;
  var ROOT = new URL("../../", script && script.src ? script.src : location.href); // assets/jisik/search.js
  var PAGE = new URL(S.page, ROOT);
  var TAIL = S.tail; // what follows it in an indexed word are its search terms, not text
  var SHOWN = 10;
  var PARTICLES = ("이라는 라는 이라고 라고 이라며 에서는 에서도 에게는 에게도 으로는 으로도 으로서 으로써 까지도 " +
    "부터는 에서 에게 한테 께서 으로 처럼 보다 까지 부터 마저 조차 만큼 이나 이란 이며 이고 이다 입니다 에는 에도 " +
    "로는 로도 로서 로써 와의 과의 의 은 는 이 가 을 를 에 로 와 과 도 만 나 란 며 고 랑 들").split(" ")
    .sort(function (a, b) { return b.length - a.length; });
  var loading = null;

  function pagefind() {
    if (!loading) {
      loading = import(new URL(S.bundle, ROOT).href).then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: ROOT.pathname, excerptLength: 30 })).then(function () { return pf; });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // -- the query ----------------------------------------------------------------------------------
  function edges(word) {
    return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }
  function stripParticle(word) {
    for (var i = 0; i < PARTICLES.length; i++) {
      var p = PARTICLES[i];
      if (word.length - p.length >= 2 && word.slice(-p.length) === p) return word.slice(0, -p.length);
    }
    return word;
  }
  function withoutFinal(word) {
    // 번앗 (typed on the way to 번아웃) → 번아: the last syllable's final consonant may be the next one's first
    var last = word.charCodeAt(word.length - 1);
    if (last >= 0xac00 && last <= 0xd7a3 && (last - 0xac00) % 28 !== 0) {
      return word.slice(0, -1) + String.fromCharCode(last - ((last - 0xac00) % 28));
    }
    return null;
  }
  function prepare(text) {
    var words = text.normalize("NFC").toLowerCase().split(/\s+/).map(edges).filter(Boolean);
    var bases = words.map(stripParticle);
    var query = bases.join(" ");
    var variant = null;
    if (words.length) {
      var last = withoutFinal(words[words.length - 1]);
      if (last && last.length >= 2) variant = bases.slice(0, -1).concat([last]).join(" ");
    }
    return { query: query, variant: variant, bases: bases };
  }

  // -- results ------------------------------------------------------------------------------------
  function written(word) {
    // the last TAIL: a word that ends with `-~` or `-` (as written) meets the TAIL's own hyphen; its terms
    // never hold one (documents.py writes a `-~-` of the text as `-~ -`)
    var i = word.lastIndexOf(TAIL);
    return i < 0 ? word : word.slice(0, i);
  }
  function excerpt(data, into) {
    var words = data.content.split(" ");
    var marks = {};
    (data.locations || []).forEach(function (l) { marks[l] = true; });
    // the page's text comes first, its title and tags last: show the text, from its first match
    // (a page with no text of its own, a tag page: no excerpt, rather than its title and tags again)
    var limit = data.meta.words !== undefined ? parseInt(data.meta.words, 10) || 0 : words.length;
    var inText = (data.locations || []).filter(function (l) { return l < limit; });
    var first = inText.length ? inText[0] : 0;
    var start = Math.max(0, Math.min(first - 10, limit - 30));
    var end = Math.min(limit, start + 30);
    if (start > 0) into.appendChild(document.createTextNode("… "));
    for (var i = start; i < end; i++) {
      var text = written(words[i]);
      if (marks[i]) {
        var mark = document.createElement("mark");
        mark.textContent = text;
        into.appendChild(mark);
      } else {
        into.appendChild(document.createTextNode(text));
      }
      into.appendChild(document.createTextNode(" "));
    }
    if (end < limit) into.appendChild(document.createTextNode("…"));
  }
  function matches(text, bases) {
    var lower = (text || "").toLowerCase().replace(/\s+/g, "");
    return bases.some(function (b) { return b && lower.indexOf(b) >= 0; });
  }
  function rank(items, bases) {
    // title matches first, then tag matches, then Pagefind's order (its index weighs titles and tags too)
    return items.map(function (item, i) {
      var title = matches(item.data.meta.title, bases) ? 2 : 0;
      var tags = matches(item.data.meta.tags, bases) ? 1 : 0;
      return { item: item, key: title + tags, i: i };
    }).sort(function (a, b) { return b.key - a.key || a.i - b.i; }).map(function (x) { return x.item; });
  }
  function searchUrl(params) {
    var url = new URL(PAGE.href);
    Object.keys(params).forEach(function (k) { if (params[k]) url.searchParams.set(k, params[k]); });
    return url.href;
  }
  function tagList(meta) {
    // a JSON list (tags may hold spaces); an index built by an older jisik held them space-separated
    try {
      var list = JSON.parse(meta);
      if (Array.isArray(list)) return list.map(String);
    } catch (error) { /* the older form */ }
    return meta.split(" ");
  }
  function resultItem(data) {
    var li = document.createElement("li");
    li.className = "jisik-search__result";
    var a = document.createElement("a");
    a.className = "jisik-search__title";
    a.href = new URL(data.url, ROOT).href; // Pagefind's URLs start with ROOT's path (baseUrl above)
    a.textContent = data.meta.title || data.url;
    li.appendChild(a);
    if (data.meta.kind && data.meta.kind !== "글") {
      var kind = document.createElement("span");
      kind.className = "jisik-search__kind";
      kind.textContent = data.meta.kind;
      li.appendChild(kind);
    }
    var p = document.createElement("p");
    p.className = "jisik-search__excerpt";
    excerpt(data, p);
    li.appendChild(p);
    if (data.meta.tags) {
      var tags = document.createElement("p");
      tags.className = "jisik-search__tags";
      tagList(data.meta.tags).forEach(function (tag) {
        var link = document.createElement("a");
        link.href = searchUrl({ tag: tag });
        link.textContent = "#" + tag;
        link.title = "#" + tag + " 태그가 붙은 글만 보기";
        tags.appendChild(link);
      });
      li.appendChild(tags);
    }
    return li;
  }

  // -- the search page ----------------------------------------------------------------------------
  function searchPage(root) {
    var form = root.querySelector("form");
    var input = root.querySelector("input[name=q]");
    var status = root.querySelector(".jisik-search__status");
    var list = root.querySelector(".jisik-search__results");
    var more = root.querySelector(".jisik-search__more");
    var filter = root.querySelector(".jisik-search__filter");
    var params = new URLSearchParams(location.search);
    var tag = params.get("tag") || "";
    var serial = 0;
    var found = [];
    var shown = 0;
    var bases = [];
    input.value = params.get("q") || "";
    if (tag) {
      filter.hidden = false;
      filter.textContent = "#" + tag + " 태그가 붙은 글만 찾습니다. ";
      var clear = document.createElement("a");
      clear.href = searchUrl({ q: input.value });
      clear.textContent = "모든 글에서 찾기";
      filter.appendChild(clear);
    }

    var exact = true;
    function show(count) {
      var slice = found.slice(shown, shown + count);
      shown += slice.length;
      return Promise.all(slice.map(function (r) { return r.data(); })).then(function (datas) {
        var items = datas.map(function (d) { return { data: d }; });
        if (shown === slice.length) {
          items = rank(items, bases); // the first page: title and tag matches first
          // Pagefind answers a Korean word it does not know with words that share its first syllables
          exact = !bases.length || items.some(function (item) {
            return matches(item.data.content + " " + item.data.meta.title + " " + item.data.meta.tags, bases);
          });
        }
        items.forEach(function (item) { list.appendChild(resultItem(item.data)); });
        more.hidden = shown >= found.length;
      });
    }
    function run() {
      var text = input.value.trim();
      var mine = ++serial;
      var url = new URL(location.href);
      if (text) url.searchParams.set("q", text); else url.searchParams.delete("q");
      history.replaceState(history.state, "", url.href);
      if (!text && !tag) {
        list.textContent = "";
        status.textContent = "";
        more.hidden = true;
        return Promise.resolve();
      }
      var q = prepare(text);
      bases = q.bases;
      if (!q.query && !tag) {
        // only punctuation, emoji or marks: Pagefind would answer every page
        found = [];
        list.textContent = "";
        more.hidden = true;
        status.textContent = "‘" + text + "’에는 찾을 낱말이 없습니다. 한글·영문·숫자로 찾아 보세요.";
        root.setAttribute("data-state", "done");
        return Promise.resolve();
      }
      status.textContent = "찾는 중…";
      root.setAttribute("data-state", "searching");
      var options = tag ? { filters: { tag: tag } } : {};
      return pagefind().then(function (pf) {
        return pf.search(q.query || null, options).then(function (search) {
          var results = search.results;
          if (results.length >= 5 || !q.variant) return results;
          return pf.search(q.variant, options).then(function (extra) {
            var seen = {};
            results.forEach(function (r) { seen[r.id] = true; });
            return results.concat(extra.results.filter(function (r) { return !seen[r.id]; }));
          });
        });
      }).then(function (results) {
        if (mine !== serial) return;
        found = results;
        shown = 0;
        list.textContent = "";
        return show(SHOWN).then(function () {
          if (mine !== serial) return;
          status.textContent = !results.length ? "‘" + (text || "#" + tag) + "’에 맞는 글이 없습니다."
            : exact ? "‘" + (text || "#" + tag) + "’ 검색 결과 " + results.length + "건"
            : "‘" + text + "’ 그대로 든 글은 없고, 앞부분이 같은 낱말이 든 글 " + results.length + "건";
          root.setAttribute("data-state", "done");
        });
      }, function () {
        if (mine !== serial) return;
        status.textContent = "검색 색인을 불러오지 못했습니다. 사이트를 막 빌드했다면 잠시 뒤 다시 시도하세요.";
        root.setAttribute("data-state", "failed");
      });
    }
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 180);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run();
    });
    more.addEventListener("click", function () { show(SHOWN); });
    root.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a.jisik-search__title"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
        event.preventDefault();
        if (links[at + 1]) links[at + 1].focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        (at > 0 ? links[at - 1] : input).focus();
      } else if (event.key === "Escape" && document.activeElement !== input) {
        input.focus();
      }
    });
    input.focus();
    root.jisikSearch = run;
    return run();
  }

  // -- every page ---------------------------------------------------------------------------------
  function headerBox() {
    if (document.querySelector("[data-md-component=search]")) return; // Material's own search is on
    var inner = document.querySelector(".md-header__inner");
    if (!inner || inner.querySelector(".jisik-search-box")) return;
    var form = document.createElement("form");
    form.className = "jisik-search-box";
    form.setAttribute("role", "search");
    form.action = PAGE.href;
    form.method = "get";
    var input = document.createElement("input");
    input.className = "jisik-search-box__input";
    input.type = "search";
    input.name = "q";
    input.placeholder = "검색";
    input.autocomplete = "off";
    input.setAttribute("aria-label", "사이트 검색");
    form.appendChild(input);
    var source = inner.querySelector(".md-header__source");
    inner.insertBefore(form, source);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return;
    var target = document.querySelector("[data-jisik-search] input[name=q]") ||
      document.querySelector(".jisik-search-box__input");
    if (target) {
      event.preventDefault();
      target.focus();
    }
  });

  function init() {
    headerBox();
    var root = document.querySelector("[data-jisik-search]");
    if (root && !root.jisikSearch) searchPage(root);
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
