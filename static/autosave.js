// Saves the candidate's answers a moment after they stop typing. The page
// works without it: the "Save" button posts the same form.
(function () {
  var form = document.getElementById("answers-form");
  if (!form || !window.fetch || !window.FormData) return;
  var status = document.getElementById("autosave-status");
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
        status.textContent = "Saved at " + new Date().toLocaleTimeString() + ".";
      } else if (res.status === 409) {
        status.textContent = "These answers were already sent.";
      } else {
        dirty = true;
        status.textContent = "Not saved yet: we will try again. Your text is still here.";
      }
    }).catch(function () {
      dirty = true;
      status.textContent = "Offline: not saved yet. Your text is still here; we will try again.";
    });
  }
  form.addEventListener("input", function () {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  });
  window.addEventListener("beforeunload", save);
})();
