// Kiosk player service worker: network first, the last good copy from Cache Storage when the
// server or network is gone. Images and QR codes never change under one URL: cache first.
// A kept feed never hands out a notice past its end (nor any other reader of the cache).
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
    const headers = { Accept: request.headers.get("Accept") || "*/*" };
    if (request.headers.has("X-Kiosk-Screen")) headers["X-Kiosk-Screen"] = request.headers.get("X-Kiosk-Screen");
    forward = new Request(request.url, { headers, cache: "no-store" });
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
    const body = new URL(request.url).pathname.startsWith("/api/v1/kiosks/") ? await withoutEnded(kept) : kept.body;
    return new Response(body, { status: kept.status, statusText: kept.statusText, headers });
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

async function withoutEnded(kept) {
  const text = await kept.text();
  try {
    const feed = JSON.parse(text);
    if (!Array.isArray(feed.notices)) return text;
    const now = Date.now();
    feed.notices = feed.notices.filter((notice) => new Date(notice.end).getTime() > now);
    return JSON.stringify(feed);
  } catch (error) {
    return text;
  }
}
