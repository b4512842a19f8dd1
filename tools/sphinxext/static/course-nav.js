/* Reader navigation the theme leaves out, and the site's later stylesheet.
   - A link followed inside the chapter-list or page-contents drawer closes the drawer (the
     theme closes it on Esc and on a tap outside, not when a link jumps within the page).
   - 回到顶部 sits in the sticky article header (book/_templates/back-to-top.html), so it never
     covers text; it shows once the reader is a screen down the page. */
(function () {
  "use strict";
  // The site's later stylesheet (print rules, and the look of what scripts make: dialogs,
  // search results, the theme's states) is linked for print only, so that it holds back
  // neither the first paint nor the scripts; from now on it applies on screen too.
  document.querySelectorAll("link[data-course-late]").forEach(function (link) { link.media = "all"; });

  var DRAWERS = "#pst-primary-sidebar-modal, #pst-secondary-sidebar-modal";

  // Focus goes back to the button that opened a drawer when it closes. (The book theme
  // blurs the button on click, so the theme's own focus return finds nothing to go back to.)
  var opener = null;
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest(".primary-toggle, .secondary-toggle");
    if (toggle) opener = toggle;
  }, true);
  document.querySelectorAll(DRAWERS).forEach(function (drawer) {
    drawer.addEventListener("close", function () {
      var back = opener;
      opener = null;
      if (back && back.isConnected && back.getClientRects().length) setTimeout(function () { back.focus(); }, 0);
    });
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link) return;
    var drawer = link.closest(DRAWERS);
    if (!drawer || !drawer.open) return;
    opener = null;  // the reader is going somewhere: focus follows the link, not the button
    var here = link.pathname === location.pathname && link.search === location.search;
    if (!here || !link.hash) {
      drawer.close();
      return;
    }
    // A section of this page: close first (the theme moves the drawer's contents back into
    // the page as it closes), then go to the section and give it focus.
    event.preventDefault();
    drawer.close();
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (location.hash !== link.hash) history.pushState(null, "", link.hash);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    if (target) {
      target.scrollIntoView();
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    }
  });

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    var button = document.querySelector(".course-back-to-top");
    if (!button) return;
    var shown = null;
    function update() {
      var show = window.scrollY > window.innerHeight;
      if (show !== shown) {
        button.hidden = !show;
        shown = show;
      }
    }
    window.addEventListener("scroll", update, { passive: true });
    update();
    button.addEventListener("click", function () {
      window.scrollTo({ top: 0, behavior: "auto" });
      var skip = document.getElementById("main-content");
      if (skip) {
        skip.setAttribute("tabindex", "-1");
        skip.focus({ preventScroll: true });
      }
    });
  });
})();
