/* On every page of the SCORM package (and of no other build): join the launch page's
 * session, if the page is shown in its frame.
 *
 * The page looks up its chain of parent windows for the session that launch.html
 * (course-scorm-launch.js) keeps with the learning platform. Found: the course store
 * (course-store.js) keeps its state in that session, which writes it to cmi.suspend_data,
 * and the session is told which page is shown (cmi.core.lesson_location). Not found (the
 * package opened from its files, or no platform): nothing changes, and the page behaves
 * exactly as on the web.
 *
 * This script comes right after course-store.js, before the scripts that read the store,
 * so they find the platform's state from the start.
 */
(function () {
  "use strict";

  function findSession() {
    var win = window;
    for (var level = 0; level < 10 && win.parent && win.parent !== win; level++) {
      win = win.parent;
      try {
        if (win.CourseScormSession && win.CourseScormSession.connected) return win.CourseScormSession;
      } catch (err) {
        return null; // a window of another origin: not the launch page
      }
    }
    return null;
  }

  // The pages say that progress stays in this browser; inside the platform it does not: the
  // platform keeps it. The words come with the page's texts (#course-texts, page_texts.py).
  function sayThePlatformKeepsTheState() {
    var data = document.getElementById("course-texts");
    var words = {};
    try {
      words = (JSON.parse(data ? data.textContent : "{}").platform) || {};
    } catch (err) {
      return;
    }
    var notes = document.querySelectorAll(".course-storage-note[data-note]");
    for (var i = 0; i < notes.length; i++) {
      var said = words[notes[i].getAttribute("data-note")];
      if (said) notes[i].textContent = said;
    }
  }

  var session = findSession();
  if (!session) return;
  if (window.CourseStore) window.CourseStore.useBackend(session.backend());
  session.visit(window.location.href, document.title);
  sayThePlatformKeepsTheState();
  window.addEventListener("pagehide", function () { session.flush(); });
})();
