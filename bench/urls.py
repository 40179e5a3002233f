"""The product's URLs plus the bare-Django reference view the benchmark compares against."""

from django.urls import path

from cms.urls import urlpatterns as product_urlpatterns

from .views import constant

urlpatterns = [path("bench/constant", constant), *product_urlpatterns]
