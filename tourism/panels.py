"""Editor widgets of places and events: the page chooser that opens in the edited page's language and
the map picker beside the coordinates (Leaflet, bundled in tourism/static/tourism/vendor/leaflet)."""

from django import forms
from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext as _
from wagtail.admin.panels import PageChooserPanel, Panel
from wagtail.admin.widgets import AdminPageChooser

LEAFLET = "tourism/vendor/leaflet/"


class LocalePageChooser(AdminPageChooser):
    """Wagtail's page chooser, opened at `default_parent_id` (a page in the edited page's language,
    set by the form) while nothing is chosen: Wagtail's own chooser starts at the root in the
    editor's interface language, so a German event was offered the English places and vice versa."""

    default_parent_id: int | None = None

    def get_js_init_options(self, id_, name, value_data):
        opts = super().get_js_init_options(id_, name, value_data)
        if "parentId" not in opts and self.default_parent_id is not None:
            opts["parentId"] = self.default_parent_id
        return opts


class LocalePageChooserPanel(PageChooserPanel):
    """PageChooserPanel with a `LocalePageChooser` (made when the form is built: a widget resolves
    its page types, which cannot happen while models load)."""

    def get_form_options(self) -> dict:
        opts = super().get_form_options()
        opts.setdefault("widgets", {})[self.field_name] = LocalePageChooser(
            target_models=self.page_type, can_choose_root=self.can_choose_root
        )
        return opts


class MapPanel(Panel):
    """A map under the latitude and longitude fields: a click or a dragged marker writes them, typed
    values move the marker, and coordinates outside the region or swapped earn a warning at once
    (tourism/static/tourism/map-picker.js). The server's check before publishing is the form's."""

    def clone_kwargs(self) -> dict:
        return super().clone_kwargs()

    @property
    def clean_name(self) -> str:
        return super().clean_name or "map"

    class BoundPanel(Panel.BoundPanel):
        template_name = "tourism/panels/map_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            min_lat, min_lng, max_lat, max_lng = settings.ROLAND_REGION_BOUNDS
            context.update(
                {
                    "tile_url": settings.ROLAND_MAP_TILE_URL,
                    "attribution": settings.ROLAND_MAP_TILE_ATTRIBUTION,
                    "bounds": f"{min_lat},{min_lng},{max_lat},{max_lng}",
                    "icon": static(LEAFLET + "images/marker-icon.png"),
                    "icon_2x": static(LEAFLET + "images/marker-icon-2x.png"),
                    "shadow": static(LEAFLET + "images/marker-shadow.png"),
                    "messages": {
                        "outside": _(
                            "These coordinates lie outside the region — please check them before publishing."
                        ),
                        "swapped": _(
                            "Latitude and longitude look swapped (latitude about 52, longitude about 11 "
                            "around Haldensleben) — please check them before publishing."
                        ),
                    },
                    "no_tiles": _(
                        "No map tiles are configured (ROLAND_MAP_TILE_URL): click in the box to place "
                        "the marker; the region is outlined."
                    ),
                }
            )
            return context

        @property
        def media(self) -> forms.Media:
            return forms.Media(
                css={"all": [LEAFLET + "leaflet.css", "tourism/map-picker.css"]},
                js=[LEAFLET + "leaflet.js", "tourism/map-picker.js"],
            )
