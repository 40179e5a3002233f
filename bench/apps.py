from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmarks: the scale data generator and the stack-limit view (only under bench.settings)."""

    name = "bench"
    label = "bench"
    verbose_name = "Benchmarks"
