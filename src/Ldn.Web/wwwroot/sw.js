// LDN Workbench service worker (scope /). It keeps only what holds no personal data: the offline page
// (fetched without cookies), the style sheet, the scripts, the icons and the manifest. Journal pages and
// API answers are never cached (health data must not be left in a cache on a shared device); when a page
// cannot be loaded because the network is down, the offline page is shown instead.
"use strict";

const CACHE = "ldn-static-v1";
const OFFLINE = "/offline";
const STATIC = ["/css/site.css", "/js/site.js", "/icons/icon.svg", "/icons/icon-192.png", "/icons/icon-512.png", "/manifest.webmanifest"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all([
      fetch(new Request(OFFLINE, { credentials: "omit", cache: "no-store" })).then(function (response) {
        if (!response.ok) {
          throw new Error("offline page: " + response.status);
        }
        return cache.put(OFFLINE, response);
      }),
      cache.addAll(STATIC.map(function (url) { return new Request(url, { credentials: "omit" }); })),
    ]);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  // Drop the caches of older versions of this worker.
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key !== CACHE; }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

function isStatic(url) {
  return url.origin === self.location.origin && STATIC.indexOf(url.pathname) >= 0;
}

self.addEventListener("fetch", function (event) {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }

  if (request.mode === "navigate") {
    // Pages always come from the network; only a failed fetch (offline) falls back to the offline page.
    event.respondWith(fetch(request).catch(function () {
      return caches.match(OFFLINE).then(function (page) {
        return page || new Response("The workbench is offline.", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
      });
    }));
    return;
  }

  const url = new URL(request.url);
  if (isStatic(url)) {
    // Network first so a new style sheet shows at once; the cached copy (any ?v= version) when offline.
    event.respondWith(fetch(request).catch(function () {
      return caches.match(url.pathname, { ignoreSearch: true });
    }));
  }
  // Anything else (the API, journal data) is left to the network and never stored.
});
