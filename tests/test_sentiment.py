"""The Vietnamese tone suggestion: rules, tones, confidence, and accuracy on labelled headlines."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.sentiment import (
    LexiconError,
    SentimentScorer,
    evaluate,
    load_lexicon,
    read_labelled,
    suggest_sentiment,
    syllable_key,
)

DATA = Path(__file__).parent / "data"
TOPIC_FIELDS = {
    "health",
    "education",
    "transport",
    "land",
    "environment",
    "investment",
    "social_security",
    "administrative_reform",
}


def tone(text: str) -> str:
    return suggest_sentiment(text).sentiment


def test_labelled_set_is_large_and_covers_every_field_with_sarcasm_and_negation() -> None:
    rows = read_labelled(DATA / "sentiment_headlines_vi.tsv")
    assert len(rows) >= 300
    assert {field for _, field, _, _ in rows} >= TOPIC_FIELDS
    tags = [tag for _, _, tags, _ in rows for tag in tags.split(",")]
    assert tags.count("sarcasm") >= 15 and tags.count("negation") >= 25
    for field in TOPIC_FIELDS:
        labels = {label for label, f, _, _ in rows if f == field}
        assert labels == {"positive", "neutral", "negative"}, field


def test_accuracy_on_the_labelled_set() -> None:
    result = evaluate(read_labelled(DATA / "sentiment_headlines_vi.tsv"))
    assert result.accuracy >= 0.9, result.confusion_table()
    for label in result.labels:
        assert result.recall(label) >= 0.85, (label, result.confusion_table())


def test_accuracy_on_headlines_never_used_for_tuning() -> None:
    result = evaluate(read_labelled(DATA / "sentiment_holdout_vi.tsv"))
    assert result.total >= 80
    assert result.accuracy >= 0.72, result.confusion_table()
    # The costly mistake is calling bad news good: keep it rare.
    assert result.matrix.get(("negative", "positive"), 0) <= 2


def test_negation_turns_the_tone() -> None:
    assert tone("Dự án giải ngân hiệu quả") == "positive"
    assert tone("Dự án giải ngân không hiệu quả") == "negative"
    assert tone("Người dân chưa hài lòng với dịch vụ") == "negative"
    assert tone("Chẳng hề minh bạch trong đấu thầu") == "negative"
    assert tone("Không hề có sai phạm trong đấu thầu") != "negative"
    assert tone("Không để xảy ra cháy rừng") == "positive"


def test_negation_stops_at_a_cause() -> None:
    # "không được hưởng" must not reach "sai sót" across "vì" (because).
    assert tone("Hộ nghèo không được hưởng chế độ vì sai sót danh sách") == "negative"


def test_intensifiers_strengthen_and_diminishers_soften() -> None:
    plain = suggest_sentiment("Mô hình hiệu quả").score
    assert suggest_sentiment("Mô hình rất hiệu quả").score > plain
    assert (
        suggest_sentiment("Mô hình cực kỳ hiệu quả").score > suggest_sentiment("Mô hình rất hiệu quả").score
    )
    assert 0 < suggest_sentiment("Mô hình hơi hiệu quả").score < plain


def test_reversers_turn_bad_news_into_good() -> None:
    assert tone("Kéo giảm ùn tắc giờ cao điểm") == "positive"
    assert tone("Tai nạn giao thông giảm mạnh") == "positive"
    assert tone("Khắc phục kịp thời sự cố vỡ đê") == "positive"
    # A helping verb must not turn good news around.
    assert tone("Ứng dụng mới giúp người dân tiết kiệm thời gian") == "positive"


def test_scare_quotes_and_contrast_read_as_criticism() -> None:
    assert tone("Dự án hiện đại đi vào hoạt động") == "positive"
    assert tone('Bệnh viện "hiện đại" thiếu cả giường bệnh') == "negative"
    assert tone("Tăng trưởng cao nhưng ô nhiễm đáng lo ngại") == "negative"
    assert tone("Còn khó khăn nhưng ngành y tế đã hoàn thành xuất sắc nhiệm vụ") == "positive"


def test_tone_marks_matter_but_not_where_they_sit() -> None:
    assert syllable_key("hoà") == syllable_key("hòa") == "hoa2"
    assert syllable_key("thuỷ") == syllable_key("thủy")
    assert (
        tone("Bồi thường thoả đáng cho người dân") == tone("Bồi thường thỏa đáng cho người dân") == "positive"
    )
    # Written with marks, the marks decide: "tót" is not "tốt".
    assert tone("Kết quả rất tốt") == "positive"
    assert tone("Kết quả rất tót") == "neutral"
    # Typed without any marks, phrases are matched on folded forms...
    assert tone("Ket qua rat tot") == "positive"
    assert tone("Ung tac nghiem trong tren quoc lo") == "negative"
    # ...but an ambiguous single syllable is not: "bao" may be "báo" (newspaper), not "bão".
    assert tone("Bao Nhan Dan dua tin") == "neutral"


def test_confidence_is_higher_for_clear_cases() -> None:
    clear = suggest_sentiment("Sai phạm nghiêm trọng, thất thoát hàng trăm tỷ đồng, người dân bức xúc")
    mixed = suggest_sentiment("Tăng trưởng tốt nhưng còn khó khăn")
    plain = suggest_sentiment("Hội nghị triển khai kế hoạch năm")
    assert clear.sentiment == "negative"
    assert 0.0 <= mixed.confidence < clear.confidence <= 1.0
    assert plain.sentiment == "neutral" and 0.5 <= plain.confidence < 0.9
    assert {"sai phạm", "thất thoát", "bức xúc"} <= {phrase for phrase, _ in clear.evidence}


def test_summary_counts_but_less_than_the_headline() -> None:
    neutral_head = "Sở Xây dựng thông tin về dự án nhà ở"
    with_summary = suggest_sentiment(
        neutral_head, "Dự án chậm tiến độ, người dân bức xúc, khiếu nại kéo dài."
    )
    assert with_summary.sentiment == "negative"
    assert abs(with_summary.score) < abs(suggest_sentiment("Dự án chậm tiến độ, người dân bức xúc").score) * 2


def test_lexicon_from_a_file_and_its_errors(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon.txt"
    lexicon.write_text("pos\t1\tngon\nnegator\t0\tkhông\n", encoding="utf-8")
    scorer = SentimentScorer(load_lexicon(lexicon))
    assert scorer.suggest("Cơm ngon").sentiment == "positive"
    assert scorer.suggest("Cơm không ngon").sentiment == "negative"
    lexicon.write_text("pos\tmany\tngon\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="not a number"):
        load_lexicon(lexicon)
    lexicon.write_text("pos\t1\tngon\nneg\t1\tngon\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="twice"):
        load_lexicon(lexicon)


def test_the_shipped_lexicon_loads_from_package_resources() -> None:
    assert len(load_lexicon()) > 400
