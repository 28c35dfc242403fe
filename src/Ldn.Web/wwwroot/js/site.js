// LDN Workbench: small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Sign-up: an empty time-zone field takes this device's zone (the server falls back to UTC otherwise).
  document.querySelectorAll("input[data-fill-time-zone]").forEach(function (input) {
    if (!input.value) {
      try {
        input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
      } catch (e) {
        // No Intl support: leave the field for the user.
      }
    }
  });
})();
