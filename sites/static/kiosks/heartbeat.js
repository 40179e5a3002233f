// Kiosk heartbeat and proof of play, beside player.js (which it reads through window.kiosk).
// After each refresh (at most one "kiosk:polled" per refresh interval) it posts a small status to /kiosks/{slug}/heartbeat; while the
// screen is offline the heartbeats wait in localStorage (at most MAX_QUEUE) and go with the next one.
// Every second it counts which items are on screen (events, places, news in the ticker): per Berlin
// day and item, how often each appeared and for how many seconds. These running totals go with each
// heartbeat and replace the server's, so sending them twice never counts twice. Nothing about the
// people in front of the screen is observed.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("kiosk-config").textContent);
  const state = window.kiosk;
  if (config.preview || !config.heartbeat || !state) return;
  const MAX_QUEUE = 50;
  const MAX_DAYS = 7;
  const MAX_ITEMS_PER_DAY = 200;
  const KEY = "roland-kiosk-fleet:" + config.heartbeat;
  const started = Date.now();
  const dayOf = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" });

  function load(name, fallback) {
    try { const value = JSON.parse(localStorage.getItem(KEY + ":" + name)); return value === null ? fallback : value; } catch (error) { return fallback; }
  }
  function save(name, value) {
    try { localStorage.setItem(KEY + ":" + name, JSON.stringify(value)); } catch (error) { /* full: keep going */ }
  }

  const fleet = { plays: load("plays", {}), queue: load("queue", []), online: null, onlineSince: null, offlineSince: null, sent: 0 };
  window.kioskFleet = fleet; // for the browser tests and for curious technicians
  let onScreen = new Set();

  function shownItems() {
    const feed = state.feed;
    if (!feed || document.body.dataset.active !== "yes" || document.hidden) return [];
    const events = new Map();
    [...feed.now, ...feed.next, ...feed.upcoming].forEach((o) => events.set(String(o.id), o.event_id));
    const items = new Set();
    document.querySelectorAll("#content [data-occurrence]").forEach((node) => {
      const event = events.get(node.dataset.occurrence);
      if (event) items.add("event:" + event);
    });
    document.querySelectorAll("#content [data-poi]").forEach((node) => items.add("poi:" + node.dataset.poi));
    if (!document.getElementById("ticker").hidden) feed.news.forEach((n) => items.add("news:" + n.id));
    return [...items];
  }

  function count() {
    const items = shownItems();
    const day = dayOf.format(new Date());
    const totals = fleet.plays[day] || (fleet.plays[day] = {});
    for (const item of items) {
      if (!totals[item] && Object.keys(totals).length >= MAX_ITEMS_PER_DAY) continue;
      const total = totals[item] || (totals[item] = [0, 0]);
      if (!onScreen.has(item)) total[0] += 1; // appeared (again)
      total[1] += 1;
    }
    onScreen = new Set(items);
    Object.keys(fleet.plays).sort().slice(0, -MAX_DAYS).forEach((old) => delete fleet.plays[old]);
    save("plays", fleet.plays);
  }

  function playRows() {
    const rows = [];
    Object.entries(fleet.plays).forEach(([day, totals]) => {
      Object.entries(totals).forEach(([item, [shows, seconds]]) => rows.push({ day, item, shows, seconds }));
    });
    return rows;
  }

  function snapshot() {
    const now = new Date();
    if (state.online !== fleet.online) {
      fleet.online = state.online;
      if (state.online) { fleet.onlineSince = now.toISOString(); fleet.offlineSince = null; }
      else { fleet.offlineSince = now.toISOString(); fleet.onlineSince = null; }
    }
    return {
      sent_at: now.toISOString(),
      feed_etag: state.etag || null,
      online: state.online,
      online_since: fleet.onlineSince,
      offline_since: fleet.offlineSince,
      last_error: state.lastError ? state.lastError.slice(0, 500) : null,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      orientation: window.innerWidth >= window.innerHeight ? "landscape" : "portrait",
      uptime_seconds: Math.round((Date.now() - started) / 1000),
    };
  }

  function keep(beat) {
    fleet.queue = [...fleet.queue, beat].slice(-MAX_QUEUE);
    save("queue", fleet.queue);
  }

  async function beat() {
    const current = snapshot();
    if (!state.online) { keep(current); return; }
    const queued = fleet.queue;
    try {
      const response = await fetch(config.heartbeat, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ...current, queued, plays: playRows() }),
        cache: "no-store",
      });
      if (response.status === 429 || response.status >= 500) throw new Error("heartbeat answered " + response.status);
      // Sent (or refused as bad, which resending would not change): the queue has gone.
      fleet.queue = fleet.queue.slice(queued.length);
      save("queue", fleet.queue);
      fleet.sent += 1;
    } catch (error) {
      keep(current);
    }
  }

  // The player may poll more often than it refreshes (urgent notices): one heartbeat per refresh
  // interval, and one at once when the screen goes on- or offline.
  let lastBeat = 0;
  let lastOnline = null;
  document.addEventListener("kiosk:polled", () => {
    const interval = Math.max(1, state.refresh || 60) * 1000;
    if (Date.now() - lastBeat < interval * 0.9 && state.online === lastOnline) return;
    lastBeat = Date.now();
    lastOnline = state.online;
    beat();
  });
  setInterval(count, 1000);
})();
