// Kiosk player: shows /api/v1/kiosks/{slug}/feed full-screen and keeps going without the server.
// now / later today / coming up are recomputed here every second from each occurrence's start and
// end, so the screen stays right while offline; the server's lists are the starting point only.
// Urgent notices likewise: each is shown from its start to its end by this clock (danger takes the
// whole screen, warning and info are a banner), also when they start or end while offline. The feed
// is asked for every `poll` seconds with If-None-Match: an unchanged feed is a 304 without a body.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("kiosk-config").textContent);
  const ZONE = "Europe/Berlin";
  const LANGUAGE_SECONDS = 15;
  const FEATURE_SECONDS = 8;
  const STORE = "roland-kiosk:" + config.feed;
  const state = {
    feed: null,
    etag: null,
    online: true,
    lastContact: Number(localStorage.getItem(STORE + ":contact")) || null,
    language: 0,
    feature: 0,
    refresh: config.refresh,
    noticeKey: null,
  };
  window.kiosk = state; // for the browser tests and for curious technicians

  const $ = (id) => document.getElementById(id);
  const lang = () => config.locales[state.language % config.locales.length];
  const label = (key) => (config.labels[lang()] || config.labels[config.locales[0]])[key] || "";
  const texts = (item) => item.texts[lang()] || item.texts[Object.keys(item.texts)[0]];

  function parts(date) {
    const out = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", weekday: "short", hourCycle: "h23",
    }).formatToParts(date).forEach((p) => { out[p.type] = p.value; });
    const weekdays = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
    return { day: `${out.year}-${out.month}-${out.day}`, time: `${out.hour}:${out.minute}`, weekday: weekdays[out.weekday] };
  }
  const fmt = (date, options) => new Intl.DateTimeFormat(lang(), { timeZone: ZONE, ...options }).format(date);
  const clock = (date) => fmt(date, { hour: "2-digit", minute: "2-digit" });

  function isOn(screen, date) {
    const hours = screen.active_hours;
    const p = parts(date);
    const yesterday = (p.weekday + 6) % 7;
    if (!hours.opens || !hours.closes || hours.opens === hours.closes) return hours.days.includes(p.weekday);
    if (hours.opens < hours.closes) return hours.days.includes(p.weekday) && p.time >= hours.opens && p.time < hours.closes;
    return (hours.days.includes(p.weekday) && p.time >= hours.opens) || (hours.days.includes(yesterday) && p.time < hours.closes);
  }

  function shiftDay(day, days) {
    const d = new Date(day + "T12:00:00Z");
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }
  const weekdayOf = (day) => (new Date(day + "T12:00:00Z").getUTCDay() + 6) % 7;

  // What the screen shows now by its weekly schedule (as sites.schedules on the server): "all",
  // "events" or "places"; null when it is off. Without a schedule: on from/until and its days.
  function stateAt(screen, date) {
    const hours = screen.active_hours;
    const ranges = hours.ranges || [];
    if (!ranges.length) return isOn(screen, date) ? "all" : null;
    const p = parts(date);
    const withHolidays = ranges.some((r) => r.day === 7);
    const kind = (day) => (withHolidays && (hours.holidays || []).includes(day) ? 7 : weekdayOf(day));
    const today = kind(p.day), yesterday = kind(shiftDay(p.day, -1));
    for (const r of ranges) {
      const overnight = r.closes <= r.opens;
      if (r.day === yesterday && overnight && p.time < r.closes) return r.content;
      if (r.day === today && p.time >= r.opens && (overnight || p.time < r.closes)) return r.content;
    }
    return null;
  }

  function lists(feed, date) {
    const seen = new Map();
    [...feed.now, ...feed.next, ...feed.upcoming].forEach((o) => seen.set(o.id, o));
    const all = [...seen.values()].sort((a, b) => new Date(a.start) - new Date(b.start));
    const t = date.getTime();
    const today = parts(date).day;
    const now = [], next = [], upcoming = [], events = new Set();
    for (const o of all) {
      const start = new Date(o.start).getTime(), end = new Date(o.end).getTime();
      if (end <= t) continue; // ended while we were offline, or since the last feed
      if (start <= t) now.push(o);
      else if (parts(new Date(start)).day === today) next.push(o);
      else if (!events.has(o.event_id)) { events.add(o.event_id); upcoming.push(o); }
    }
    return { now, next, upcoming };
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function when(o) {
    const start = new Date(o.start), end = new Date(o.end);
    if (o.all_day) return label("all_day");
    return `${clock(start)}–${clock(end)}`;
  }

  function qr(o) {
    const img = el("img", "qr");
    img.src = texts(o).qr;
    img.alt = label("scan") + ": " + texts(o).title;
    img.width = 160; img.height = 160;
    return img;
  }

  function status(o, node) {
    if (!o.cancelled && o.status === "scheduled") return;
    const badge = el("span", "badge", o.cancelled ? label("cancelled") : o.status.replace("_", " "));
    node.append(badge);
    if (texts(o).status_note) node.append(el("span", "note", texts(o).status_note));
  }

  function card(o, withQr) {
    const li = el("li", "card" + (o.cancelled ? " is-cancelled" : ""));
    li.dataset.occurrence = o.id;
    const body = el("div", "card-body");
    const title = el("h3", "title", texts(o).title);
    body.append(title, el("p", "meta", [when(o), texts(o).place].filter(Boolean).join(" · ")));
    status(o, body);
    li.append(body);
    if (withQr) li.append(qr(o));
    return li;
  }

  function row(o, withDay) {
    const li = el("li", "row" + (o.cancelled ? " is-cancelled" : ""));
    li.dataset.occurrence = o.id;
    const start = new Date(o.start);
    const day = withDay ? fmt(start, { weekday: "short", day: "numeric", month: "short" }) + " " : "";
    li.append(el("span", "row-time", day + (o.all_day ? label("all_day") : clock(start))));
    const title = el("span", "row-text");
    title.append(el("span", "row-title", texts(o).title));
    status(o, title);
    li.append(title);
    return li;
  }

  function feature(o) {
    const box = $("upcoming-feature");
    box.replaceChildren();
    box.dataset.occurrence = o ? o.id : ""; // what heartbeat.js counts as shown
    if (!o) return;
    const rendition = o.image && Object.values(o.image.renditions)[0];
    if (rendition) {
      const img = el("img", "feature-image");
      img.addEventListener("load", fit);  // the picture's height arrives with it
      img.src = rendition.url;
      img.alt = texts(o).image_alt || "";
      box.append(img);
    }
    const caption = el("div", "feature-text");
    caption.append(el("h3", "title", texts(o).title));
    caption.append(el("p", "meta", [fmt(new Date(o.start), { weekday: "long", day: "numeric", month: "long" }), when(o), texts(o).place].filter(Boolean).join(" · ")));
    status(o, caption);
    box.append(caption, qr(o));
    if (o.image && o.image.credit) box.append(el("p", "credit", "© " + o.image.credit));
  }

  // Rows that would not fit whole in their column (or on the screen) are left out, last first: a
  // screen never shows half a line. Removing a later row never moves an earlier one. A heading whose
  // rows all went is hidden with them.
  function fit() {
    // Leaving rows out of one list can shrink the grid row another list shares (its height follows
    // the taller content): fitted again until nothing more goes.
    for (let pass = 0; pass < 4; pass++) {
      let removed = false;
      for (const id of ["now-list", "next-list", "upcoming-list", "highlights-list"]) {
        const list = $(id);
        const heading = list.previousElementSibling && list.previousElementSibling.tagName === "H2" ? list.previousElementSibling : null;
        const bottom = Math.min(list.closest("section").getBoundingClientRect().bottom, window.innerHeight);
        const had = list.children.length;
        while (list.lastElementChild && list.lastElementChild.getBoundingClientRect().bottom > bottom + 0.5) {
          list.lastElementChild.remove();
          removed = true;
        }
        if (heading && had > 0 && list.children.length === 0) heading.classList.add("trimmed");
        else if (heading && list.children.length > 0) heading.classList.remove("trimmed");
      }
      if (!removed) break;
    }
    document.body.dataset.fitted = String(Number(document.body.dataset.fitted || 0) + 1);
  }

  function render() {
    const date = new Date();
    document.documentElement.lang = lang();
    $("clock-time").textContent = clock(date);
    $("clock-date").textContent = fmt(date, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
    document.querySelectorAll("[data-label]").forEach((node) => { node.textContent = label(node.dataset.label); });
    renderOffline();
    renderNotices(date);
    const feed = state.feed;
    if (!feed) return;
    const content = stateAt(feed.screen, date);
    const on = content !== null;
    document.body.dataset.content = content || "off";
    $("idle").hidden = on;
    $("content").hidden = !on;
    document.body.dataset.active = on ? "yes" : "no";
    if (!on) {
      const back = feed.next_switch && new Date(feed.next_switch) > date ? " " + label("back_at").replace("{time}", clock(new Date(feed.next_switch))) : "";
      $("idle-text").textContent = label("idle") + back;
      return;
    }
    const { now, next, upcoming } = lists(feed, date);
    $("now-list").replaceChildren(...(now.length ? now.slice(0, 3).map((o) => card(o, true)) : [el("li", "empty", label("nothing_now"))]));
    $("next-list").replaceChildren(...(next.length ? next.slice(0, 5).map((o) => row(o, false)) : [el("li", "empty", label("nothing_next"))]));
    const featured = upcoming.length ? upcoming[state.feature % upcoming.length] : null;
    if (!featured || $("upcoming-feature").dataset.key !== featured.id + lang()) {
      feature(featured);
      $("upcoming-feature").dataset.key = featured ? featured.id + lang() : "";
    }
    $("upcoming-list").replaceChildren(...upcoming.filter((o) => o !== featured).slice(0, 4).map((o) => row(o, true)));
    // In "places" ranges (evenings): only the places open now, with their closing time.
    const openOnly = content === "places";
    const nearby = openOnly
      ? feed.highlights.filter((poi) => poi.open_until && new Date(poi.open_until) > date).slice(0, 6)
      : feed.highlights.slice(0, 3);
    const places = nearby.map((poi) => {
      const li = el("li", "row");
      li.dataset.poi = poi.id;
      li.append(el("span", "row-time", `${poi.distance_km.toLocaleString(lang(), { maximumFractionDigits: 1 })} km`));
      const title = el("span", "row-text");
      title.append(el("span", "row-title", texts(poi).title));
      if (poi.open_until && openOnly) title.append(el("span", "note", label("open_until").replace("{time}", clock(new Date(poi.open_until)))));
      li.append(title);
      return li;
    });
    if (openOnly && !places.length) places.push(el("li", "empty", label("nothing_open")));
    $("highlights-heading").hidden = places.length === 0;
    $("highlights-list").replaceChildren(...places);
    // The ticker takes its height before the rows are fitted to what is left.
    const ticker = $("ticker");
    ticker.hidden = !(feed.screen.ticker && feed.news.length);
    const line = feed.news.map((n) => texts(n).title).join("   ·   ");
    if ($("ticker-text").textContent !== line) $("ticker-text").textContent = line;
    fit();
  }

  const SEVERITY = { danger: 3, warning: 2, info: 1 };

  function activeNotices(feed, date) {
    const t = date.getTime();
    return (feed.notices || [])
      .filter((n) => new Date(n.start).getTime() <= t && t < new Date(n.end).getTime())
      .sort((a, b) => (SEVERITY[b.severity] || 0) - (SEVERITY[a.severity] || 0) || new Date(a.start) - new Date(b.start));
  }

  function noticeNode(n, tag) {
    const box = el(tag, "notice notice-" + n.severity);
    box.dataset.notice = n.id;
    box.append(el("p", "notice-label", label("severity_" + n.severity)));
    box.append(el("p", "notice-text", texts(n).text));
    box.append(el("p", "notice-until", label("until").replace("{time}", clock(new Date(n.end)))));
    return box;
  }

  function renderNotices(date) {
    const shown = state.feed ? activeNotices(state.feed, date) : [];
    const danger = shown.filter((n) => n.severity === "danger");
    const banners = shown.filter((n) => n.severity !== "danger");
    const key = lang() + "|" + shown.map((n) => n.id + ":" + n.updated + ":" + n.end).join(",");
    document.body.dataset.notice = danger.length ? "danger" : banners.length ? "banner" : "none";
    if (key === state.noticeKey) return;
    state.noticeKey = key;
    const takeover = $("notice-takeover"), banner = $("notice-banner");
    takeover.replaceChildren(...danger.slice(0, 2).map((n) => noticeNode(n, "div")));
    banner.replaceChildren(...banners.slice(0, 2).map((n) => noticeNode(n, "div")));
    takeover.hidden = danger.length === 0;
    banner.hidden = banners.length === 0 || danger.length > 0;
    $("kiosk").setAttribute("aria-hidden", danger.length ? "true" : "false");
  }

  function renderOffline() {
    const notice = $("offline");
    document.body.dataset.status = state.feed ? (state.online ? "online" : "offline") : "loading";
    notice.hidden = state.online;
    if (!state.online) {
      const time = state.lastContact ? clock(new Date(state.lastContact)) : "–";
      notice.textContent = label("offline").replace("{time}", time);
    }
  }

  function warm(feed) {
    // Fetch every image and QR code once so the service worker holds them for offline use.
    const urls = new Set([location.pathname + location.search]);
    document.querySelectorAll("script[src], link[rel=stylesheet]").forEach((node) => urls.add(node.src || node.href));
    [...feed.now, ...feed.next, ...feed.upcoming, ...feed.highlights].forEach((item) => {
      if (item.image) Object.values(item.image.renditions).forEach((r) => urls.add(r.url));
      Object.values(item.texts).forEach((t) => t.qr && urls.add(t.qr));
    });
    urls.forEach((url) => fetch(url).catch(() => {}));
  }

  async function poll() {
    try {
      const headers = { Accept: "application/json" };
      if (state.etag && state.feed) headers["If-None-Match"] = state.etag;
      if (!config.preview) headers["X-Kiosk-Screen"] = config.screen; // confirms the notices it receives
      const response = await fetch(config.feed, { cache: "no-store", headers });
      const fromCache = response.headers.get("X-Kiosk-Offline") === "1";
      if (response.status === 200) {
        const feed = await response.json();
        if (!fromCache || !state.feed) {
          state.feed = feed;
          state.refresh = feed.screen.refresh_seconds || config.refresh;
          if (!fromCache) { state.etag = response.headers.get("ETag"); warm(feed); }
        }
      } else if (response.status !== 304) {
        throw new Error("feed answered " + response.status);
      }
      state.online = !fromCache;
      if (state.online) {
        state.lastContact = Date.now();
        localStorage.setItem(STORE + ":contact", String(state.lastContact));
      }
    } catch (error) {
      state.online = false;
      state.lastError = String((error && error.message) || error);
    }
    render();
    document.dispatchEvent(new Event("kiosk:polled")); // heartbeat.js reports after every refresh
    setTimeout(poll, Math.max(1, Math.min(state.refresh, config.poll || state.refresh)) * 1000);
  }

  if ("serviceWorker" in navigator && !config.preview) {
    navigator.serviceWorker.register(config.worker, { scope: "/kiosks/" }).catch(() => {});
  }
  setInterval(() => { state.language += config.locales.length > 1 ? 1 : 0; state.feature = 0; render(); }, LANGUAGE_SECONDS * 1000);
  setInterval(() => { state.feature += 1; render(); }, FEATURE_SECONDS * 1000);
  setInterval(render, 1000);
  window.addEventListener("resize", render);
  render();
  poll();
})();
