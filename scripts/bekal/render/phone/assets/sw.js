/* Bekal's service worker: registered only when a reader saves a lesson or a track to read
   without signal. Network first, so online reading is unchanged; when the network fails,
   the copy the reader saved (Cache Storage "bekal-offline", filled by the page) is used. */
"use strict";
const CACHE = "bekal-offline";
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fetch(request).catch(() => caches.open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((hit) => hit || Response.error())));
});
