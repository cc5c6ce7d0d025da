"""Property tests: any text never crashes the check; round trips hold;
matching and amounts don't depend on how things are written."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.checking.checker import check_draft, check_file
from toolkit.checking.matching import Matcher
from toolkit.decisions.load import load_conditions
from toolkit.drafts.markdown import parse_markdown
from toolkit.errors import VillkorError
from toolkit.outputs.render import render_markdown
from toolkit.read.amounts import format_amount, parse_amount

EXAMPLES = int(os.environ.get("VILLKOR_PROPERTY_EXAMPLES", "1000"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
C2017 = load_conditions("2017")
MATCHER = Matcher(C2017)

markdownish = st.lists(
    st.sampled_from(list("abcåäö ABC\n\t#-*_`~|:{}[]()<>!=1234567890.,\u00a0\u00ad\r\"'")
                    + ["---", "## ", "```", "<!--", "-->", "TODO", "\n## 1. Jämställd regional tillväxt\n", "figures:\n  x: 1\n"]),
    max_size=200,
).map("".join)


@SETTINGS
@given(body=markdownish, front=st.one_of(markdownish, st.just('conditions: "2017"\nregion: R\n')))
def test_any_text_never_raises(body: str, front: str):
    text = f"---\n{front}\n---\n{body}"
    try:
        draft = parse_markdown(text, Path("p.md"), "p.md")
        result = check_draft(draft, C2017)
    except VillkorError:
        return
    assert 0.0 <= result.coverage <= 1.0
    assert all(f.line is None or f.line >= 1 for f in result.findings)


@SETTINGS
@given(body=st.text(max_size=300))
def test_any_unicode_body_never_raises(body: str):
    text = '---\nconditions: "2017"\nregion: R\n---\n' + body
    draft = parse_markdown(text.replace("\r", "\n"), Path("p.md"), "p.md")
    check_draft(draft, C2017)


# words from a Swedish vocabulary (drawing random letters for 600 words an
# example made the test minutes long), with Word's characters mixed in
VOCAB = ("regionen länet under året har insatser stöd till företag och kommuner samverkan "
         "utveckling strategi uppföljning lärande jämställdhet digitalisering service klimat miljö "
         "anslaget medel projekt beviljat utbetalt 2017 1:1 EU:s strukturfonder ”citat” "
         "halv\u00adtid Norr\u00a0botten").split()
word = st.sampled_from(VOCAB)
paragraph = st.lists(word, min_size=12, max_size=18).map(lambda ws: " ".join(ws * 5))  # 60 words or more


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(texts=st.lists(paragraph, min_size=8, max_size=8), amount=st.integers(min_value=0, max_value=10**10))
def test_rendered_complete_draft_checks_complete_again(tmp_path_factory, texts: list[str], amount: int):
    parts = ["---", 'conditions: "2017"', "region: Region Test", "figures:",
             f"  projektstod_utbetalt: {amount}", f"  foretagsstod_beviljat: {2 * amount}",
             f"  foretagsstod_beviljat_anslag: {amount}", f"  foretagsstod_beviljat_eu: {amount}", "---", ""]
    for s, text in zip(C2017.sections, texts):
        parts += [f"## {s.title}", "", text, ""]
    folder = tmp_path_factory.mktemp("rt")
    first = folder / "u.md"
    first.write_text("\n".join(parts), encoding="utf-8")
    result = check_file(first)
    assert result.complete
    again = folder / "r.md"
    again.write_text(render_markdown(result), encoding="utf-8")
    second = check_file(again)
    # the same verdict again; an amount outside the decision's plausible bounds
    # (0 kr, 10 miljarder) is warned about both times, nothing else is found
    assert second.complete and [f.code for f in second.findings] == [f.code for f in result.findings]
    assert {f.code for f in second.findings} <= {"figure-implausible"}
    assert [f.value for f in second.figures] == [f.value for f in result.figures]


numbering = st.sampled_from(["", "1. ", "3.2 ", "10) ", "A) ", "b. ", "(c) ", "IV. ", "2.1.3. "])
case = st.sampled_from([str, str.upper, str.lower, str.title])
space = st.sampled_from([" ", "  ", "\t", "\u00a0", " \u00a0 "])


@SETTINGS
@given(index=st.integers(0, 7), num=numbering, change_case=case, sep=space, trail=st.sampled_from(["", ".", ":", " "]))
def test_heading_matching_ignores_case_space_and_numbering(index: int, num: str, change_case, sep: str, trail: str):
    s = C2017.sections[index]
    heading = num + sep.join(change_case(s.title).split(" ")) + trail
    m = MATCHER.match(heading)
    assert m.section is not None and m.section.id == s.id, heading


@SETTINGS
@given(kronor=st.integers(min_value=0, max_value=10**12))
def test_amount_notations_parse_to_the_same_amount(kronor: int):
    value = Decimal(kronor)
    grouped = format_amount(value).replace("\u00a0kr", "")
    forms = [str(kronor), f"{kronor} kr", grouped, grouped + " kr", grouped.replace("\u00a0", " ") + " kronor", format_amount(value)]
    if kronor % 1000 == 0:
        forms.append(f"{kronor // 1000} tkr")
    if kronor % 100_000 == 0:
        mn = format_amount(value / 1_000_000).replace("\u00a0kr", "")
        forms += [f"{mn} mnkr", f"{mn} miljoner", f"{mn} Mkr"]
    for form in forms:
        assert parse_amount(form) == value, form
