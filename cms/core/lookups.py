"""`field__in_probe=<subquery>`: "is one of the subquery's values", planned as probes.

`pk__in=<subquery>` lets PostgreSQL hash the outer side: for "visible events that have an
occurrence this week" it read every page of the locale to find the few it needed. Written as
`= ANY(ARRAY(subquery))` the subquery runs once and each of its values is looked up by index
(figures in bench/results/). Other databases get the plain `IN (subquery)`. Use it where the subquery is
small and the outer table large.

Also `JSONList`, an aggregate that reads a group's values into one column of the outer row.
"""

from django.db.models import Aggregate, Field, ForeignObject, JSONField, Lookup
from django.db.models.sql.query import Query


@Field.register_lookup
@ForeignObject.register_lookup  # primary keys of child pages are one-to-one links to the page
class InProbe(Lookup):
    lookup_name = "in_probe"

    def get_prep_lookup(self):
        if isinstance(self.rhs, Query):
            self.rhs.clear_ordering(clear_default=True)  # as `in` does: order means nothing here
        return super().get_prep_lookup()

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        if not rhs.startswith("("):
            rhs = f"({rhs})"
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(ARRAY{rhs})", [*lhs_params, *rhs_params]
        return f"{lhs} IN {rhs}", [*lhs_params, *rhs_params]


class JSONList(Aggregate):
    """A group's values as one JSON array (`jsonb_agg` on PostgreSQL, `json_group_array` on SQLite),
    read as a list: a detail's few names in its own row's subquery instead of a prefetch query."""

    function = "JSONB_AGG"
    output_field = JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)
