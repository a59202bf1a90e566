"""Cross-references between measures: "jf. tiltak 7", "se tiltak 3 og 4", "tiltakene 5–7"."""

from __future__ import annotations

import re

_NUM = r"\d{1,3}[a-zæøå]?\b"
_REF = re.compile(
    rf"\btiltak(?:ene|et)?\s+(?:nr\.?\s*)?(?P<list>{_NUM}(?:\s*(?:,|og|eller|samt|til|–|-)\s*(?:nr\.?\s*)?{_NUM})*)",
    re.IGNORECASE,
)
_ITEM = re.compile(rf"({_NUM})|(til|–|-)", re.IGNORECASE)


def find_cross_references(text: str, own_number: str | None = None) -> list[str]:
    """Numbers of the measures that ``text`` refers to, in order of first mention, without ``own_number``.

    Ranges ("tiltak 3–5", "tiltak 3 til 5") are expanded when both ends are plain integers and the range is
    short (at most 30). Numbers are lower-cased as printed ("12a").
    """
    out: list[str] = []
    own = own_number.lower() if own_number else None
    for m in _REF.finditer(text or ""):
        tokens = [t for t in _ITEM.findall(m.group("list"))]
        nums: list[str] = []
        pending_range = False
        for num, dash in tokens:
            if dash:
                pending_range = bool(nums)
                continue
            num = num.lower()
            if pending_range and nums[-1].isdigit() and num.isdigit():
                lo, hi = int(nums[-1]), int(num)
                if lo < hi <= lo + 30:
                    nums.extend(str(i) for i in range(lo + 1, hi + 1))
                    pending_range = False
                    continue
            pending_range = False
            nums.append(num)
        for n in nums:
            if n != own and n not in out:
                out.append(n)
    return out
