"""Issue 17, item 1, in real Chromium: a news item typed and published at once is published.

Wagtail 8's admin autosaves a page half a second after the last keystroke. An editor who creates a
news item and clicks *Veröffentlichen* right after typing sends the publish while that autosave is
due or on its way; the publish must win: the page is live, its latest revision is the published one,
and it is in the API's news list and the RSS feed. Twenty tries, each a new item, clicked at
different moments around the autosave, and not one may be lost.
"""

import json
import time
import urllib.request

import pytest

from tests.e2e.browser import chromium, wait_until, world_server

pytestmark = pytest.mark.processes  # a server of its own: handed out first (tests/conftest.py)

TRIES = 20
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


@pytest.fixture(scope="module")
def signed_in(server):
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
        page = context.new_page()
        page.goto(f"{server.base}/admin/login/")
        page.fill("input[name=username]", "redaktion")
        page.fill("input[name=password]", "geheim-1234")
        page.click("button[type=submit]")
        page.wait_for_url(f"{server.base}/admin/")
        page.clock.install()  # runs as the real clock does until a round moves it on (publish_fast)
        yield page
        context.close()


def type_in(field, text: str) -> None:
    """`text` in the field, its last keys typed one by one.

    Wagtail reacts to the form's values, looked at every half second (the autosave), and to a key
    coming up in the title (the slug); filling in the beginning at once changes neither.
    """
    field.fill(text[:-3])
    field.press_sequentially(text[-3:], delay=20)


def publish_fast(page, server, title: str, delay: float, saved_before: bool) -> str:
    """Type a new news item and click Veröffentlichen `delay` seconds after the last keystroke;
    the message the admin shows afterwards.

    With `saved_before`, the editor typed the title, the autosave created the page (a draft, the
    form now posting to its edit view), and the last words and the click follow: the publish then
    meets the autosave of those last words.
    """
    page.goto(f"{server.base}/admin/pages/add/tourism/newsarticle/{server.news_index}/")
    # Wagtail notes the form as loaded two seconds after it appears (a timer); only edits after that
    # count. The page's clock jumps over those two seconds (an editor takes longer than that to
    # start typing); from then on it runs as the real one does, the autosave's timers with it.
    page.evaluate(
        "document.getElementById('page-edit-form')"
        ".addEventListener('w-unsaved:watch-edits', () => { window.rolandWatching = true; })"
    )
    page.clock.fast_forward(2000)
    wait_until(page, "window.rolandWatching === true")
    type_in(page.locator("#id_title"), title)
    if saved_before:
        wait_until(page, "window.location.pathname.endsWith('/edit/')")
    type_in(page.locator("#id_teaser"), "Kurz gemeldet.")
    typed = time.monotonic()
    # The publish button sits in the action menu's drop-down: opened before the wait, clicked after.
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button = page.get_by_role("button", name="Veröffentlichen")
    time.sleep(max(0.0, delay - (time.monotonic() - typed)))
    # The form's own post (not an autosave's fetch): the publish, possibly held back by an autosave.
    with page.expect_response(
        lambda response: response.request.method == "POST" and response.request.resource_type == "document",
        timeout=30_000,
    ) as posted:
        button.click()
    if posted.value.status >= 400:
        return f"HTTP {posted.value.status}"
    if posted.value.status == 302:  # published: on to the news index in the explorer
        page.wait_for_url(f"**/admin/pages/{server.news_index}/", timeout=30_000)
    page.wait_for_load_state("domcontentloaded")
    messages = page.locator(".messages")
    return messages.inner_text().strip() if messages.count() else page.locator("main").inner_text()[:300]


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


def test_twenty_fast_publishes_lose_nothing(signed_in, server):
    titles = [f"Schnellmeldung {n:02d}" for n in range(1, TRIES + 1)]
    messages = {
        title: publish_fast(signed_in, server, title, DELAYS[n // 2 % len(DELAYS)], saved_before=n % 2 == 1)
        for n, title in enumerate(titles)
    }

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
