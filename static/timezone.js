// Fills in the browser's own time zone on the application form when the
// field is empty. Without it the field is a plain text box with a list.
(function () {
  var field = document.querySelector("input[data-browser-zone]");
  if (!field || field.value || !window.Intl || !Intl.DateTimeFormat) return;
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var known = document.querySelector('#timezones option[value="' + zone + '"]');
    if (zone && known) field.value = zone;
  } catch (e) {
    // An old browser without time zone support: the candidate types it.
  }
})();
