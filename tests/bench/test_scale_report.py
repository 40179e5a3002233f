"""`make bench-scale`'s verdicts: growth per scenario from the two runs, and the preparation limit."""

from bench.run import write_results
from bench.scale import FACTOR, SCENARIOS, growth, markdown, targets


def run(p50: float, p99: float, queries: int = 4) -> dict:
    return {name: {"p50_ms": p50, "p99_ms": p99, "queries": queries, "rps": 10.0} for name in SCENARIOS}


def report(small: dict, large: dict, generate_s: float, index_s: float) -> dict:
    data = {"pois": 1, "events": 1, "news": 1, "occurrences": 1}
    result = {
        "date": "2026-12-03 15:00",
        "machine": "test",
        "data": {"1x": data, f"{FACTOR}x": data},
        "preparation": {
            "1x": {},
            f"{FACTOR}x": {"generate_scale_data_s": generate_s, "update_index_s": index_s},
        },
        "1x": small,
        f"{FACTOR}x": large,
        "growth": growth(small, large),
    }
    result["targets"] = targets(result)
    return result


def test_flat_cost_and_a_quick_preparation_meet_both_targets():
    result = report(run(20.0, 40.0), run(26.0, 80.0, queries=4), generate_s=600, index_s=900)
    assert result["growth"]["poi_detail"] == {"p50": 1.3, "p99": 2.0, "queries": [4, 4]}
    assert [verdict["met"] for verdict in result["targets"].values()] == [True, True]
    assert "| poi_detail | 20.0 | 40.0 | 26.0 | 80.0 | 1.3× | 2.0× | 4 / 4 |" in markdown(result)


def test_one_scenario_that_grows_or_a_slow_preparation_fails_its_target():
    large = run(20.0, 40.0)
    large["search_schloss"]["p50_ms"] = 31.0
    result = report(run(20.0, 40.0), large, generate_s=900, index_s=901)
    growth_verdict, preparation_verdict = result["targets"].values()
    assert growth_verdict["figures"]["search_schloss"] == 1.55 and not growth_verdict["met"]
    assert preparation_verdict["figures"] == {"seconds": 1801} and not preparation_verdict["met"]
    assert "**no**" in markdown(result)


def test_a_preparation_not_timed_is_not_taken_as_met():
    result = report(run(20.0, 40.0), run(20.0, 40.0), generate_s=0, index_s=0)
    assert not list(result["targets"].values())[1]["met"]


def test_results_are_written_and_the_table_replaced_between_its_markers(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("intro\n<!-- scale:start -->\nNot run yet.\n<!-- scale:end -->\nrest\n")
    write_results(tmp_path / "2026-12-03-scale", {"wall_s": 1}, "| table |\n", "scale", readme)
    assert readme.read_text() == "intro\n<!-- scale:start -->\n| table |\n<!-- scale:end -->\nrest\n"
    assert (tmp_path / "2026-12-03-scale.json").read_text() == '{\n  "wall_s": 1\n}\n'
    assert (tmp_path / "2026-12-03-scale.md").read_text() == "| table |\n"
    write_results(tmp_path / "other", {}, "| other |\n", None, readme)  # no markers: README untouched
    assert "| table |" in readme.read_text()
