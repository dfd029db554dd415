// Makes "Try an answer" live: a moment after the owner stops typing an
// answer, the form is posted as the "Try this answer" button would post it
// and only that question's result is replaced. The page works without it.
(function () {
  var form = document.getElementById("editor");
  if (!form || !window.fetch || !window.FormData || !window.DOMParser) return;
  var timers = {};
  function tryAnswer(index) {
    var box = document.getElementById("q-" + index + "-tried");
    if (!box) return;
    var body = new URLSearchParams(new FormData(form));
    body.set("action", "try-" + index);
    box.setAttribute("aria-busy", "true");
    fetch(form.getAttribute("action"), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: body,
      credentials: "same-origin"
    }).then(function (res) {
      return res.ok ? res.text() : null;
    }).then(function (html) {
      box.removeAttribute("aria-busy");
      if (!html) return;
      var page = new DOMParser().parseFromString(html, "text/html");
      var fresh = page.getElementById("q-" + index + "-tried");
      if (fresh) box.innerHTML = fresh.innerHTML;
    }).catch(function () {
      box.removeAttribute("aria-busy");
    });
  }
  form.addEventListener("input", function (e) {
    var m = /^q-(\d+)-try$/.exec(e.target.name || "");
    if (!m) return;
    var i = m[1];
    clearTimeout(timers[i]);
    timers[i] = setTimeout(function () { tryAnswer(i); }, 800);
  });
})();
