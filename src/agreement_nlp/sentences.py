"""Sentences as the rules see them: the model's sentences, cut at line breaks.

Press dumps put headings, captions and bylines on lines of their own; the
parser sometimes runs them into the next sentence. Cutting at line breaks
keeps a heading ("Accord sur ...") apart from the paragraph under it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    is_line: bool  # the segment is a whole line (a heading or a caption)


class Segments:
    def __init__(self, doc: Doc, end: int | None = None) -> None:
        text = doc.text
        limit = len(text) if end is None else end
        out: list[Segment] = []
        for sent in doc.sents:
            s, e = sent.start_char, min(sent.end_char, limit)
            pos = s
            while pos < e:
                nl = text.find("\n", pos, e)
                piece_end = e if nl < 0 else nl
                raw = text[pos:piece_end]
                if raw.strip():
                    a = pos + len(raw) - len(raw.lstrip())
                    b = piece_end - (len(raw) - len(raw.rstrip()))
                    line_start = text.rfind("\n", 0, a) + 1
                    line_end = text.find("\n", b)
                    line_end = len(text) if line_end < 0 else line_end
                    whole = not text[line_start:a].strip() and not text[b:line_end].strip()
                    out.append(Segment(a, b, whole))
                if nl < 0:
                    break
                pos = nl + 1
        self.items = out
        self._starts = [x.start for x in out]
        self.text = text

    def index_of(self, offset: int) -> int:
        i = bisect_right(self._starts, offset) - 1
        return max(i, 0)

    def text_of(self, i: int) -> str:
        seg = self.items[i]
        return " ".join(self.text[seg.start : seg.end].split())

    def __len__(self) -> int:
        return len(self.items)
