"""Synthetic regjeringen.no web documents (front page + chapter pages) with exact ground truth.

Every page says it is a synthetic test document ("Eksempelplan – syntetisk testdokument, ikke en offentlig
plan") in a visible notice, in its ingress (front page), in ``<meta name="synthetic-test-document">`` and in a
comment; all prose, persons and numbers are invented for this project; ministry and agency names are the
official names valid on each document's date (``tests.plangen.ministries``). Ids are 99xxxxx. See
``tests/webgen/README.md`` for the page layouts, the markup landmarks and the truth format.
"""

from .build import DocRecipe, build_doc, random_recipe
from .render import browser_file_name, fetch_file_name, print_html, render_document, saved_files
from .spec import SYNTHETIC_NOTICE, WebDoc
from .standard import STANDARD_DOCS, generate_random_set, generate_standard_set, write_document
from .truth import document_truth
from .versions import EDIT_KINDS, make_web_pair

__all__ = [
    "DocRecipe", "build_doc", "random_recipe", "browser_file_name", "fetch_file_name", "print_html", "render_document",
    "saved_files", "SYNTHETIC_NOTICE", "WebDoc", "STANDARD_DOCS", "generate_random_set", "generate_standard_set",
    "write_document", "document_truth", "EDIT_KINDS", "make_web_pair",
]
