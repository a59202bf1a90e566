"""One document through the data path: ``extract.extract_job(SourceJob) -> ExtractionResult``.

A press release or landing page is read by ``pipeline.sources``; a plan is laid out
(``pipeline.layout``), structured (``pipeline.structure``), its measures found
(``pipeline.measures``) and enriched (``pipeline.nlp``).
"""
