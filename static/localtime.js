// Shows interview times in the reader's own time zone. Without it the page
// shows the organiser's zone, which is still right.
// The words after the time come from the page (its language), never from
// here: data-yours on this script's tag.
(function () {
  if (!window.Intl) return;
  var script = document.currentScript;
  var yours = script ? script.getAttribute("data-yours") : null;
  var nodes = document.querySelectorAll("time[data-local]");
  for (var i = 0; i < nodes.length; i++) {
    var when = new Date(nodes[i].getAttribute("datetime"));
    if (isNaN(when)) continue;
    var mine = when.toLocaleString(undefined, {
      weekday: "long", day: "numeric", month: "long", year: "numeric",
      hour: "2-digit", minute: "2-digit", timeZoneName: "short"
    });
    nodes[i].setAttribute("title", nodes[i].textContent);
    nodes[i].textContent = yours ? mine + " " + yours : mine;
  }
})();
