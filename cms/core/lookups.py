"""`field__in_probe=<subquery>`: "is one of the subquery's values", planned as probes.

`pk__in=<subquery>` lets PostgreSQL hash the outer side: for "visible events that have an
occurrence this week" it read every page of the locale to find the few it needed. Written as
`= ANY(ARRAY(subquery))` the subquery runs once and each of its values is looked up by index
(figures in bench/results/). Other databases get the plain `IN (subquery)`. Use it where the subquery is
small and the outer table large.
"""

from django.db.models import Field, ForeignObject, Lookup
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
