"""Published datasets: one schema, validated tables, CSV + Parquet + Frictionless datapackage, loaders.

>>> from pipeline.datasets import build_tables, write_tables, load_outputs
>>> tables = build_tables(press_releases=[facts], plans=[plan])      # doctest: +SKIP
>>> write_tables(tables, "outputs")                                   # doctest: +SKIP
>>> o = load_outputs("outputs"); o.measures.head()                    # doctest: +SKIP
"""

from pipeline.datasets.loaders import Outputs, load_outputs, read_tables
from pipeline.datasets.ministries import MinistryPeriod
from pipeline.datasets.schema import SCHEMA_VERSION, TABLE_NAMES, TABLES, datapackage, pandera_schema
from pipeline.datasets.validate import DatasetError, validate_package, validate_tables
from pipeline.datasets.tables import build_tables, merge_tables
from pipeline.datasets.writers import WriteResult, write_tables

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "TABLE_NAMES",
    "DatasetError",
    "MinistryPeriod",
    "Outputs",
    "WriteResult",
    "build_tables",
    "datapackage",
    "load_outputs",
    "merge_tables",
    "pandera_schema",
    "read_tables",
    "validate_package",
    "validate_tables",
    "write_tables",
]
