// Saves the candidate's answers a moment after they stop typing. The page
// works without it: the "Save" button posts the same form. Its words come
// from the page (data-* of the status line), in the page's language.
(function () {
  var form = document.getElementById("answers-form");
  if (!form || !window.fetch || !window.FormData) return;
  var status = document.getElementById("autosave-status");
  var lang = document.documentElement.lang || undefined;
  function say(name, time) {
    status.textContent = (status.getAttribute("data-" + name) || "").replace("{time}", time || "");
  }
  var timer = null;
  var dirty = false;
  function save() {
    if (!dirty) return;
    dirty = false;
    var body = new URLSearchParams(new FormData(form));
    fetch(form.getAttribute("data-autosave"), {
      method: "POST",
      headers: { "X-Autosave": "1", "Content-Type": "application/x-www-form-urlencoded" },
      body: body,
      credentials: "same-origin"
    }).then(function (res) {
      if (res.ok) {
        say("saved", new Date().toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" }));
      } else if (res.status === 409) {
        say("sent");
      } else {
        dirty = true;
        say("retry");
      }
    }).catch(function () {
      dirty = true;
      say("offline");
    });
  }
  form.addEventListener("input", function () {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  });
  window.addEventListener("beforeunload", save);
})();
