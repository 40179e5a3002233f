"""The demo data files (cms/demo/data/*.toml) that a tourism office edits by hand.

What load_demo relies on is checked here without a database: the files read, items are found again by
unique keys and slugs, every reference points at something, and a mistake is reported with its file,
item and field so that someone who is not a developer can fix it.
"""

import shutil
from collections import Counter
from pathlib import Path

import pytest

from cms.demo.data import DATA_DIR, DemoData, DemoDataError, load
from tourism.models import Audience, EventStatus
from tourism.models.pois import Wheelchair


@pytest.fixture(scope="module")
def demo() -> DemoData:
    return load()


@pytest.fixture
def data_copy(tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


def edit(directory: Path, file: str, old: str, new: str) -> None:
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_files_hold_the_whole_demo(demo):
    assert {path.name for path in DATA_DIR.glob("*.toml")} == {
        "categories.toml",
        "organizers.toml",
        "pages.toml",
        "pois.toml",
        "events.toml",
        "news.toml",
        "synonyms.toml",
        "kiosks.toml",
        "glossary.toml",
    }
    counts = {name: len(getattr(demo, name)) for name in DemoData.__dataclass_fields__}
    assert all(counts.values()), counts
    assert set(demo.synonyms) == {"de", "en"}


@pytest.mark.parametrize("kind", ["standard_pages", "pois", "events", "news"])
def test_every_page_is_in_german_and_english(demo, kind):
    for item in getattr(demo, kind):
        for field in ("slug", "title", "teaser", "body"):
            assert item[field]["de"] and item[field]["en"], (item["key"], field)
        assert len(item["body"]["de"]) == len(item["body"]["en"]), item["key"]
        assert item.get("image", {"alt": {"en": "none needed"}})["alt"].get("en"), item["key"]


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        ("categories", "slug"),
        ("organizers", "key"),
        ("kiosks", "slug"),
        *(
            (kind, field)
            for kind in ("standard_pages", "pois", "events", "news")
            for field in ("key", "de", "en")
        ),
    ],
)
def test_items_are_found_again_by_unique_keys_and_slugs(demo, kind, field):
    items = getattr(demo, kind)
    values = [item["slug"][field] if field in ("de", "en") else item[field] for item in items]
    assert [value for value, n in Counter(values).items() if n > 1] == []


def test_every_reference_exists(demo):
    categories = {(c["kind"], c["slug"]) for c in demo.categories}
    pois = {item["key"] for item in demo.pois}
    events = {item["key"] for item in demo.events}
    organizers = {item["key"] for item in demo.organizers}
    assert not pois & events, "POIs and events share one namespace of keys"
    for item in demo.pois:
        assert {("poi", slug) for slug in item["categories"]} <= categories, item["key"]
        assert set(item.get("related", [])) <= pois, item["key"]
    for item in demo.events:
        assert {("event", slug) for slug in item["categories"]} <= categories, item["key"]
        assert item["venue"] is None or item["venue"] in pois, item["key"]
        assert item["organizer"] is None or item["organizer"] in organizers, item["key"]
        assert item["venue"] or item["location"], f"{item['key']}: neither venue nor location"
    for item in demo.news:
        assert {("news", slug) for slug in item["categories"]} <= categories, item["key"]
        assert set(item["related"]) <= pois | events, item["key"]
    for item in demo.kiosks:
        assert item["venue"] in pois
        assert {("event", slug) for slug in item["categories"]} <= categories


def test_the_kiosk_has_something_on_now_and_later_today(demo):
    today = [item for item in demo.events if item["day"] == 0]
    assert any(item["all_day"] for item in today)
    running = [
        i for i in today if (i["start"] or "").startswith("now-") and (i["end"] or "").startswith("now+")
    ]
    later = [item for item in today if (item["start"] or "").startswith("now+")]
    assert running and len(later) >= 2


def test_values_the_models_own_are_valid_choices(demo):
    assert {item["audience"] for item in demo.events} <= set(Audience.values)
    assert {item["status"] for item in demo.events} <= set(EventStatus.values)
    assert {item["accessibility"]["wheelchair"] for item in demo.pois} <= set(Wheelchair.values)


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "pois.toml",
            "lat = 52.2893\n",
            'lat = "north"\n',
            "pois.toml: item 'reitender-roland' field 'lat': not a number",
        ),
        (
            "pois.toml",
            '{ days = ["Mo", "We", "Fr"], opens = "09:00"',
            '{ days = ["Mo", "We", "Fr"], opens = "9 Uhr"',
            "pois.toml: item 'rathaus' field 'hours[1].opens': not a time like \"09:30\"",
        ),
        (
            "events.toml",
            'venue = "museum-haldensleben"',
            'venue = "nowhere"',
            "events.toml: item 'ausstellung-alte-ansichten' field 'venue': no point of interest 'nowhere'",
        ),
        (
            "events.toml",
            'start = "now-60"',
            'begin = "now-60"',
            "events.toml: item 'sprechstunde-online-buergerservice' field 'begin': unknown field",
        ),
        (
            "news.toml",
            "body.en = [",
            'body.en = [\n    "One paragraph too many.",',
            "news.toml: item 'digitale-stadtpraesenz' field 'body.en': 4 paragraphs, the German text has 3",
        ),
        ("categories.toml", 'kind = "poi"', 'kind = "sight"', "categories.toml: item 'sight' field 'kind'"),
        ("synonyms.toml", '"WC, Toilette",', "42,", "synonyms.toml: field 'de[5]': not text"),
        (
            "kiosks.toml",
            'orientation = "portrait"',
            'orientation = "upright"',
            "kiosks.toml: item 'bahnhof' field 'orientation'",
        ),
        ("organizers.toml", 'key = "stadt"', 'key = "stadt', "organizers.toml: not valid TOML"),
    ],
)
def test_a_mistake_is_named_by_file_item_and_field(data_copy, file, old, new, message):
    edit(data_copy, file, old, new)
    with pytest.raises(DemoDataError) as error:
        load(data_copy)
    assert str(error.value).startswith(message), str(error.value)


def test_a_time_written_without_quotes_is_read_as_a_time(data_copy):
    edit(data_copy, "pois.toml", 'opens = "09:00"', "opens = 09:00:00")
    assert load(data_copy).pois == load().pois


def test_the_kiosks_show_two_screens_with_schedules_and_a_notice_in_the_history(demo):
    """A newcomer sees an always-on screen, one with hours per weekday (idle at night) and a notice."""
    by_slug = {screen["slug"]: screen for screen in demo.kiosks}
    assert set(by_slug) == {"markt", "bahnhof"}
    assert not by_slug["markt"].get("hours")  # on around the clock: the kiosk tests read it any time
    station = by_slug["bahnhof"]
    assert station["orientation"] == "portrait"
    assert {row["shows"] for row in station["hours"]} == {"events", "places", "all"}
    assert any("holiday" in row["days"] for row in station["hours"])
    assert station["past_notice"]["text"]["de"] and station["past_notice"]["text"]["en"]


def test_one_bracket_instead_of_two_is_named(data_copy):
    (data_copy / "kiosks.toml").write_text('[kiosk]\nslug = "markt"\n', encoding="utf-8")
    with pytest.raises(DemoDataError) as raised:
        load(data_copy)
    assert str(raised.value).startswith("kiosks.toml: items start with [[kiosk]]")
