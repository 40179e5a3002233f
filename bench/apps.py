from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmarks: the scale data generator and the stack-limit view (only with ROLAND_BENCH=1)."""

    name = "bench"
    label = "bench"
    verbose_name = "Benchmarks"
