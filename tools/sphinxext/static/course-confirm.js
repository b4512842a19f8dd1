/* The dialog the course shows before it throws anything away (clearing self-check progress,
 * replacing a tool's inputs).
 *
 * A native modal <dialog>: it takes focus, keeps it inside until closed, closes on Esc
 * (which cancels), and gives focus back to the button that opened it. Focus starts on
 * 取消, so Enter alone never deletes anything.
 *
 *   window.courseConfirm({title, body, confirm}) → Promise<boolean>
 */
(function () {
  "use strict";

  var texts = {};
  try {
    texts = JSON.parse(document.getElementById("course-texts").textContent).dialog || {};
  } catch (err) { /* the page carries its texts; without them the buttons still work */ }

  var counter = 0;

  function confirmDialog(options) {
    var opener = document.activeElement;
    var dialog = document.createElement("dialog");
    var id = "course-confirm-" + (++counter);
    dialog.className = "course-confirm";
    dialog.setAttribute("aria-labelledby", id + "-title");
    dialog.setAttribute("aria-describedby", id + "-body");
    var title = document.createElement("h2");
    title.id = id + "-title";
    title.textContent = options.title;
    var body = document.createElement("p");
    body.id = id + "-body";
    body.textContent = options.body;
    var buttons = document.createElement("div");
    buttons.className = "course-confirm-buttons";
    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "btn btn-outline-secondary course-confirm-cancel";
    cancel.textContent = texts.cancel || "×";
    var ok = document.createElement("button");
    ok.type = "button";
    ok.className = "btn btn-danger course-confirm-ok";
    ok.textContent = options.confirm;
    buttons.append(cancel, ok);
    dialog.append(title, body, buttons);
    document.body.appendChild(dialog);

    return new Promise(function (resolve) {
      var answered = false;
      function close(answer) {
        if (answered) return;
        answered = true;
        if (dialog.open) dialog.close();
        dialog.remove();
        if (opener && typeof opener.focus === "function" && document.contains(opener)) opener.focus();
        resolve(answer);
      }
      cancel.addEventListener("click", function () { close(false); });
      ok.addEventListener("click", function () { close(true); });
      dialog.addEventListener("cancel", function (event) { event.preventDefault(); close(false); });
      // A click on the backdrop (outside the dialog's box) cancels too.
      dialog.addEventListener("click", function (event) {
        if (event.target !== dialog) return;
        var box = dialog.getBoundingClientRect();
        var inside = event.clientX >= box.left && event.clientX <= box.right &&
          event.clientY >= box.top && event.clientY <= box.bottom;
        if (!inside) close(false);
      });
      if (typeof dialog.showModal === "function") {
        dialog.showModal();
        cancel.focus();
      } else {
        close(window.confirm(options.title + "\n" + options.body));
      }
    });
  }

  window.courseConfirm = confirmDialog;
})();
