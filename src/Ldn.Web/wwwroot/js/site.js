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

  // Installable and offline (issue 11 §6): the worker at /sw.js shows /offline when the network is down;
  // it caches no journal page or API answer.
  if ("serviceWorker" in navigator) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {
        // No worker (private mode, plain HTTP on another host): the pages still work online.
      });
    });
  }
  // A print button (the Report page): the browser's print dialog also saves PDF.
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
