"""Issue 17, item 1, in real Chromium: a news item typed and published at once is published.

Wagtail 8's admin autosaves a page half a second after the last keystroke. An editor who creates a
news item and clicks *Veröffentlichen* right after typing sends the publish while that autosave is
due or on its way; the publish must win: the page is live, its latest revision is the published one,
and it is in the API's news list and the RSS feed. Twenty tries, each a new item, clicked at
different moments around the autosave, and not one may be lost.
"""

import asyncio
import json
import time
import urllib.request

import pytest

from tests.e2e.browser import async_chromium, async_wait_until, world_server

pytestmark = pytest.mark.processes  # a server of its own: handed out first (tests/conftest.py)

TRIES = 20
# Tries under way at once, each in a tab (a browser context) of its own, as an editor with two tabs
# open: most of a try is waiting (the autosave's timers, the moment of the click), which the other
# tab spends on its own try. runserver answers each request in a thread of its own; SQLite's writes
# wait for each other (transaction_mode IMMEDIATE, cms/settings/base.py). More tabs on two busy
# cores made an autosave take longer than the 10 s a publish waits for it
# (cms/static/cms/admin/autosave-before-submit.js): a limit of that script, not what this tests.
TABS = 2
# Seconds between the last keystroke and the click: before the autosave is sent, while it is on its
# way, and after it came back (the page then exists as a draft and the form posts to its edit view).
# Wagtail looks for changes every 0.5 s and autosaves 0.5 s after it found some: about 1-1.5 s
# after the last keystroke the autosave is sent.
DELAYS = (0.1, 0.5, 0.9, 1.05, 1.15, 1.25, 1.35, 1.45, 1.6, 1.8)
WORLD = (
    "from tests.factories import SiteTree; tree = SiteTree(); "
    "from django.contrib.auth import get_user_model; "
    "get_user_model().objects.create_superuser('redaktion', 'redaktion@example.org', 'geheim-1234'); "
    "print('news-index', tree.news.pk)"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with world_server(tmp_path_factory, "fast-publish-e2e", WORLD) as server:
        server.news_index = int(server.world.split("news-index")[-1].split()[0])
        yield server


async def signed_in(browser, server) -> dict:
    """The editor's session (cookies), signed in once for all the tabs."""
    context = await browser.new_context(locale="de-DE")
    page = await context.new_page()
    await page.goto(f"{server.base}/admin/login/")
    await page.fill("input[name=username]", "redaktion")
    await page.fill("input[name=password]", "geheim-1234")
    await page.click("button[type=submit]")
    await page.wait_for_url(f"{server.base}/admin/")
    state = await context.storage_state()
    await context.close()
    return state


async def type_in(field, text: str) -> None:
    """`text` in the field, its last keys typed one by one.

    Wagtail reacts to the form's values, looked at every half second (the autosave), and to a key
    coming up in the title (the slug); filling in the beginning at once changes neither.
    """
    await field.fill(text[:-3])
    await field.press_sequentially(text[-3:], delay=20)


async def publish_fast(page, server, title: str, delay: float, saved_before: bool) -> str:
    """Type a new news item and click Veröffentlichen `delay` seconds after the last keystroke;
    the message the admin shows afterwards.

    With `saved_before`, the editor typed the title, the autosave created the page (a draft, the
    form now posting to its edit view), and the last words and the click follow: the publish then
    meets the autosave of those last words.
    """
    await page.goto(f"{server.base}/admin/pages/add/tourism/newsarticle/{server.news_index}/")
    # Wagtail notes the form as loaded two seconds after it appears (a timer); only edits after that
    # count. The page's clock jumps over those two seconds (an editor takes longer than that to
    # start typing); from then on it runs as the real one does, the autosave's timers with it.
    # (WATCHING, in every page from its start, notes the moment, even one before the jump.)
    await page.clock.fast_forward(2000)
    await async_wait_until(page, "window.rolandWatching === true", timeout=90)
    await type_in(page.locator("#id_title"), title)
    if saved_before:
        await async_wait_until(page, "window.location.pathname.endsWith('/edit/')", timeout=90)
    await type_in(page.locator("#id_teaser"), "Kurz gemeldet.")
    typed = time.monotonic()
    # The publish button sits in the action menu's drop-down: opened before the wait, clicked after.
    await page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button = page.get_by_role("button", name="Veröffentlichen")
    await asyncio.sleep(max(0.0, delay - (time.monotonic() - typed)))
    # The form's own post (not an autosave's fetch): the publish, possibly held back by an autosave.
    async with page.expect_response(
        lambda response: response.request.method == "POST" and response.request.resource_type == "document",
        timeout=90_000,
    ) as posted:
        await button.click()
    response = await posted.value
    if response.status >= 400:
        return f"HTTP {response.status}"
    if response.status == 302:  # published: on to the news index in the explorer
        await page.wait_for_url(
            f"**/admin/pages/{server.news_index}/", wait_until="domcontentloaded", timeout=90_000
        )
    await page.wait_for_load_state("domcontentloaded")
    messages = page.locator(".messages")
    if await messages.count():
        return (await messages.inner_text()).strip()
    return (await page.locator("main").inner_text())[:300]


# The moment Wagtail's unsaved-changes controller starts to watch the form (its event bubbles).
WATCHING = "document.addEventListener('w-unsaved:watch-edits', () => { window.rolandWatching = true; })"


async def publish_all(server, tries: list[tuple[str, float, bool]]) -> dict[str, str]:
    """Each try published in one of TABS tabs of their own (a context each: each its own clock),
    TABS at a time; the message each try ended with."""
    pending = list(reversed(tries))
    messages: dict[str, str] = {}

    async def tab(browser, state: dict) -> None:
        context = await browser.new_context(
            viewport={"width": 1400, "height": 1000}, locale="de-DE", storage_state=state
        )
        # The tabs share one server process: on two busy cores a page can take longer than
        # Playwright's 30 s. The limits bound a hang; no figure below depends on them.
        context.set_default_timeout(90_000)
        context.set_default_navigation_timeout(90_000)
        await context.add_init_script(WATCHING)
        page = await context.new_page()
        await page.clock.install()  # runs as the real clock does until a try moves it on
        try:
            while pending:
                title, delay, saved_before = pending.pop()
                messages[title] = await publish_fast(page, server, title, delay, saved_before)
        finally:
            await context.close()

    async with async_chromium() as browser:
        state = await signed_in(browser, server)
        await asyncio.gather(*(tab(browser, state) for _ in range(TABS)))
    return messages


def news_state(server) -> dict:
    """What the database says about every news article: live, a draft, and whether its latest
    revision is the one published."""
    script = (
        "import json; from tourism.models import NewsArticle; "
        "print('STATE', json.dumps([{'title': a.title, 'live': a.live, 'draft': a.has_unpublished_changes, "
        "'latest_is_live': a.latest_revision_id == a.live_revision_id} "
        "for a in NewsArticle.objects.order_by('pk')]))"
    )
    return json.loads(server.shell(script).split("STATE", 1)[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def test_twenty_fast_publishes_lose_nothing(server):
    titles = [f"Schnellmeldung {n:02d}" for n in range(1, TRIES + 1)]
    tries = [(title, DELAYS[n // 2 % len(DELAYS)], n % 2 == 1) for n, title in enumerate(titles)]
    messages = asyncio.run(publish_all(server, tries))

    articles = news_state(server)
    state = {article["title"]: article for article in articles}
    listed = {item["title"] for item in json.loads(fetch(f"{server.base}/api/v1/news?limit=100"))["items"]}
    feed = fetch(f"{server.base}/api/v1/news.rss")
    lost = {
        title: state.get(title)
        for title in titles
        if not (
            state.get(title, {}).get("live")
            and state[title]["latest_is_live"]
            and not state[title]["draft"]
            and title in listed
            and title in feed
        )
    }
    not_published = {title: text for title, text in messages.items() if "veröffentlicht" not in text}
    # One article per try: no draft twin left behind by an autosave.
    twins = sorted(
        article["title"] for article in articles if article["title"] not in titles or not article["live"]
    )
    twins += sorted(title for title in titles if [a["title"] for a in articles].count(title) > 1)
    assert (len(lost), len(not_published), twins) == (0, 0, []), {
        "lost": lost,
        "not published": not_published,
        "twins": twins,
        "of": TRIES,
    }
