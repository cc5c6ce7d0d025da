"""Write the bad-input corpus in tests/bad_inputs/ and its expected.json.

Run it on purpose after changing a case: .venv/bin/python tests/make_bad_inputs.py
The corpus is committed; the tests do not run this script.
"""
import json
from pathlib import Path

root = Path(__file__).resolve().parent.parent
out = root / "tests/bad_inputs"
ex = (root / "reports/norrbotten-2017.md").read_text(encoding="utf-8")
fm_end = ex.index("\n---\n", 4)
FRONT = ex[4:fm_end]          # front matter text without --- lines
BODY = ex[fm_end + 5:]
def draft(front, body=BODY):
    return f"---\n{front}\n---\n{body}"
cases = {}
def add(name, content, code, line=None, contains="", ext="md"):
    fname = f"{name}.{ext}"
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    (out / fname).write_bytes(data)
    cases[fname] = {"code": code, "line": line, "contains": contains}

MIN = 'conditions: "2017"\nregion: Region Test'
# -- front matter structure
add("fm-missing", BODY, 2, 1, "front matter")
add("fm-unclosed", "---\n" + FRONT + "\n" + BODY, 2, 1, "avslutas aldrig")
add("fm-empty", draft(""), 2, 2, "tomt")
add("fm-only-comment", draft("# bara en kommentar"), 2, 2, "tomt")
add("fm-list", draft("- conditions\n- region"), 2, 2, "nycklar med värden")
add("fm-scalar", draft("bara text"), 2, 2, "nycklar med värden")
add("fm-blank-first-line", "\n" + draft(FRONT), 2, 1, "front matter")
add("fm-dots-but-no-start", FRONT + "\n...\n" + BODY, 2, 1, "front matter")
# -- YAML syntax
add("yaml-unclosed-bracket", draft(MIN + "\nbilagor: [a, b\nfigures: {}"), 2, 5, "ogiltig YAML")
add("yaml-unclosed-quote", draft('conditions: "2017\nregion: X'), 2, None, "ogiltig YAML")
add("yaml-bad-indent", draft('conditions: "2017"\n  region: X\n region: Y'), 2, None, "ogiltig YAML")
add("yaml-tab-indent", draft('conditions: "2017"\nregion: X\nfigures:\n\tprojektstod_utbetalt: 1'), 2, 5, "ogiltig YAML")
add("yaml-mapping-in-value", draft('conditions: "2017"\nregion: Norrbotten: Luleå'), 2, 3, "ogiltig YAML")
add("yaml-colon-no-key", draft('conditions: "2017"\n: utan nyckel\nregion: X'), 2, None, "")
add("yaml-list-and-map", draft('conditions: "2017"\n- punkt\nregion: X'), 2, 3, "ogiltig YAML")
add("yaml-unterminated-block", draft('conditions: "2017"\nregion: X\nfigures: {projektstod_utbetalt: 1'), 2, None, "ogiltig YAML")
add("yaml-bad-escape", draft('conditions: "2017"\nregion: "X\\q"'), 2, 3, "ogiltig YAML")
add("yaml-anchor-undefined", draft('conditions: "2017"\nregion: *ingen'), 2, 3, "ogiltig YAML")
add("yaml-two-documents", draft('conditions: "2017"\nregion: X\n--- \nfoo: 1'), 1, None, "foo: 1")
add("yaml-duplicate-region", draft(MIN + "\nregion: Region Annan"), 2, 4, "två gånger")
add("yaml-duplicate-conditions", draft('conditions: "2017"\nconditions: "2018"\nregion: X'), 2, 3, "två gånger")
add("yaml-duplicate-figure", draft(FRONT.replace("  foretagsstod_beviljat: 85 mnkr", "  foretagsstod_beviljat: 85 mnkr\n  foretagsstod_beviljat: 86 mnkr")), 2, 9, "två gånger")
bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
prev = "a"
for n in "bcdefghij":
    bomb += f"{n}: &{n} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    prev = n
add("yaml-alias-bomb", draft(MIN + "\n" + bomb.rstrip()), 2, None, "alias")
add("yaml-deep-nesting", draft(MIN + "\nbilagor: " + "[" * 300 + "]" * 300), 2, None, "djupt")
add("yaml-python-tag", draft(MIN + "\nkontaktperson: !!python/object/apply:os.system ['echo hej']"), 2, 4, "taggen")
add("yaml-custom-tag", draft(MIN + "\nkontaktperson: !hemlig Anna"), 2, 4, "taggen")
add("yaml-merge-key", draft(MIN + "\nbas: &b {x: 1}\nfigures:\n  <<: *b"), 2, 6, "'<<'")
add("yaml-complex-key", draft(MIN + "\n? [a, b]\n: c"), 2, 4, "enkel text")
add("yaml-impossible-date", draft(MIN + "\ndatum: 2018-02-30"), 2, 4, "ogiltigt värde")
add("yaml-binary-tag", draft(MIN + "\nkontaktperson: !!binary aGVq"), 2, 4, "taggen")
# -- schema
add("schema-unknown-key", draft(MIN + "\nkontaktpreson: Anna"), 2, 4, "menade du 'kontaktperson'")
add("schema-unknown-key-sumary", draft(MIN + "\nsumary: text"), 2, 4, "okänt fält")
add("schema-unknown-key-figurer", draft(MIN + "\nfigurer:\n  projektstod_utbetalt: 1"), 2, 4, "menade du 'figures'")
add("schema-region-int", draft('conditions: "2017"\nregion: 12'), 2, 3, "fel typ")
add("schema-region-list", draft('conditions: "2017"\nregion: [a, b]'), 2, 3, "fel typ")
add("schema-region-map", draft('conditions: "2017"\nregion: {namn: X}'), 2, 3, "fel typ")
add("schema-region-empty", draft('conditions: "2017"\nregion: ""'), 2, 3, "region saknas: skriv regionens namn")
add("schema-region-null", draft('conditions: "2017"\nregion:'), 2, 3, "")
add("schema-region-missing", draft('conditions: "2017"'), 2, 2, "region saknas: skriv regionens namn")
add("schema-conditions-missing", draft("region: X"), 2, 2, "conditions saknas: skriv vilket villkorsbeslut")
add("schema-conditions-list", draft("conditions: [2017]\nregion: X"), 2, 2, "conditions: ”[2017]” är inte ett beslut-id; skriv 2017")
add("schema-conditions-bool", draft("conditions: true\nregion: X"), 2, 2, "'true' lästes som ett sanningsvärde")
add("schema-conditions-unknown", draft('conditions: "20177"\nregion: X'), 2, 2, "menade du '2017'")
add("schema-conditions-unknown-far", draft('conditions: "1999"\nregion: X'), 2, 2, "okänt villkorsbeslut")
add("schema-conditions-missing-path", draft('conditions: saknas/2019.yaml\nregion: X'), 2, 2, "är en sökväg")
add("schema-conditions-abs-path", draft('conditions: /etc/passwd\nregion: X'), 2, 2, "är en sökväg")
add("schema-conditions-words", draft("conditions: Villkor 2018\nregion: Region Test\nhandläggare: Anna"), 2, 2,
    "conditions: ”Villkor 2018” är inte ett beslut-id; skriv 2018 (kända beslut: 2017, 2018, 2023)")
add("schema-unknown-key-handlaggare", draft(MIN + "\nhandläggare: Anna"), 2, 4,
    "handläggare: okänt fält i front matter; tillåtna fält här: conditions, region, figures")
add("schema-figures-list", draft(MIN + "\nfigures: [1, 2]"), 2, 4, "fel typ")
add("schema-figures-scalar", draft(MIN + "\nfigures: 88 mnkr"), 2, 4, "fel typ")
add("schema-figures-int-key", draft(MIN + "\nfigures:\n  1: 5"), 2, 5, "fel typ")
add("schema-datum-list", draft(MIN + "\ndatum: [2018]"), 2, 4, "fel typ")
add("schema-datum-int", draft(MIN + "\ndatum: 2018"), 2, 4, "fel typ")
add("schema-diarienummer-map", draft(MIN + "\ndiarienummer: {a: 1}"), 2, 4, "fel typ")
add("schema-kontaktperson-int", draft(MIN + "\nkontaktperson: 5"), 2, 4, "fel typ")
add("schema-bilagor-string", draft(MIN + "\nbilagor: en bilaga"), 2, 4, "fel typ")
add("schema-bilagor-ints", draft(MIN + "\nbilagor: [1, 2]"), 2, 4, "fel typ")
add("schema-mottagare-list", draft(MIN + "\nmottagare: [a]"), 2, 4, "fel typ")
add("schema-title-bool", draft(MIN + "\ntitle: yes"), 2, 4, "'yes' lästes som ett sanningsvärde")
add("schema-region-yaml-no", draft('conditions: "2017"\nregion: NO'), 2, 3, 'sätt det inom citattecken: "NO"')
add("schema-region-line-break", draft(FRONT.replace("region: Region Norrbotten", 'region: "Region Norrbotten\\n\\n## Injicerad"')), 2, 3, "en enda rad")
add("schema-mottagare-control", draft(MIN + '\nmottagare: "Regerings\\u202ekansliet"'), 2, 4, "U+202E")
add("schema-conditions-slash", draft('conditions: "Beslut/2017"\nregion: X'), 2, 2, "”Beslut/2017” är inte ett beslut-id; skriv 2017")
add("schema-many-problems", draft('conditions: "2017"\nregion: 1\nkontaktpreson: x\ndatum: [1]'), 2, 3, "kontaktpreson")
# -- encodings and binaries
add("enc-utf16le-bom", draft(FRONT).encode("utf-16"), 2, 1, "UTF-16")
add("enc-utf16be-bom", b"\xfe\xff" + draft(FRONT).encode("utf-16-be"), 2, 1, "UTF-16")
add("enc-utf16le-nobom", draft(FRONT).encode("utf-16-le"), 2, 1, "UTF-16")
add("enc-cp1252-front", draft('conditions: "2017"\nregion: Region Jämtland Härjedalen').encode("cp1252"), 2, 3, "Windows-1252")
add("enc-cp1252-body", draft(FRONT, "## Rubrik\n\nText om miljö.\n").encode("cp1252"), 2, None, "Windows-1252")
add("enc-latin1-quotes", draft(MIN, "## Rubrik\n\n\u201cCitat\u201d\n").encode("cp1252"), 2, 7, "Windows-1252")
add("enc-invalid-utf8", b"---\nconditions: \"2017\"\nregion: \x81\x8d\x8f\x90\n---\n", 2, 3, "UTF-8")
add("enc-truncated-utf8", b"---\nconditions: \"2017\"\nregion: R\xc3\n---\n", 2, 3, "")
add("bin-nul-body", draft(FRONT, "## Rubrik\n\nText\x00mer\n"), 2, None, "binära")
add("bin-nul-start", b"\x00" * 64, 2, 1, "")
add("bin-zip", b"PK\x03\x04" + b"\x14\x00" * 30, 2, 1, "zip")
add("bin-doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, 2, 1, ".doc")
add("bin-png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40, 2, 1, "PNG-fil")
add("bin-pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nstream\n\x00\x01\x02\nendstream\n", 2, 1, "PDF-fil")
add("bin-gzip", b"\x1f\x8b\x08\x00" + b"\x00" * 20, 2, 1, "gzip-fil")
add("bin-pdf-short", b"%PDF-1.4\n\xe2\xe3 kort", 2, 1, "PDF-fil")
add("bin-jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", 2, 1, "JPEG-fil")
add("empty-file", b"", 2, 1, "front matter")
add("only-whitespace", "   \n\n\t\n", 2, 1, "front matter")
add("only-bom", b"\xef\xbb\xbf", 2, 1, "front matter")
add("only-dashes", "---\n", 2, 1, "avslutas aldrig")
add("only-dashes-twice", "---\n---\n", 2, 2, "tomt")
# -- merely incomplete: exit 1
add("inc-no-body", draft(FRONT, ""), 1, None, "")
add("inc-no-headings", draft(FRONT, "Bara text utan rubriker.\n" * 20), 1, None, "")
add("inc-todo-everywhere", draft(FRONT, BODY.replace("\n\n", "\n\nTODO\n\n")), 1, None, "TODO")
add("inc-figures-text", draft(FRONT.replace("88 miljoner", "cirka 88 miljoner")), 1, 8, "inte ett belopp")
add("inc-figure-list", draft(FRONT.replace("88 miljoner", "[88, 89]")), 1, 8, "inte ett belopp")
add("inc-figure-bool", draft(FRONT.replace("88 miljoner", "true")), 1, 8, "inte ett belopp")
add("inc-figure-null", draft(FRONT.replace("88 miljoner", "")), 1, 8, "saknas")
add("inc-figure-map", draft(FRONT.replace("88 miljoner", "{a: {b: 1}}")), 1, 8, "inte ett belopp")
add("inc-figures-empty", draft(MIN + "\nfigures: {}"), 1, None, "saknas")
add("inc-figure-typo", draft(FRONT.replace("projektstod_utbetalt", "projektstod_utbetald")), 1, 8, "Menade du")
add("inc-crlf", draft(FRONT, BODY.replace("## 7. Klimat- och miljöarbetet", "## 7. Klimat")).replace("\n", "\r\n"), 1, None, "Klimat- och miljöarbetet")
add("inc-huge-line", draft(FRONT, "## Rubrik\n\n" + "ord " * 40000 + "\n"), 1, None, "")
add("inc-many-headings", draft(FRONT, "".join(f"## Rubrik {i}\n\ntext\n\n" for i in range(3000))), 1, None, "")
add("inc-deep-headings", draft(FRONT, "".join(f"{'#' * (i % 6 + 1)} R{i}\n" for i in range(500))), 1, None, "")
add("inc-html-only", draft(FRONT, "<div>\n<h2>Jämställd regional tillväxt</h2>\n</div>\n"), 1, None, "")
add("inc-unknown-id", draft(FRONT, BODY.replace("## 5. Näringslivets digitalisering", "## 5. Digitalt {#digitaliseing}")), 1, None, "digitaliseing")
add("inc-duplicate-section", draft(FRONT, BODY + "\n## Jämställd regional tillväxt\n\n" + "text " * 40 + "\n"), 1, None, "finns redan")
add("inc-only-comments", draft(FRONT, "<!--\n## 1. Insatser inom det regionala utvecklingsuppdraget\n-->\n"), 1, None, "")
add("inc-unclosed-fence", draft(FRONT, "```\n" + BODY), 1, None, "")
add("inc-unclosed-comment", draft(FRONT, "<!-- glömd kommentar\n" + BODY), 1, None, "")
# -- figures and dates that must not pass as something else
add("inc-figure-percent-for-kr", draft(FRONT.replace("88 miljoner", "12 %")), 1, 8, "skrivet i %")
add("inc-figure-negative", draft(FRONT.replace("88 miljoner", "-88 miljoner")), 1, 8, "negativt")
add("inc-figure-sexagesimal", draft(FRONT.replace("88 miljoner", "1:28:00")), 1, 8, "”1:28:00”")
add("inc-figure-footnote-mark", draft(FRONT.replace("88 miljoner", "88 miljoner\u00b9")), 1, 8, "inte ett belopp")
add("ok-figure-implausible", draft(FRONT.replace("88 miljoner", "88 000 000 000 kr")), 0, None, "utanför det rimliga")
add("ok-figure-leading-zero", draft(FRONT.replace("88 miljoner", "0088000000")), 0, None, "”0088000000”")
add("ok-report-late", draft(FRONT.replace("datum: 2018-02-25", "datum: 2018-03-05")), 0, None, "efter beslutets sista dag")
add("ok-diarienummer-octal", draft(FRONT.replace("diarienummer: 00858-2018", "diarienummer: 0123")), 0)
# -- what once passed as complete (exit 1 now)
def with_section(title, text, body=BODY):
    start = body.index(title)
    end = body.index("\n## ", start + 5)
    return body[:start] + title + "\n\n" + text + "\n" + body[end:]
add("inc-markup-only-section", draft(FRONT, with_section("## 2. Jämställd regional tillväxt",
    "<br>\n" * 20 + "<style>p { font-family: Arial regional tillväxt }</style>\n"
    + "![Jämställd regional tillväxt i hela länet under året med många insatser](bild.png)\n")), 1, None, "är tomt")
add("inc-placeholder-preamble", draft(FRONT, BODY.replace("Exempelutkast byggt på", "TODO Exempelutkast byggt på")), 1, None, "före det första avsnittet")
add("inc-placeholder-own-heading", draft(FRONT, BODY + "\n## Kontakter\n\n[text kommer]\n"), 1, None, "Kontakter")
add("inc-placeholder-front-matter", draft(FRONT.replace("region: Region Norrbotten", "region: Region [Fyll i region]")), 1, None, "Uppgiften region")
add("inc-amount-reordering", draft(FRONT.replace("88 miljoner", '"8\u202e8 miljoner"')), 1, 7, "U+202E")
# -- these just work: exit 0
add("ok-crlf", draft(FRONT).replace("\n", "\r\n"), 0)
add("ok-cr-only", draft(FRONT).replace("\n", "\r"), 0)
add("ok-bom", b"\xef\xbb\xbf" + draft(FRONT).encode("utf-8"), 0)
add("ok-bom-crlf", b"\xef\xbb\xbf" + draft(FRONT).replace("\n", "\r\n").encode("utf-8"), 0)
add("ok-word-paste", draft(FRONT, BODY.replace(" ", "\u00a0", 40).replace("Regionen", "Regio\u00adnen").replace("\"", "\u201d")), 0)
add("ok-tabs-in-body", draft(FRONT, BODY.replace(". ", ".\t")), 0)
add("ok-dots-close", "---\n" + FRONT + "\n...\n" + BODY, 0)
add("ok-conditions-int", draft(FRONT.replace('conditions: "2017"', "conditions: 2017")), 0)
add("ok-amount-forms", draft(FRONT.replace("88 miljoner", "88\u00a0000\u00a0000 kr")), 0)
add("ok-amount-zero-width", draft(FRONT.replace("88 miljoner", '"88\u200b000\u200b000 kr"').replace("85 mnkr", '"85\u202f000\u202f000"')), 0)
add("ok-yaml-anchor", draft(FRONT + "\nkontaktperson: &k Anna Andersson\nmottagare: *k"), 0)
# text between the front matter and the title is the writer's text: rendered, never dropped
add("ok-text-above-title", draft(FRONT, "\nInledande rader ovanför titeln.\n\n" + BODY), 0)
# -- limits: each class of input that once hung, took gigabytes or reached the terminal
def docx_file(body_xml=b"", members=None, declared=None):
    """A Word draft (facts table, one section) with ``body_xml`` at the end of
    its body, ``members`` added (name -> bytes or (piece, times), written a
    piece at a time) and the directory's sizes of ``declared`` (name -> size)
    changed; fixed timestamps, so the bytes are the same at every run."""
    import io
    import zipfile

    import docx
    from docx_helpers import declared_size

    d = docx.Document()
    table = d.add_table(rows=2, cols=2)
    for row, (a, b) in zip(table.rows, (("Villkorsbeslut", "2017"), ("Region", "Region Test"))):
        row.cells[0].text, row.cells[1].text = a, b
    d.add_heading("Insatser inom det regionala utvecklingsuppdraget", 1)
    d.add_paragraph("Regionen har under året arbetat med insatser. " * 10)
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(buf)
    parts = {m.filename: src.read(m.filename) for m in src.infolist()}
    head, tail = parts["word/document.xml"].split(b"<w:sectPr", 1)
    parts["word/document.xml"] = head + body_xml + b"<w:sectPr" + tail
    parts.update(members or {})
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2018, 2, 25, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with z.open(info, "w", force_zip64=not isinstance(data, bytes)) as w:
                if isinstance(data, bytes):
                    w.write(data)
                else:
                    for _ in range(data[1]):
                        w.write(data[0])
    data = zbuf.getvalue()
    for name, size in (declared or {}).items():
        data = declared_size(data, name, size)
    return data


FRONT_LINES = len(FRONT.split("\n")) + 2  # "---", the front matter, "---"
ESCAPES = "\x1b]0;x\x07\x1b[2J\u202eslut"
add("lim-heading-of-digits", draft(FRONT, BODY + "\n## " + "1" * 40 + "x\n\ntext\n"), 0, None, "1111x")
add("lim-heading-of-spaces", draft(FRONT, BODY + "\n## Egen" + " " * 50_000 + "del\n\ntext\n"), 0)
add("lim-heading-id-after-spaces", draft(FRONT, BODY + "\n## Egen" + " " * 50_000 + "{del\n\ntext\n"), 0)
add("lim-heading-of-100kb", draft(FRONT, BODY + "\n## " + "Egen del " * 12_000 + "\n\ntext\n"), 0, None, "Egen del")
add("lim-bold-line-of-spaces", draft(FRONT, BODY + "\n**Egen del**" + " " * 50_000 + "x\n"), 0)
add("lim-unclosed-comments", draft(FRONT, BODY + "<!--x\n" * 20_000), 0)
add("lim-unclosed-comments-one-line", draft(FRONT, BODY + "<!--" * 20_000 + "\n"), 0)
add("lim-unclosed-carried-over", draft(FRONT, BODY + "<!-- villkor:carried-over " * 5_000 + "\n"), 0)
add("lim-unclosed-placeholders", draft(FRONT, BODY + "[fyll i " * 10_000 + "\n"), 0)
add("lim-too-many-headings", draft(FRONT, "#\n" * 10_001), 2, FRONT_LINES + 10_001, "fler än 10\u00a0000 rubriker")
add("lim-many-wrong-items", draft(MIN + "\nbilagor: [" + "1, " * 500 + "1]"), 2, 4, "minst 100 fel")
add("lim-yaml-too-many-values", draft(MIN + "\nbilagor: [" + "a," * 120_000 + "a]"), 2, 4, "över 50000 värden")
add("lim-terminal-escapes", draft(FRONT, BODY + f"\n## Egen del {ESCAPES}\n\ntext\n"), 0, None, "\ufffd]0;x\ufffd\ufffd[2J\ufffdslut")
add("lim-terminal-escapes-in-value", draft(MIN + '\nkontaktpreson: "\\e]0;x\\a\\r"'), 2, 4, "menade du 'kontaktperson'")
add("lim-docx-xml-bomb", docx_file(members={"word/document.xml": (b"<!--" + b" " * 1_048_572, 20)},
                                   declared={"word/document.xml": 1000}), 2, None, "mer än 16 MB XML", ext="docx")
add("lim-docx-picture-bomb", docx_file(members={"word/media/image1.png": (b"\0" * 1_048_576, 201)}),
    2, None, "mer än 200 MB", ext="docx")
add("lim-docx-size-lies", docx_file(members={"word/media/image1.png": b"\0" * 5000}, declared={"word/media/image1.png": 6000}),
    2, None, "skadat", ext="docx")
add("lim-docx-too-many-paragraphs", docx_file(b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 50_001), 2, None,
    "fler än 50\u00a0000 stycken", ext="docx")
add("lim-docx-many-runs", docx_file(b"<w:p>" + b"<w:r><w:t xml:space=\"preserve\">ord </w:t></w:r>" * 30_000 + b"</w:p>"),
    1, None, "", ext="docx")
add("lim-docx-bidi-heading", docx_file('<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Egen \u202edel</w:t></w:r></w:p>'
                                       .encode()), 1, None, "Egen \ufffddel", ext="docx")

(out / "expected.json").write_text(json.dumps(cases, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
print(len(cases))
