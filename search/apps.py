from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "roland_search"
    verbose_name = "Search"
