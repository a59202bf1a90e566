"""Reference data: Norwegian ministries (lineages, names by period, abbreviations,
minister titles), state agencies, and the non-state organisations and international bodies plans
name, with date-aware resolution.

>>> from datetime import date
>>> reg = default_registry()
>>> reg.resolve("Justisdepartementets", on=date(2016, 6, 1)).name
'Justis- og beredskapsdepartementet'

See ``pipeline/reference/README.md`` for the data files and their columns.
"""

from pipeline.reference.agencies import Agency
from pipeline.reference.organisations import Organisation
from pipeline.reference.registry import Registry, SurfaceForm, default_registry

__all__ = ["Agency", "Organisation", "Registry", "SurfaceForm", "default_registry"]
