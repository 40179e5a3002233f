"""/kiosks/: the player pages, their service worker and QR codes."""

from django.urls import path

from . import fleet_views, kiosk_views

app_name = "kiosk-player"
urlpatterns = [
    path("sw.js", kiosk_views.service_worker, name="service-worker"),
    path("qr/<int:page_id>.svg", kiosk_views.qr_code, name="qr"),
    path("<slug:slug>/", kiosk_views.player, name="player"),
    path("<slug:slug>/heartbeat", fleet_views.heartbeat, name="heartbeat"),
    path("<slug:slug>/shown/", fleet_views.shown, name="shown"),
    path("<slug:slug>/shown-feed", fleet_views.shown_feed, name="shown-feed"),
]
