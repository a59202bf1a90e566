"""The structure of a laid-out plan: its outline of parts (``headings``), the signatories of its
foreword (``foreword``), the date that names its ministries (``dating``); ``registry`` is the
narrow view of the ministry registry that structure and measures use; ``text`` holds the string
helpers both share. Measures are found one layer up, in ``pipeline.measures``.
"""
