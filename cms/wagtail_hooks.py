"""Wagtail hooks of the assembly."""

from wagtail import hooks

from .pages import page_answer

# Before Wagtail's own method check (order 0) and its view restrictions (an on_serve_page wrapper).
hooks.register("before_serve_page", page_answer, order=-100)
