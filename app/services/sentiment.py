"""A Vietnamese tone suggestion for headlines and summaries, computed on the device.

A lexicon (``resources/sentiment_vi.txt``, read with importlib.resources) lists phrases with
their tone and the words that change the tone of what follows: negators ("không", "chưa hề"),
intensifiers ("rất", "hết sức"), reversers ("giảm ùn tắc", "khắc phục sự cố"), contrast
("nhưng") and concession ("dù"). Scare quotes around a positive phrase read as sarcasm.

Tones matter in Vietnamese ("tốt" is good, "tót" is not a word of praise), so text that carries
tone marks is matched on its marks, wherever the mark sits ("hoà" = "hòa"). Text typed without
any marks is matched on folded forms, but a one-syllable phrase only when the lexicon marks it
safe, because folding makes many syllables ambiguous ("bão" storm / "báo" newspaper -> "bao").

The suggestion is only a suggestion: a label a person set is never replaced (see
``app.services.monitoring``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from app.models.enums import Sentiment
from app.text import fold

LEXICON_RESOURCE = "sentiment_vi.txt"

POLAR = frozenset({"pos", "neg"})
KINDS = frozenset(
    {
        "pos",
        "neg",
        "neutral",
        "negator",
        "eliminator",
        "lack",
        "question",
        "break",
        "pattern",
        "reverser",
        "decrease",
        "increase",
        "intensifier",
        "diminisher",
        "contrast",
        "concession",
    }
)
# How far (in syllables) a modifier reaches forward to the phrase it changes.
MODIFIER_SCOPE = 4
REVERSER_SCOPE = 3
LOOKBACK_SCOPE = 3
# A negated positive becomes clearly negative; a negated negative only mildly positive
# ("không có sai phạm" is good news, but said cautiously).
NEGATED_POSITIVE = -0.9
NEGATED_NEGATIVE = 0.6
REVERSED = 1.0
SCARE_QUOTE_PENALTY = 0.3
RHETORICAL_QUESTION = -0.5
SUMMARY_WEIGHT = 0.5
SUMMARY_CAP = 2.0
THRESHOLD = 0.5

_TONES = {"\u0300": 2, "\u0301": 1, "\u0303": 3, "\u0309": 4, "\u0323": 5}
_TOKEN = re.compile(r"[^\W_]+|[,;:.!?()\"“”«»]|\s[-–—]\s", re.UNICODE)
_BOUNDARY = frozenset(",;:.!?()")
_OPEN_QUOTES = frozenset("“«")
_CLOSE_QUOTES = frozenset("”»")


def syllable_key(syllable: str) -> str:
    """The syllable with its tone mark moved to the end as a digit: 'hoà' and 'hòa' -> 'hoa2'."""
    tone = 0
    kept = []
    for ch in unicodedata.normalize("NFD", syllable.lower()):
        if ch in _TONES:
            tone = _TONES[ch]
        else:
            kept.append(ch)
    base = unicodedata.normalize("NFC", "".join(kept))
    return f"{base}{tone}" if tone else base


def has_tone_marks(text: str) -> bool:
    """Whether the text was typed with Vietnamese marks at all (then they are trusted)."""
    return fold(text) != text.lower()


@dataclass(frozen=True)
class Entry:
    kind: str
    weight: float
    phrase: str
    fold_safe: bool


@dataclass
class Lexicon:
    by_key: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    by_folded: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    patterns: list[tuple[re.Pattern[str], Entry]] = field(default_factory=list)
    longest: int = 1

    def __len__(self) -> int:
        return len(self.by_key)


class LexiconError(ValueError):
    pass


def parse_lexicon(lines: Iterable[str], source: str = "lexicon") -> Lexicon:
    lexicon = Lexicon()
    folded_kinds: dict[tuple[str, ...], set[tuple[str, float]]] = {}
    folded_entries: dict[tuple[str, ...], Entry] = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) not in (3, 4) or parts[0] not in KINDS:
            raise LexiconError(f"{source}:{number}: expected KIND<tab>WEIGHT<tab>PHRASE[<tab>f]: {line!r}")
        kind, weight_text, phrase = parts[0], parts[1], parts[2].strip()
        try:
            weight = float(weight_text)
        except ValueError as exc:
            raise LexiconError(f"{source}:{number}: weight {weight_text!r} is not a number") from exc
        if kind == "pattern":
            try:
                compiled = re.compile(phrase)
            except re.error as exc:
                raise LexiconError(f"{source}:{number}: bad pattern {phrase!r}: {exc}") from exc
            lexicon.patterns.append((compiled, Entry(kind, weight, phrase, fold_safe=True)))
            continue
        words = [w for w in _TOKEN.findall(unicodedata.normalize("NFC", phrase)) if w[0].isalnum()]
        if not words:
            raise LexiconError(f"{source}:{number}: empty phrase")
        entry = Entry(kind, weight, phrase, fold_safe=len(parts) == 4 and parts[3].strip() == "f")
        key = tuple(syllable_key(w) for w in words)
        if key in lexicon.by_key:
            raise LexiconError(f"{source}:{number}: {phrase!r} is listed twice")
        lexicon.by_key[key] = entry
        lexicon.longest = max(lexicon.longest, len(key))
        if len(words) > 1 or entry.fold_safe:
            folded = tuple(fold(w) for w in words)
            folded_kinds.setdefault(folded, set()).add((kind, weight))
            folded_entries[folded] = entry
    # Folded forms that stand for phrases of different tone are ambiguous: left out.
    lexicon.by_folded = {k: e for k, e in folded_entries.items() if len(folded_kinds[k]) == 1}
    return lexicon


def load_lexicon(source: Path | Traversable | None = None) -> Lexicon:
    """The lexicon shipped in ``app.resources``, or the file ``source`` (tests, tuning)."""
    resource = source if source is not None else files("app.resources") / LEXICON_RESOURCE
    text = resource.read_text(encoding="utf-8")
    return parse_lexicon(text.splitlines(), source=str(resource))


@dataclass(frozen=True)
class Suggestion:
    sentiment: str  # a Sentiment code
    confidence: float  # 0..1
    score: float
    evidence: tuple[tuple[str, float], ...] = ()  # (phrase, contribution), in text order


@dataclass
class _Token:
    key: str
    folded: str
    clause: int
    quoted: bool


@dataclass
class _Hit:
    entry: Entry
    start: int
    end: int  # exclusive
    clause: int
    quoted: bool
    segment: int = 0  # clause, further cut at words such as "vì" (because)
    value: float = 0.0
    reversed: bool = False


class SentimentScorer:
    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else load_lexicon()

    def suggest(self, headline: str, summary: str = "") -> Suggestion:
        head_score, head_evidence = self._score_text(headline or "")
        total = head_score
        evidence = list(head_evidence)
        if summary and summary.strip():
            body_score, body_evidence = self._score_text(summary)
            total += max(-SUMMARY_CAP, min(SUMMARY_CAP, SUMMARY_WEIGHT * body_score))
            evidence.extend((phrase, SUMMARY_WEIGHT * value) for phrase, value in body_evidence)
        return self._verdict(total, evidence)

    # ----- reading the text ------------------------------------------------------------------

    def _tokens(self, text: str) -> list[_Token]:
        tokens: list[_Token] = []
        clause = 0
        quoted = False
        for piece in _TOKEN.findall(unicodedata.normalize("NFC", text)):
            mark = piece.strip()
            if piece[0].isalnum():
                tokens.append(_Token(syllable_key(piece), fold(piece), clause, quoted))
            elif mark == '"':
                quoted = not quoted
            elif mark in _OPEN_QUOTES:
                quoted = True
            elif mark in _CLOSE_QUOTES:
                quoted = False
            elif mark in _BOUNDARY or mark in "-–—":
                clause += 1
        return tokens

    def _hits(self, tokens: list[_Token], toned: bool) -> list[_Hit]:
        index = self.lexicon.by_key if toned else self.lexicon.by_folded
        hits: list[_Hit] = []
        i = 0
        while i < len(tokens):
            matched = None
            for length in range(min(self.lexicon.longest, len(tokens) - i), 0, -1):
                window = tokens[i : i + length]
                if window[-1].clause != window[0].clause:
                    continue
                key = tuple(t.key if toned else t.folded for t in window)
                entry = index.get(key)
                if entry is not None:
                    matched = _Hit(entry, i, i + length, window[0].clause, window[0].quoted)
                    break
            if matched is None:
                i += 1
                continue
            hits.append(matched)
            i = matched.end
        return hits

    # ----- scoring ---------------------------------------------------------------------------

    def _score_text(self, text: str) -> tuple[float, list[tuple[str, float]]]:
        tokens = self._tokens(text)
        if not tokens:
            return 0.0, []
        hits = self._hits(tokens, has_tone_marks(text))
        _segment(hits)
        polar = [h for h in hits if h.entry.kind in POLAR]
        for hit in polar:
            hit.value = hit.entry.weight if hit.entry.kind == "pos" else -hit.entry.weight

        def following(modifier: _Hit, scope: int, negative_only: bool = False) -> _Hit | None:
            for target in polar:
                if target.start < modifier.end or (negative_only and target.value >= 0):
                    continue
                close = target.start - modifier.end <= scope
                return target if close and target.segment == modifier.segment else None
            return None

        def preceding(modifier: _Hit) -> _Hit | None:
            for target in reversed(polar):
                if target.end <= modifier.start:
                    close = modifier.start - target.end <= LOOKBACK_SCOPE
                    return target if close and target.segment == modifier.segment else None
            return None

        def reverse(target: _Hit, step: int) -> None:
            """Turn the phrase around, with the tone words joined to it: "điểm nóng rác thải"."""
            sign = 1 if target.value < 0 else -1
            position = polar.index(target)
            while 0 <= position < len(polar):
                hit = polar[position]
                if hit.reversed or (
                    hit is not target and (hit.value * sign >= 0 or not _adjacent(hit, polar, position, step))
                ):
                    break
                hit.value = -hit.value * REVERSED
                hit.reversed = True
                position += step

        extra: list[tuple[_Hit, float]] = []  # tone carried by the modifiers themselves
        # Strength first, then direction (reversers), then negation: "không giảm ô nhiễm".
        for hit in hits:
            kind = hit.entry.kind
            if kind in ("intensifier", "diminisher"):
                target = following(hit, MODIFIER_SCOPE)
                if target is not None:
                    target.value *= hit.entry.weight
            elif kind == "increase":
                target = preceding(hit) or following(hit, MODIFIER_SCOPE)
                if target is not None:
                    target.value *= hit.entry.weight
        for hit in hits:
            kind = hit.entry.kind
            if kind not in ("reverser", "decrease"):
                continue
            if hit.entry.weight:
                extra.append((hit, hit.entry.weight))
            target = following(hit, REVERSER_SCOPE, negative_only=kind == "reverser")
            step = 1
            if target is None and kind == "decrease":
                target, step = preceding(hit), -1
            if target is not None and not target.reversed:
                reverse(target, step)
        for hit in hits:
            if hit.entry.kind != "lack":
                continue
            target = following(hit, MODIFIER_SCOPE)
            if target is not None and target.value > 0:
                target.value = -target.value
            elif target is None:
                # "thiếu" with nothing to qualify is itself the bad news, and can be negated.
                hit.value = hit.entry.weight
                polar.append(hit)
        polar.sort(key=lambda h: h.start)
        for hit in hits:
            kind = hit.entry.kind
            if kind not in ("negator", "eliminator"):
                continue
            target = following(hit, MODIFIER_SCOPE)
            if target is None:
                if hit.entry.weight:
                    extra.append((hit, hit.entry.weight))
                continue
            if target.value > 0:
                target.value *= NEGATED_POSITIVE
            else:
                target.value = -target.value * (NEGATED_NEGATIVE if kind == "negator" else 1.0)
        for hit in polar:
            if hit.quoted and hit.value > 0:  # scare quotes: a "model" project left to rot
                hit.value = -hit.value - SCARE_QUOTE_PENALTY
        # Rhetorical questions are scored last: no modifier turns them around.
        polar.extend(h for h in hits if h.entry.kind == "question")
        for hit in hits:
            if hit.entry.kind == "question":
                hit.value = hit.entry.weight

        factors = self._position_factors(hits)
        total = 0.0
        evidence: list[tuple[str, int, float]] = []
        for hit, value in [(h, h.value) for h in polar] + extra:
            weighted = value * factors(hit)
            total += weighted
            evidence.append((hit.entry.phrase, hit.start, weighted))
        folded = fold(text)
        for pattern, entry in self.lexicon.patterns:
            for match in pattern.finditer(folded):
                total += entry.weight
                evidence.append((match.group(0), len(tokens), entry.weight))
        if text.rstrip().endswith("?"):
            total += RHETORICAL_QUESTION
        evidence.sort(key=lambda item: item[1])
        return total, [(phrase, round(value, 3)) for phrase, _, value in evidence]

    @staticmethod
    def _position_factors(hits: list[_Hit]) -> _Factors:
        contrasts = [h for h in hits if h.entry.kind == "contrast"]
        concessions = [h for h in hits if h.entry.kind == "concession"]
        return _Factors(contrasts, concessions)

    @staticmethod
    def _verdict(total: float, evidence: list[tuple[str, float]]) -> Suggestion:
        positive = sum(v for _, v in evidence if v > 0)
        negative = -sum(v for _, v in evidence if v < 0)
        mass = positive + negative
        if total >= THRESHOLD:
            label = Sentiment.POSITIVE
        elif total <= -THRESHOLD:
            label = Sentiment.NEGATIVE
        else:
            label = Sentiment.NEUTRAL
        if label == Sentiment.NEUTRAL:
            # No tone words at all: most likely a plain announcement. Words that cancel out:
            # a real doubt.
            confidence = 0.6 - 0.25 * min(1.0, mass / 2.0)
        else:
            dominance = min(1.0, abs(total) / mass) if mass else 1.0
            confidence = 0.5 + 0.45 * math.tanh(abs(total) / 1.5) * dominance
        confidence = max(0.3, min(0.95, confidence))
        return Suggestion(label.value, round(confidence, 3), round(total, 3), tuple(evidence))


def _segment(hits: list[_Hit]) -> None:
    segment = 0
    clause = -1
    for hit in hits:
        if hit.clause != clause:
            clause = hit.clause
            segment += 1
        if hit.entry.kind == "break":
            segment += 1
        hit.segment = segment


def _adjacent(hit: _Hit, polar: list[_Hit], position: int, step: int) -> bool:
    neighbour = polar[position - step]
    gap = hit.start - neighbour.end if step > 0 else neighbour.start - hit.end
    return gap == 0 and hit.segment == neighbour.segment


@dataclass
class _Factors:
    contrasts: list[_Hit]
    concessions: list[_Hit]

    def __call__(self, hit: _Hit) -> float:
        factor = 1.0
        for contrast in self.contrasts:
            weight = contrast.entry.weight
            factor *= weight if hit.start >= contrast.end else 1.0 / weight
        for concession in self.concessions:
            if hit.clause == concession.clause and hit.start >= concession.start:
                factor *= concession.entry.weight
        return factor


@cache
def default_scorer() -> SentimentScorer:
    return SentimentScorer()


def suggest_sentiment(headline: str, summary: str = "") -> Suggestion:
    """The suggested tone of an article, from the shipped lexicon."""
    return default_scorer().suggest(headline, summary)


def read_labelled(path: Path) -> list[tuple[str, str, str, str]]:
    """A labelled evaluation file: (label, field, tags, headline) per line, '#' comments."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4 or parts[0] not in {s.value for s in Sentiment}:
            raise ValueError(f"{path}:{number}: expected LABEL<tab>FIELD<tab>TAGS<tab>HEADLINE")
        rows.append((parts[0], parts[1], parts[2], parts[3]))
    return rows


@dataclass(frozen=True)
class Evaluation:
    total: int
    correct: int
    labels: tuple[str, ...]
    matrix: dict[tuple[str, str], int]  # (expected, suggested) -> count
    misses: tuple[tuple[str, str, str], ...]  # (expected, suggested, headline)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def recall(self, label: str) -> float:
        row = sum(self.matrix.get((label, other), 0) for other in self.labels)
        return self.matrix.get((label, label), 0) / row if row else 0.0

    def confusion_table(self) -> str:
        width = max(len(label) for label in self.labels) + 2
        lines = ["expected \\ suggested".ljust(22) + "".join(lab.rjust(width) for lab in self.labels)]
        for expected in self.labels:
            cells = "".join(str(self.matrix.get((expected, s), 0)).rjust(width) for s in self.labels)
            lines.append(expected.ljust(22) + cells)
        return "\n".join(lines)


def evaluate(rows: list[tuple[str, str, str, str]], scorer: SentimentScorer | None = None) -> Evaluation:
    scorer = scorer or default_scorer()
    labels = tuple(s.value for s in (Sentiment.POSITIVE, Sentiment.NEUTRAL, Sentiment.NEGATIVE))
    matrix: dict[tuple[str, str], int] = {}
    misses = []
    correct = 0
    for expected, _field, _tags, headline in rows:
        suggested = scorer.suggest(headline).sentiment
        matrix[(expected, suggested)] = matrix.get((expected, suggested), 0) + 1
        if suggested == expected:
            correct += 1
        else:
            misses.append((expected, suggested, headline))
    return Evaluation(len(rows), correct, labels, matrix, tuple(misses))
