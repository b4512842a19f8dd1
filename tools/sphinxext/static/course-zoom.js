/* Diagrams full size: a tap or click on a diagram opens its SVG at its own size in a dialog,
   scrollable and pinch-zoomable; Esc, the close button or a tap on the backdrop closes it
   and focus returns to the diagram. Without JavaScript the diagram is a plain link to the
   SVG (tools/sphinxext/figures.py). Works from file:// (an <img>, no fetch). Interface
   strings come from the page's #course-ui-strings block (the translation catalogue). */
(function () {
  "use strict";
  var strings = {};
  try {
    strings = JSON.parse(document.getElementById("course-ui-strings").textContent);
  } catch (e) {
    strings = {};
  }

  var dialog = null;
  var opener = null;

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "course-zoom-dialog";
    dialog.setAttribute("aria-labelledby", "course-zoom-title");
    var bar = document.createElement("div");
    bar.className = "course-zoom-bar";
    var title = document.createElement("p");
    title.id = "course-zoom-title";
    title.className = "course-zoom-title";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "btn course-zoom-close";
    close.textContent = strings.close || "×";
    close.addEventListener("click", function () { dialog.close(); });
    bar.appendChild(title);
    bar.appendChild(close);
    var frame = document.createElement("div");
    frame.className = "course-zoom-frame";
    var img = document.createElement("img");
    img.className = "course-zoom-image";
    frame.appendChild(img);
    dialog.appendChild(bar);
    dialog.appendChild(frame);
    // A tap on the backdrop (outside the dialog's box) closes it.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener("close", function () {
      document.documentElement.classList.remove("course-zoom-open");
      if (opener) opener.focus();
    });
    document.body.appendChild(dialog);
  }

  function open(link) {
    if (!dialog) build();
    opener = link;
    var source = link.querySelector("img");
    var figure = link.closest("figure");
    var caption = figure && figure.querySelector("figcaption");
    var title = dialog.querySelector(".course-zoom-title");
    var words = "";
    if (caption) {
      var copy = caption.cloneNode(true);
      copy.querySelectorAll(".headerlink").forEach(function (a) { a.remove(); });  // the "#" permalink
      words = copy.textContent.replace(/\s+/g, " ").trim();
    }
    title.textContent = words || strings.zoomTitle || "";
    var img = dialog.querySelector(".course-zoom-image");
    img.alt = source ? source.alt : "";
    img.src = link.href;
    document.documentElement.classList.add("course-zoom-open");
    dialog.showModal();
    dialog.querySelector(".course-zoom-close").focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.course-zoom");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    open(link);
  });
})();
