// Kiosk player service worker: network first, the last good copy from Cache Storage when the
// server or network is gone. Images and QR codes never change under one URL: cache first.
const CACHE = "roland-kiosk-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // What a screen reported showing, for the admin's eyes only: never kept.
  if (/^\/kiosks\/[^/]+\/shown(\/|-feed)$/.test(url.pathname)) return;
  if (url.pathname.startsWith("/media/") || url.pathname.startsWith("/kiosks/qr/")) {
    event.respondWith(cacheFirst(request));
  } else if (
    url.pathname.startsWith("/kiosks/") ||
    url.pathname.startsWith("/static/") ||
    url.pathname.startsWith("/api/v1/kiosks/")
  ) {
    event.respondWith(networkFirst(request));
  }
});

function keyOf(request) {
  return new URL(request.url).href;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  let forward = request;
  if (request.headers.has("If-None-Match") && !(await cache.match(keyOf(request), { ignoreVary: true }))) {
    // The page already has this answer but we do not: ask for the whole of it, to keep a copy.
    forward = new Request(request.url, { headers: { Accept: request.headers.get("Accept") || "*/*" }, cache: "no-store" });
  }
  try {
    const response = await fetch(forward);
    if (response.status === 200) await cache.put(keyOf(request), response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(keyOf(request), { ignoreVary: true });
    if (!kept) throw error;
    // Marked so the page knows it is looking at the last good copy.
    const headers = new Headers(kept.headers);
    headers.set("X-Kiosk-Offline", "1");
    return new Response(kept.body, { status: kept.status, statusText: kept.statusText, headers });
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(keyOf(request), { ignoreVary: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.status === 200) await cache.put(keyOf(request), response.clone());
  return response;
}
