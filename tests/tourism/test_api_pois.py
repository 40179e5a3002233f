"""/api/v1/pois: what the city website, partner apps and kiosks rely on."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from cms.demo.translation import translate_with_strings
from media.renditions import PRESETS
from tests.factories import CategoryFactory, ImageFactory, SiteTree
from tests.querycount import count_api_queries
from tests.worlds import built_once, fresh
from tourism.models import (
    Category,
    OpeningHoursException,
    OpeningHoursRule,
    PointOfInterest,
    PointOfInterestGalleryImage,
    PointOfInterestRelatedPage,
)

pytestmark = pytest.mark.django_db

MARKET = (52.2893, 11.4085)


def build_places() -> dict:
    """Three places with images, categories, hours; the museum translated to English."""
    tree = SiteTree()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    museum_category = CategoryFactory(name="Museen", slug="museum", schema_type="Museum")
    sight = CategoryFactory(name="Sehenswürdigkeiten", slug="sight")
    translate_with_strings(tree.home, locales["en"], {})
    translate_with_strings(tree.pois, locales["en"], {"orte": "places"})
    translate_with_strings(museum_category, locales["en"], {"Museen": "Museums"})
    museum = tree.poi(
        title="Museum Haldensleben",
        slug="museum",
        latitude="52.290000",
        longitude="11.410000",
        wheelchair="yes",
        is_free=False,
        price_text="4 €",
        image=ImageFactory(),
        live=False,
    )
    museum.categories = [museum_category]
    museum.opening_hours = [
        OpeningHoursRule(
            tuesday=True, wednesday=True, thursday=True, friday=True, opens=time(10), closes=time(17)
        )
    ]
    museum.opening_hours_exceptions = [
        OpeningHoursException(date_from=date(2026, 12, 24), closed=True, reason="christmas_eve")
    ]
    museum.save_revision().publish()
    translate_with_strings(
        museum, locales["en"], {"Museum Haldensleben": "Haldensleben Museum", "museum": "museum"}
    )
    roland = tree.poi(title="Reitender Roland", slug="roland", is_free=True, image=ImageFactory(), live=False)
    roland.categories = [sight]
    roland.save_revision().publish()
    castle = tree.poi(
        title="Schloss Hundisburg",
        slug="schloss",
        latitude="52.273000",
        longitude="11.353000",
        wheelchair="partial",
        image=ImageFactory(),
    )
    return {"museum": museum, "roland": roland, "castle": castle, "tree": tree}


_places = built_once(build_places)


@pytest.fixture
def places(_places, db) -> dict:
    return fresh(_places)


@pytest.fixture
def tree(places) -> SiteTree:
    """The module's site tree (not a second one)."""
    return places["tree"]


def get(client, path, **params):
    return client.get(f"/api/v1/{path}", params)


def test_list_contract_for_the_city_website_map(client, places):
    response = get(client, "pois", locale="de")
    assert response.status_code == 200
    assert response["Content-Language"] == "de"
    assert "Accept-Language" in response["Vary"]
    data = response.json()
    assert set(data) == {"count", "next", "previous", "items"}
    assert data["count"] == 3
    museum = next(item for item in data["items"] if item["title"] == "Museum Haldensleben")
    assert set(museum) >= {
        "id", "type", "locale", "is_fallback", "title", "slug", "teaser", "url", "api_url", "last_published_at",
        "categories", "location", "distance_km", "open_now", "opening_hours_today", "image",
    }  # fmt: skip
    assert museum["type"] == "poi" and museum["locale"] == "de" and museum["is_fallback"] is False
    assert museum["categories"] == [{"slug": "museum", "name": "Museen"}]
    assert museum["location"] == {
        "lat": 52.29, "lng": 11.41, "street": "", "postal_code": "", "locality": "",
    }  # fmt: skip
    assert museum["api_url"].endswith(f"/api/v1/pois/{museum['id']}")
    image = museum["image"]
    assert set(image["renditions"]) == set(PRESETS)
    assert (
        image["alt"] and image["credit"] and image["license_url"].startswith("https://creativecommons.org/")
    )
    assert isinstance(museum["open_now"], bool)


def test_english_answer_with_fallback_marks_untranslated_items(client, places):
    data = get(client, "pois", locale="en").json()
    by_title = {item["title"]: item for item in data["items"]}
    assert set(by_title) == {"Haldensleben Museum", "Reitender Roland", "Schloss Hundisburg"}
    assert by_title["Haldensleben Museum"]["is_fallback"] is False
    assert by_title["Haldensleben Museum"]["locale"] == "en"
    assert by_title["Haldensleben Museum"]["categories"] == [{"slug": "museum", "name": "Museums"}]
    assert by_title["Haldensleben Museum"]["url"].endswith("/en/places/museum/")
    assert (
        by_title["Reitender Roland"]["is_fallback"] is True and by_title["Reitender Roland"]["locale"] == "de"
    )
    strict = get(client, "pois", locale="en", fallback="false").json()
    assert [item["title"] for item in strict["items"]] == ["Haldensleben Museum"]


def test_image_texts_follow_the_answers_language(client, places, locales):
    """Alt text in the reader's language where the image has one (field by field), else the image's own."""
    image = places["roland"].image
    image.alt_text, image.caption = "Der Roland auf dem Markt", "Blick vom Rathaus"
    image.save()
    image.localized_texts.create(locale=locales["en"], alt_text="The Roland on the market square")

    def roland_image(**params):
        items = get(client, "pois", **params).json()["items"]
        return next(item["image"] for item in items if item["slug"] == "roland")

    assert (roland_image()["alt"], roland_image()["caption"]) == (
        "Der Roland auf dem Markt",
        "Blick vom Rathaus",
    )
    english = roland_image(locale="en")
    assert (english["alt"], english["caption"]) == ("The Roland on the market square", "Blick vom Rathaus")


def test_a_renamed_category_translation_shows_in_the_next_answer(client, places, locales):
    """Category names are kept per process for each content version; saving a category bumps it."""

    def museum_categories():
        items = get(client, "pois", locale="en").json()["items"]
        return next(item["categories"] for item in items if item["title"] == "Haldensleben Museum")

    assert museum_categories() == [{"slug": "museum", "name": "Museums"}]
    english = Category.objects.get(locale=locales["en"], slug="museum")
    english.name = "Museums and collections"
    english.save()
    assert museum_categories() == [{"slug": "museum", "name": "Museums and collections"}]


def test_an_edited_image_shows_in_the_next_list_answer(client, places):
    """Built image answers are kept per content version: saving the image starts a new one."""

    def roland_image():
        items = get(client, "pois").json()["items"]
        return next(item["image"] for item in items if item["title"] == "Reitender Roland")

    assert roland_image()["credit"] != "Foto: Stadt Haldensleben"
    image = places["roland"].image
    image.credit = "Foto: Stadt Haldensleben"
    image.save()
    assert roland_image()["credit"] == "Foto: Stadt Haldensleben"


def test_accept_language_picks_the_language(client, places):
    response = client.get("/api/v1/pois", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9,de;q=0.5")
    assert response["Content-Language"] == "en"
    response = client.get("/api/v1/pois", HTTP_ACCEPT_LANGUAGE="fr-FR")
    assert response["Content-Language"] == "de"


def test_near_radius_and_distance_ordering(client, places):
    data = get(client, "pois", near="52.2893,11.4085", radius="2", ordering="distance").json()
    titles = [item["title"] for item in data["items"]]
    assert titles == ["Reitender Roland", "Museum Haldensleben"]  # the castle is 4 km away
    assert data["items"][0]["distance_km"] == 0.0
    assert 0 < data["items"][1]["distance_km"] < 0.2
    wide = get(client, "pois", near="52.2893,11.4085", radius="10", ordering="distance").json()
    assert [item["title"] for item in wide["items"]][-1] == "Schloss Hundisburg"


def test_bbox_wheelchair_free_category_filters(client, places):
    def titles(**params):
        return sorted(item["title"] for item in get(client, "pois", **params).json()["items"])

    assert titles(bbox="11.35,52.27,11.36,52.28") == ["Schloss Hundisburg"]
    assert titles(wheelchair="yes") == ["Museum Haldensleben"]
    assert titles(wheelchair="partial") == ["Museum Haldensleben", "Schloss Hundisburg"]
    assert titles(free="true") == ["Reitender Roland"]
    assert titles(category="museum") == ["Museum Haldensleben"]
    assert client.get("/api/v1/pois?category=museum&category=sight").json()["count"] == 2


def test_open_at_uses_the_opening_hours_service(client, places):
    def titles(moment):
        return [item["title"] for item in get(client, "pois", open_at=moment).json()["items"]]

    assert titles("2026-12-01T11:00:00+01:00") == ["Museum Haldensleben"]  # Tuesday
    assert titles("2026-12-01T18:00:00+01:00") == []
    assert titles("2026-12-24T11:00:00+01:00") == []  # Christmas Eve: closed by exception


def test_places_sharing_hours_are_answered_alike_and_a_republished_schedule_counts_at_once(
    client, places, tree
):
    """open_now/open_at evaluate each distinct schedule once, keyed by what the page save stored."""

    def titles(moment):
        return [item["title"] for item in get(client, "pois", open_at=moment).json()["items"]]

    cafe = tree.poi(title="Museumscafé", slug="museumscafe", live=False)
    cafe.opening_hours = [
        OpeningHoursRule(
            tuesday=True, wednesday=True, thursday=True, friday=True, opens=time(10), closes=time(17)
        )
    ]
    cafe.opening_hours_exceptions = [
        OpeningHoursException(date_from=date(2026, 12, 24), closed=True, reason="christmas_eve")
    ]
    cafe.save_revision().publish()
    keys = dict(PointOfInterest.objects.values_list("pk", "opening_hours_key"))
    assert keys[cafe.pk] == keys[places["museum"].pk] != keys[places["castle"].pk]
    tuesday, saturday = "2026-12-01T11:00:00+01:00", "2026-12-05T11:00:00+01:00"
    assert titles(tuesday) == ["Museum Haldensleben", "Museumscafé"]
    cafe = PointOfInterest.objects.get(pk=cafe.pk)
    cafe.opening_hours = [OpeningHoursRule(saturday=True, opens=time(10), closes=time(17))]
    cafe.save_revision().publish()
    assert PointOfInterest.objects.get(pk=cafe.pk).opening_hours_key != keys[cafe.pk]
    assert titles(tuesday) == ["Museum Haldensleben"]
    assert titles(saturday) == ["Museumscafé"]


def test_a_place_without_a_stored_schedule_key_is_judged_by_its_own_hours(client, places, tree):
    """Rows written around a page save carry no key: such places are never grouped with each other."""
    cafe = tree.poi(title="Museumscafé", slug="museumscafe", live=False)
    cafe.opening_hours = [OpeningHoursRule(saturday=True, opens=time(10), closes=time(17))]
    cafe.save_revision().publish()
    PointOfInterest.objects.filter(pk__in=[cafe.pk, places["museum"].pk]).update(opening_hours_key="")

    def titles(moment, **params):
        return [item["title"] for item in get(client, "pois", open_at=moment, **params).json()["items"]]

    assert titles("2026-12-01T11:00:00+01:00") == ["Museum Haldensleben"]  # Tuesday
    assert titles("2026-12-05T11:00:00+01:00") == ["Museumscafé"]  # Saturday
    near = titles("2026-12-05T11:00:00+01:00", near="52.2893,11.4085", ordering="distance")
    assert near == ["Museumscafé"]


def test_open_places_near_a_point_in_distance_order_with_their_total(client, places, tree):
    rule = {"monday": True, "saturday": True, "opens": time(9), "closes": time(18)}
    for n, longitude in enumerate(("11.409500", "11.412000", "11.400000")):
        poi = tree.poi(title=f"Laden {n}", slug=f"laden-{n}", latitude="52.289300", longitude=longitude)
        poi.opening_hours = [OpeningHoursRule(**rule)]
        poi.save_revision().publish()
    far = tree.poi(title="Laden weit", slug="laden-weit", latitude="52.400000", longitude="11.600000")
    far.opening_hours = [OpeningHoursRule(**rule)]
    far.save_revision().publish()
    params = {"near": "52.2893,11.4085", "radius": "3", "open_at": "2026-12-05T11:00:00+01:00"}
    first = get(client, "pois", ordering="distance", limit="2", **params).json()
    assert first["count"] == 3  # the museum is closed on Saturdays; "Laden weit" is 17 km away
    assert [item["title"] for item in first["items"]] == ["Laden 0", "Laden 1"]
    distances = [item["distance_km"] for item in first["items"]]
    assert distances == sorted(distances) and all(item["open_now"] is not None for item in first["items"])
    second = client.get(first["next"]).json()
    assert [item["title"] for item in second["items"]] == ["Laden 2"] and second["next"] is None
    assert [item["title"] for item in get(client, "pois", **params).json()["items"]] == [
        "Laden 0",
        "Laden 1",
        "Laden 2",
    ]  # by title without ordering=distance


def test_a_place_in_several_chosen_categories_is_listed_once(client, places):
    museum = PointOfInterest.objects.get(pk=places["museum"].pk)
    museum.categories.add(*places["roland"].categories.all())
    data = client.get("/api/v1/pois?category=museum&category=sight&limit=1").json()
    assert data["count"] == 2 and data["next"] is not None
    both = client.get("/api/v1/pois?category=museum&category=sight").json()["items"]
    assert [item["title"] for item in both] == ["Museum Haldensleben", "Reitender Roland"]


def test_recently_published_first_puts_never_published_places_last(client, places):
    """A page made live without a publish (an import, say) has no date: last on every database."""
    PointOfInterest.objects.filter(pk=places["castle"].pk).update(last_published_at=None)
    items = get(client, "pois", ordering="-last_published_at").json()["items"]
    assert [item["title"] for item in items][-1] == "Schloss Hundisburg"
    assert items[-1]["last_published_at"] is None
    assert items[0]["last_published_at"] >= items[1]["last_published_at"]


def test_paging_links(client, places):
    first = get(client, "pois", limit="2").json()
    assert len(first["items"]) == 2 and first["previous"] is None
    second = client.get(first["next"]).json()
    assert len(second["items"]) == 1 and second["next"] is None
    assert "offset=2" in first["next"] and "limit=2" in first["next"]


def test_detail_contract_with_translations_and_jsonld(client, places):
    museum = places["museum"]
    response = get(client, f"pois/{museum.pk}")
    assert response.status_code == 200
    data = response.json()
    assert set(data) >= {
        "body", "opening_hours", "accessibility", "contact", "prices", "gallery", "related",
        "upcoming_events", "translations", "jsonld",
    }  # fmt: skip
    assert [t["locale"] for t in data["translations"]] == ["en"]
    assert data["prices"] == {"free": False, "text": "4 €"}
    assert data["opening_hours"]["weekly"] == [
        {"weekdays": [1, 2, 3, 4], "opens": "10:00", "closes": "17:00", "valid_from": None, "valid_to": None}
    ]
    assert data["opening_hours"]["exceptions"][0]["reason"] == "christmas_eve"
    assert data["jsonld"]["@type"] == ["TouristAttraction", "Museum"]
    assert data["jsonld"]["inLanguage"] == "de"
    assert data["jsonld"]["openingHoursSpecification"][0]["dayOfWeek"][0] == "https://schema.org/Tuesday"
    ld = get(client, f"pois/{museum.pk}", format="jsonld")
    assert ld["Content-Type"] == "application/ld+json"
    assert ld.json() == data["jsonld"]
    accept = client.get(f"/api/v1/pois/{museum.pk}", HTTP_ACCEPT="application/ld+json")
    assert accept["Content-Type"] == "application/ld+json"


def test_detail_of_a_translation_answers_in_its_language(client, places, locales):
    english = places["museum"].get_translation(locales["en"])
    data = client.get(f"/api/v1/pois/{english.pk}").json()
    assert (data["locale"], data["title"]) == ("en", "Haldensleben Museum")
    assert data["categories"] == [{"slug": "museum", "name": "Museums"}]
    assert data["last_published_at"].endswith(("+01:00", "+02:00"))


def test_geojson_is_lng_lat(client, places):
    response = get(client, "pois.geojson")
    assert response["Content-Type"] == "application/geo+json"
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    castle = next(f for f in collection["features"] if f["properties"]["title"] == "Schloss Hundisburg")
    assert castle["geometry"] == {"type": "Point", "coordinates": [11.353, 52.273]}
    assert "location" not in castle["properties"]


@pytest.mark.parametrize("path", ["pois/999999", "pois/abc", "pois/1.5", "nothing-here", "pois/1/extra"])
def test_unknown_ids_and_paths_are_404_problems(client, places, path):
    response = client.get(f"/api/v1/{path}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_post_is_a_405_problem(client, places):
    response = client.post("/api/v1/pois", {})
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"


def test_hidden_places_are_404(client, places, tree):
    draft = tree.poi(title="Entwurf", slug="entwurf", live=False)
    PageViewRestriction.objects.create(page=places["castle"], restriction_type="password", password="x")
    assert get(client, f"pois/{draft.pk}").status_code == 404
    assert get(client, f"pois/{places['castle'].pk}").status_code == 404
    titles = {item["title"] for item in get(client, "pois").json()["items"]}
    assert titles == {"Museum Haldensleben", "Reitender Roland"}


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=abc", "limit"),
        ("offset=-1", "offset"),
        ("limit=", "limit"),
        ("locale=xx", "locale"),
        ("radius=0", "radius"),
        ("radius=51", "radius"),
        ("near=52.2", "near"),
        ("near=95,11", "near"),
        ("bbox=1,2,3", "bbox"),
        ("wheelchair=maybe", "wheelchair"),
        ("ordering=price", "ordering"),
        ("ordering=distance", "ordering"),
        ("open_at=yesterday", "open_at"),
        ("open_now=perhaps", "open_now"),
        ("free=2", "free"),
        ("colour=red", "colour"),
        ("limit=5&limit=6", "limit"),
        ("tag=" + "x" * 10_000, "tag"),
        ("locality=a%00b", "locality"),
    ],
)
def test_bad_input_is_a_400_problem_naming_the_parameter(client, places, query, param):
    response = client.get(f"/api/v1/pois?{query}")
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400
    assert param in [error["param"] for error in body["errors"]]


@pytest.mark.parametrize(
    ("query", "param"),
    [("format=xml", "format"), ("locale=klingon", "locale"), ("locale=de&locale=en", "locale"), ("x=1", "x")],
)
def test_bad_detail_input_is_a_400_problem(client, places, query, param):
    response = client.get(f"/api/v1/pois/{places['museum'].pk}?{query}")
    assert response.status_code == 400
    assert param in [error["param"] for error in response.json()["errors"]]


def test_list_query_count_does_not_grow_with_the_page(client, places):
    def count(path, **params):
        return count_api_queries(client, path, params)

    variants = (
        {},
        {"near": "52.2893,11.4085", "ordering": "distance"},
        {"open_now": "true"},
        {"locale": "en"},
    )
    for extra in variants:
        one, hundred = count("/api/v1/pois", limit=1, **extra), count("/api/v1/pois", limit=100, **extra)
        assert one == hundred <= 10, (extra, one, hundred)
        # The map answers every match: the list's queries and the bounded count of the cap.
        assert count("/api/v1/pois.geojson", **extra) <= hundred + 1, extra


def test_geojson_answers_every_match_without_paging(client, places):
    collection = get(client, "pois.geojson").json()
    assert collection["count"] == len(collection["features"]) == 3
    assert "next" not in collection
    response = client.get("/api/v1/pois.geojson", {"limit": 1})
    assert response.status_code == 400
    assert response.json()["errors"][0]["param"] == "limit"


def test_geojson_beyond_its_cap_asks_for_a_bbox(client, places, settings):
    settings.ROLAND_GEOJSON_CAP = 2
    response = client.get("/api/v1/pois.geojson")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["param"] == "bbox"
    narrowed = client.get("/api/v1/pois.geojson", {"bbox": "11.35,52.27,11.36,52.28"})
    assert narrowed.status_code == 200
    assert [f["properties"]["title"] for f in narrowed.json()["features"]] == ["Schloss Hundisburg"]
    settings.ROLAND_GEOJSON_CAP = 3
    assert client.get("/api/v1/pois.geojson").status_code == 200


def test_tags_are_in_the_payload_and_filter_in_any_case(client, places):
    castle = places["castle"]
    castle.tags.add("Fahrrad", "Aussicht")
    castle.save_revision().publish()
    items = {item["title"]: item for item in get(client, "pois").json()["items"]}
    assert items["Schloss Hundisburg"]["tags"] == ["Aussicht", "Fahrrad"]
    assert items["Reitender Roland"]["tags"] == []
    for tag in ("fahrrad", "FAHRRAD", "Fahrrad"):
        found = [item["title"] for item in client.get("/api/v1/pois", {"tag": tag}).json()["items"]]
        assert found == ["Schloss Hundisburg"], tag
    assert client.get("/api/v1/pois", {"tag": "fahr"}).json()["items"] == []
    detail = client.get(f"/api/v1/pois/{castle.pk}").json()
    assert detail["tags"] == ["Aussicht", "Fahrrad"]


def test_a_place_lists_its_next_ten_events_at_any_of_its_language_versions(client, places, tree):
    """Events at the German and at the English version of the museum count for both, nearest first;
    past, draft and more than ten are left out."""
    museum = places["museum"]
    museum_en = PointOfInterest.objects.get(
        translation_key=museum.translation_key, locale__language_code="en"
    )
    today = timezone.localdate()
    for day in range(1, 7):
        tree.event(
            title=f"Führung {day}",
            start_date=today + timedelta(days=day),
            start_time=time(10),
            end_time=time(11),
            venue=museum,
        )
        tree.event(
            title=f"Vortrag {day}",
            start_date=today + timedelta(days=day),
            start_time=time(12),
            end_time=time(13),
            venue=museum_en,
        )
    tree.event(title="Vorbei", start_date=today - timedelta(days=2), venue=museum)
    tree.event(
        title="Entwurf", start_date=today + timedelta(days=1), start_time=time(9), venue=museum, live=False
    )
    expected = [title for day in range(1, 6) for title in (f"Führung {day}", f"Vortrag {day}")]
    for poi in (museum, museum_en):
        upcoming = client.get(f"/api/v1/pois/{poi.pk}").json()["upcoming_events"]
        assert [entry["title"] for entry in upcoming] == expected
        starts = [entry["start"] for entry in upcoming]
        assert starts == sorted(starts)


def test_detail_query_count_is_bounded(client, places):
    for params in ({}, {"locale": "en"}):
        assert count_api_queries(client, f"/api/v1/pois/{places['museum'].pk}", params) <= 8


def loaded_place(tree, places, size: int) -> PointOfInterest:
    """A place with `size` of everything a detail shows beside its row: tags, categories, hours and
    exceptions, gallery pictures, related pages and events there."""
    place = tree.poi(title=f"Platz {size}", image=ImageFactory(), live=False)
    place.categories = [CategoryFactory(name=f"Art {size} {n}", slug=f"art-{size}-{n}") for n in range(size)]
    place.tags.add(*(f"Merkmal {n}" for n in range(size)))
    place.opening_hours = [
        OpeningHoursRule(monday=True, opens=time(9 + n), closes=time(18)) for n in range(size)
    ]
    place.opening_hours_exceptions = [
        OpeningHoursException(date_from=date(2027, 1, 1 + n), closed=True, reason="holiday")
        for n in range(size)
    ]
    place.gallery_images = [PointOfInterestGalleryImage(image=ImageFactory()) for _n in range(size)]
    place.related_links = [
        PointOfInterestRelatedPage(target=target) for target in [places["castle"], places["roland"]][:size]
    ]
    place.save_revision().publish()
    tomorrow = timezone.localdate() + timedelta(days=1)
    for n in range(size):
        tree.event(title=f"Führung {size} {n}", start_date=tomorrow + timedelta(days=n), venue=place)
    return place


def test_a_rich_place_costs_no_more_queries_than_a_sparse_one(client, places, tree):
    sparse, rich = loaded_place(tree, places, 1), loaded_place(tree, places, 6)
    detail = client.get(f"/api/v1/pois/{rich.pk}").json()
    assert len(detail["tags"]) == len(detail["gallery"]) == len(detail["upcoming_events"]) == 6
    assert len(detail["related"]) == 2
    for params in ({}, {"locale": "en"}):
        counts = [count_api_queries(client, f"/api/v1/pois/{place.pk}", params) for place in (sparse, rich)]
        assert counts[0] == counts[1] <= 8, (params, counts)


def test_narrowing_cost_does_not_grow_with_the_number_of_places(client, places, tree):
    """near and open_now look at every candidate: that must not cost a query per place."""
    path = "/api/v1/pois"
    params = {"near": "52.2893,11.4085", "open_now": "true", "limit": 5}
    before = count_api_queries(client, path, params)
    for n in range(6):
        poi = tree.poi(title=f"Platz {n}", slug=f"platz-{n}", latitude="52.290000", longitude="11.409000")
        poi.opening_hours = [OpeningHoursRule(monday=True, sunday=True, opens=time(0), closes=time(23, 59))]
        poi.save_revision().publish()
    assert count_api_queries(client, path, params) == before
