"""The message catalogue: every sentence a user reads, in Swedish and English.

Library code refers to messages by key (``section-missing``) with parameters;
only the presentation layer turns them into text with :func:`t`. Swedish is
the default; English is there for the ministry's international readers and
for developers.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("sv", "en")
DEFAULT_LANG = "sv"

CATALOGUE: dict[str, dict[str, str]] = {
    # -- reading files ---------------------------------------------------
    "input-missing": {"sv": "filen finns inte", "en": "no such file"},
    "input-is-directory": {"sv": "är en mapp, inte en fil", "en": "is a folder, not a file"},
    "input-too-large": {
        "sv": "filen är för stor ({size_mb} MB; gränsen är {limit_mb} MB)",
        "en": "the file is too large ({size_mb} MB; the limit is {limit_mb} MB)",
    },
    "input-unreadable": {"sv": "filen går inte att läsa (behörighet saknas)", "en": "the file cannot be read (permission denied)"},
    "input-os-error": {"sv": "filen går inte att läsa: {reason}", "en": "the file cannot be read: {reason}"},
    "input-utf16": {
        "sv": "filen är kodad som UTF-16; spara den som UTF-8",
        "en": "the file is encoded as UTF-16; save it as UTF-8",
    },
    "input-zip": {
        "sv": "filen är ett zip-arkiv (kanske ett Word-dokument med fel filändelse), inte text",
        "en": "the file is a zip archive (perhaps a Word document with the wrong extension), not text",
    },
    "input-ole": {
        "sv": "filen är i det gamla Word-formatet (.doc); spara den som .docx eller Markdown",
        "en": "the file is in the old Word format (.doc); save it as .docx or Markdown",
    },
    "input-binary": {"sv": "filen innehåller binära data (NUL-tecken), inte text", "en": "the file contains binary data (NUL bytes), not text"},
    "input-not-utf8": {"sv": "filen är inte giltig UTF-8-text", "en": "the file is not valid UTF-8 text"},
    "input-cp1252": {
        "sv": "filen verkar vara kodad som Windows-1252, inte UTF-8; spara den som UTF-8",
        "en": "the file seems to be encoded as Windows-1252, not UTF-8; save it as UTF-8",
    },
    # -- YAML ------------------------------------------------------------
    "yaml-syntax": {"sv": "ogiltig YAML: {problem}", "en": "invalid YAML: {problem}"},
    "yaml-duplicate-key": {
        "sv": "nyckeln '{key}' förekommer två gånger (först på rad {first})",
        "en": "the key '{key}' appears twice (first on line {first})",
    },
    "yaml-complex-key": {"sv": "en nyckel måste vara en enkel text", "en": "a key must be plain text"},
    "yaml-merge-key": {"sv": "sammanslagningsnyckeln '<<' stöds inte; skriv ut värdena", "en": "the merge key '<<' is not supported; write the values out"},
    "yaml-bad-value": {"sv": "ogiltigt värde: {problem}", "en": "invalid value: {problem}"},
    "yaml-too-many-nodes": {
        "sv": "YAML-innehållet är för stort eller expanderar för mycket via alias (över {limit} värden)",
        "en": "the YAML content is too large or expands too much through aliases (over {limit} values)",
    },
    "yaml-too-deep": {"sv": "YAML-innehållet är nästlat för djupt (över {limit} nivåer)", "en": "the YAML content is nested too deeply (over {limit} levels)"},
    # -- schema errors (conditions files and front matter) ---------------
    "schema-required": {"sv": "{path}: obligatoriskt fält saknas", "en": "{path}: required field is missing"},
    "schema-type": {"sv": "{path}: fel typ, ska vara {constraint} (är '{value}')", "en": "{path}: wrong type, must be {constraint} (is '{value}')"},
    "schema-allowed": {"sv": "{path}: '{value}' är inte tillåtet; tillåtna värden: {constraint}", "en": "{path}: '{value}' is not allowed; allowed values: {constraint}"},
    "schema-regex": {
        "sv": "{path}: '{value}' har fel form (små bokstäver, siffror, - och _)",
        "en": "{path}: '{value}' has the wrong form (lower-case letters, digits, - and _)",
    },
    "schema-min": {"sv": "{path}: värdet är mindre än {constraint}", "en": "{path}: the value is less than {constraint}"},
    "schema-max": {"sv": "{path}: värdet är större än {constraint}", "en": "{path}: the value is greater than {constraint}"},
    "schema-empty": {"sv": "{path}: får inte vara tomt", "en": "{path}: must not be empty"},
    "schema-minlength": {"sv": "{path}: för få element (minst {constraint})", "en": "{path}: too few items (at least {constraint})"},
    "schema-maxlength": {"sv": "{path}: för långt (högst {constraint})", "en": "{path}: too long (at most {constraint})"},
    "schema-nullable": {"sv": "{path}: saknar värde", "en": "{path}: has no value"},
    "schema-unknown": {"sv": "{path}: okänt fält", "en": "{path}: unknown field"},
    "schema-unknown-hint": {"sv": "{path}: okänt fält – menade du '{hint}'?", "en": "{path}: unknown field – did you mean '{hint}'?"},
    "schema-other": {"sv": "{path}: ogiltigt värde '{value}'", "en": "{path}: invalid value '{value}'"},
    # -- conditions ------------------------------------------------------
    "conditions-file-missing": {"sv": "villkorsfilen finns inte", "en": "the conditions file does not exist"},
    "conditions-unknown": {
        "sv": "okänt villkorsbeslut '{id}'; kända beslut: {known}",
        "en": "unknown conditions decision '{id}'; known decisions: {known}",
    },
    "conditions-unknown-hint": {
        "sv": "okänt villkorsbeslut '{id}' – menade du '{hint}'?",
        "en": "unknown conditions decision '{id}' – did you mean '{hint}'?",
    },
    "conditions-not-mapping": {"sv": "ett villkorsbeslut måste vara en YAML-mappning med nycklar", "en": "a conditions decision must be a YAML mapping of keys"},
    "conditions-duplicate-id": {"sv": "id '{id}' används två gånger (först på rad {first})", "en": "id '{id}' is used twice (first on line {first})"},
    "conditions-unknown-section": {
        "sv": "nyckeltalet '{figure}' hör till avsnittet '{id}', som inte finns",
        "en": "figure '{figure}' belongs to section '{id}', which does not exist",
    },
    "conditions-unknown-figure": {
        "sv": "regeln '{rule}' nämner nyckeltalet '{id}', som inte finns",
        "en": "rule '{rule}' names figure '{id}', which does not exist",
    },
    "conditions-extends-unsupported": {"sv": "'extends' stöds inte", "en": "'extends' is not supported"},
    # -- drafts ----------------------------------------------------------
    "draft-no-front-matter": {
        "sv": "utkastet saknar front matter: första raden ska vara '---', följd av conditions, region och figures",
        "en": "the draft has no front matter: the first line must be '---', followed by conditions, region and figures",
    },
    "draft-front-matter-unclosed": {
        "sv": "front matter avslutas aldrig med en rad '---'",
        "en": "the front matter is never closed by a line '---'",
    },
    "draft-front-matter-empty": {"sv": "front matter är tomt; ange minst conditions och region", "en": "the front matter is empty; give at least conditions and region"},
    "draft-front-matter-not-mapping": {"sv": "front matter måste vara nycklar med värden", "en": "the front matter must be keys with values"},
    # -- findings --------------------------------------------------------
    "section-missing": {"sv": "Avsnittet ”{title}” saknas.", "en": "The section “{title}” is missing."},
    "section-missing-hint": {
        "sv": "Avsnittet ”{title}” saknas. Menade du rubriken ”{hint}” på rad {hint_line}?",
        "en": "The section “{title}” is missing. Did you mean the heading “{hint}” on line {hint_line}?",
    },
    "section-empty": {"sv": "Avsnittet ”{title}” är tomt.", "en": "The section “{title}” is empty."},
    "section-too-short": {
        "sv": "Avsnittet ”{title}” är för kort: {words} ord, minst {min} krävs.",
        "en": "The section “{title}” is too short: {words} words, at least {min} required.",
    },
    "section-placeholder": {
        "sv": "Avsnittet ”{title}” innehåller platshållartext: ”{text}”.",
        "en": "The section “{title}” contains placeholder text: “{text}”.",
    },
    "section-duplicate": {
        "sv": "Avsnittet ”{title}” finns redan på rad {first}.",
        "en": "The section “{title}” already appears on line {first}.",
    },
    "section-order": {
        "sv": "Avsnittet ”{title}” står inte i beslutets ordning.",
        "en": "The section “{title}” is not in the decision's order.",
    },
    "section-carried-over": {
        "sv": "Avsnittet ”{title}” innehåller text överförd från förra årets rapport; uppdatera texten och ta bort markeringen.",
        "en": "The section “{title}” holds text carried over from last year's report; update the text and remove the marker.",
    },
    "heading-unmatched": {
        "sv": "Rubriken ”{heading}” motsvarar inget avsnitt i beslutet.",
        "en": "The heading “{heading}” matches no section of the decision.",
    },
    "heading-unmatched-hint": {
        "sv": "Rubriken ”{heading}” motsvarar inget avsnitt i beslutet. Menade du ”{hint}”?",
        "en": "The heading “{heading}” matches no section of the decision. Did you mean “{hint}”?",
    },
    "heading-unknown-id": {
        "sv": "Rubrikens id ”{{#{id}}}” finns inte i beslutet.",
        "en": "The heading's id “{{#{id}}}” is not in the decision.",
    },
    "heading-unknown-id-hint": {
        "sv": "Rubrikens id ”{{#{id}}}” finns inte i beslutet. Menade du ”{{#{hint_id}}}” ({hint})?",
        "en": "The heading's id “{{#{id}}}” is not in the decision. Did you mean “{{#{hint_id}}}” ({hint})?",
    },
    "figure-missing": {
        "sv": "Nyckeltalet ”{label}” saknas (ange figures.{id} i front matter).",
        "en": "The figure “{label}” is missing (give figures.{id} in the front matter).",
    },
    "figure-not-numeric": {
        "sv": "Nyckeltalet ”{label}” är inte ett belopp: ”{value}”.",
        "en": "The figure “{label}” is not an amount: “{value}”.",
    },
    "figure-inconsistent": {
        "sv": "Nyckeltalen går inte ihop: {total} är {total_value}, men {parts} blir {parts_value}.",
        "en": "The figures do not add up: {total} is {total_value}, but {parts} come to {parts_value}.",
    },
    "figure-unknown": {"sv": "Nyckeltalet ”{id}” finns inte i beslutet.", "en": "The figure “{id}” is not in the decision."},
    "figure-unknown-hint": {
        "sv": "Nyckeltalet ”{id}” finns inte i beslutet. Menade du ”{hint}”?",
        "en": "The figure “{id}” is not in the decision. Did you mean “{hint}”?",
    },
    # -- check output ----------------------------------------------------
    "check-heading": {"sv": "{file} – villkorsbeslut {conditions}: {title}", "en": "{file} – conditions decision {conditions}: {title}"},
    "verdict-complete": {
        "sv": "Komplett: {ok} av {total} obligatoriska delar uppfyllda ({coverage} %). {errors} fel, {warnings} varningar, {infos} upplysningar.",
        "en": "Complete: {ok} of {total} required parts satisfied ({coverage} %). {errors} errors, {warnings} warnings, {infos} notes.",
    },
    "verdict-incomplete": {
        "sv": "Ofullständig: {ok} av {total} obligatoriska delar uppfyllda ({coverage} %). {errors} fel, {warnings} varningar, {infos} upplysningar.",
        "en": "Incomplete: {ok} of {total} required parts satisfied ({coverage} %). {errors} errors, {warnings} warnings, {infos} notes.",
    },
    "verdict-cannot-check": {"sv": "Kan inte kontrolleras.", "en": "Cannot be checked."},
    "batch-total": {
        "sv": "{drafts} utkast: {complete} kompletta, {incomplete} ofullständiga, {failed} kunde inte kontrolleras.",
        "en": "{drafts} drafts: {complete} complete, {incomplete} incomplete, {failed} could not be checked.",
    },
    "paragraph": {"sv": "stycke", "en": "paragraph"},
    "col-section": {"sv": "Avsnitt", "en": "Section"},
    "col-status": {"sv": "Status", "en": "Status"},
    "col-words": {"sv": "Ord", "en": "Words"},
    "col-line": {"sv": "Rad", "en": "Line"},
    "col-place": {"sv": "Plats", "en": "Place"},
    "col-severity": {"sv": "Allvar", "en": "Severity"},
    "col-message": {"sv": "Meddelande", "en": "Message"},
    "col-point": {"sv": "Beslutets punkt", "en": "Point of the decision"},
    "col-figure": {"sv": "Nyckeltal", "en": "Figure"},
    "col-value": {"sv": "Belopp", "en": "Amount"},
    "status-ok": {"sv": "klart", "en": "ok"},
    "status-missing": {"sv": "saknas", "en": "missing"},
    "status-incomplete": {"sv": "ofullständigt", "en": "incomplete"},
    "status-omitted": {"sv": "frivilligt, ej med", "en": "optional, not included"},
    "figstatus-ok": {"sv": "klart", "en": "ok"},
    "figstatus-missing": {"sv": "saknas", "en": "missing"},
    "figstatus-invalid": {"sv": "inte ett belopp", "en": "not an amount"},
    "figstatus-inconsistent": {"sv": "går inte ihop", "en": "does not add up"},
    "figstatus-omitted": {"sv": "frivilligt, ej med", "en": "optional, not included"},
    "severity-error": {"sv": "fel", "en": "error"},
    "severity-warning": {"sv": "varning", "en": "warning"},
    "severity-info": {"sv": "upplysning", "en": "note"},
    # -- reviewer's summary ----------------------------------------------
    "summary-title": {"sv": "Kontroll av återrapportering – {region}", "en": "Check of the report – {region}"},
    "summary-findings": {"sv": "Brister per punkt i beslutet", "en": "Findings by point of the decision"},
    "summary-no-point": {"sv": "Övrigt", "en": "Other"},
    "summary-sections": {"sv": "Avsnitt", "en": "Sections"},
    "summary-figures": {"sv": "Nyckeltal", "en": "Figures"},
    "label-file": {"sv": "Fil", "en": "File"},
    "label-conditions": {"sv": "Villkorsbeslut", "en": "Conditions decision"},
    "label-due": {"sv": "Ska lämnas senast", "en": "Due"},
    "label-coverage": {"sv": "Täckning", "en": "Coverage"},
    # -- the rendered report ---------------------------------------------
    "render-incomplete": {
        "sv": "utkastet är ofullständigt ({errors} fel) och renderas inte; åtgärda felen eller använd --draft för ett utkast",
        "en": "the draft is incomplete ({errors} errors) and is not rendered; fix the errors or use --draft for a draft",
    },
    "draft-banner": {"sv": "Utkast – ofullständig", "en": "Draft – incomplete"},
    "report-title": {"sv": "Återrapportering {year} – {region}", "en": "Report {year} – {region}"},
    "report-missing-part": {"sv": "Avsnittet saknas i utkastet.", "en": "This section is missing from the draft."},
    "report-missing-figure": {"sv": "saknas", "en": "missing"},
    "report-figures": {"sv": "Nyckeltal", "en": "Figures"},
    "report-attachments": {"sv": "Bilagor", "en": "Attachments"},
    "report-toc": {"sv": "Innehåll", "en": "Contents"},
    "cover-region": {"sv": "Region", "en": "Region"},
    "cover-year": {"sv": "Avser år", "en": "Year reported"},
    "cover-conditions": {"sv": "Villkorsbeslut", "en": "Conditions decision"},
    "cover-recipient": {"sv": "Mottagare", "en": "Recipient"},
    "cover-diarienummer": {"sv": "Diarienummer", "en": "Reference number"},
    "cover-date": {"sv": "Datum", "en": "Date"},
    "cover-contact": {"sv": "Kontaktperson", "en": "Contact"},
    # -- command line ----------------------------------------------------
    "cli-wrote": {"sv": "Skrev {path}", "en": "Wrote {path}"},
    "cli-internal-error": {
        "sv": "internt fel ({error}); kör igen med VILLKOR_DEBUG=1 för detaljer och rapportera felet",
        "en": "internal error ({error}); run again with VILLKOR_DEBUG=1 for details and report it",
    },
    "cli-no-conditions": {
        "sv": "utkastet anger inget villkorsbeslut (conditions) och --conditions saknas",
        "en": "the draft names no conditions decision (conditions) and --conditions is not given",
    },
    "cli-output-is-input": {"sv": "utdatafilen är samma som en indatafil; välj en annan --output", "en": "the output file is an input file; choose another --output"},
    "cli-output-many": {
        "sv": "flera utkast kan inte skrivas till en fil i formatet {fmt}; använd --format json eller text",
        "en": "several drafts cannot be written to one file in the {fmt} format; use --format json or text",
    },
    "cli-error": {"sv": "fel", "en": "error"},
    "output-is-directory": {"sv": "utdatasökvägen är en mapp; ange ett filnamn", "en": "the output path is a folder; give a file name"},
    "output-failed": {"sv": "kunde inte skriva filen: {reason}", "en": "could not write the file: {reason}"},
    # -- decisions: inheritance, list/show/validate/diff, new drafts ------
    # (keys for these commands go here)
    # -- reviewers: summary over many reports, the committee's memo -------
    "summary-overview-title": {"sv": "Sammanställning av återrapporteringar", "en": "Overview of reports"},
    "summary-totals": {
        "sv": "{drafts} utkast: {complete} kompletta, {incomplete} ofullständiga, {failed} kunde inte kontrolleras, {skipped} hoppades över.",
        "en": "{drafts} drafts: {complete} complete, {incomplete} incomplete, {failed} could not be checked, {skipped} skipped.",
    },
    "summary-reports": {"sv": "Rapporter", "en": "Reports"},
    "summary-matrix": {"sv": "Delar per rapport – villkorsbeslut {id} ({title})", "en": "Parts by report – conditions decision {id} ({title})"},
    "summary-matrix-note": {
        "sv": "✓ klart, ! ofullständigt, ✗ saknas, – frivilligt och inte med. Siffran efter tecknet är raden i utkastet där bristen finns.",
        "en": "✓ ok, ! incomplete, ✗ missing, – optional and not included. The number after the mark is the line in the draft where the finding is.",
    },
    "summary-matrix-legend": {"sv": "Kolumner:", "en": "Columns:"},
    "summary-part-coverage": {"sv": "Täckning per del", "en": "Coverage by part"},
    "summary-part-section": {"sv": "avsnitt", "en": "section"},
    "summary-part-figure": {"sv": "nyckeltal", "en": "figure"},
    "summary-optional": {"sv": "frivilligt", "en": "optional"},
    "summary-errors": {"sv": "Fel per slag", "en": "Errors by kind"},
    "summary-advisory": {"sv": "Varningar och upplysningar", "en": "Warnings and notes"},
    "summary-none": {"sv": "Inga.", "en": "None."},
    "summary-more": {"sv": "… och {n} till", "en": "… and {n} more"},
    "summary-more-text": {"sv": "… och {n} till (visa alla med --all)", "en": "… and {n} more (show all with --all)"},
    "summary-show-rest": {"sv": "Visa de övriga {n}", "en": "Show the other {n}"},
    "summary-failed": {"sv": "Kunde inte kontrolleras", "en": "Could not be checked"},
    "summary-skipped": {"sv": "Hoppades över", "en": "Skipped"},
    "summary-skip-not-draft": {"sv": "inget utkast (saknar front matter)", "en": "not a draft (no front matter)"},
    "summary-skip-docx": {"sv": "Word-utkast (.docx) kan inte läsas av den här versionen", "en": "Word drafts (.docx) cannot be read by this version"},
    "summary-nothing": {"sv": "inga utkast hittades i {paths}", "en": "no drafts found in {paths}"},
    "summary-pages-hold-input": {
        "sv": "mappen för sammanfattningarna per rapport innehåller ett utkast; välj en annan --output",
        "en": "the folder for the per-report summaries holds a draft; choose another --output",
    },
    "summary-pages-not-ours": {
        "sv": "mappen för sammanfattningarna per rapport finns redan och innehåller annat än sammanfattningar; välj en annan --output",
        "en": "the folder for the per-report summaries exists and holds more than summaries; choose another --output",
    },
    "summary-kind-section-missing": {"sv": "obligatoriskt avsnitt saknas", "en": "a required section is missing"},
    "summary-kind-section-empty": {"sv": "avsnittet har ingen text", "en": "the section has no text"},
    "summary-kind-section-too-short": {"sv": "avsnittet är kortare än beslutets minimum", "en": "the section is shorter than the decision's minimum"},
    "summary-kind-section-placeholder": {"sv": "platshållartext i avsnittet", "en": "placeholder text in the section"},
    "summary-kind-section-duplicate": {"sv": "samma avsnitt förekommer två gånger", "en": "the same section appears twice"},
    "summary-kind-section-order": {"sv": "avsnittet står inte i beslutets ordning", "en": "the section is not in the decision's order"},
    "summary-kind-section-carried-over": {"sv": "text överförd från förra året är inte uppdaterad", "en": "text carried over from last year is not updated"},
    "summary-kind-heading-unmatched": {"sv": "rubriken motsvarar inget avsnitt", "en": "the heading matches no section"},
    "summary-kind-heading-unknown-id": {"sv": "rubrikens id finns inte i beslutet", "en": "the heading's id is not in the decision"},
    "summary-kind-figure-missing": {"sv": "obligatoriskt nyckeltal saknas", "en": "a required figure is missing"},
    "summary-kind-figure-not-numeric": {"sv": "nyckeltalet är inte ett belopp", "en": "the figure is not an amount"},
    "summary-kind-figure-inconsistent": {"sv": "nyckeltalen går inte ihop", "en": "the figures do not add up"},
    "summary-kind-figure-unknown": {"sv": "nyckeltal som beslutet inte känner till", "en": "a figure the decision does not know"},
    "col-file": {"sv": "Fil", "en": "File"},
    "col-region": {"sv": "Region", "en": "Region"},
    "col-year": {"sv": "År", "en": "Year"},
    "col-conditions": {"sv": "Beslut", "en": "Decision"},
    "col-coverage": {"sv": "Täckning", "en": "Coverage"},
    "col-errors": {"sv": "Fel", "en": "Errors"},
    "col-warnings": {"sv": "Varningar", "en": "Warnings"},
    "col-report": {"sv": "Rapport", "en": "Report"},
    "report-status-complete": {"sv": "komplett", "en": "complete"},
    "report-status-incomplete": {"sv": "ofullständig", "en": "incomplete"},
    "filter-heading": {"sv": "Filtrera rapporterna", "en": "Filter the reports"},
    "filter-all": {"sv": "Alla", "en": "All"},
    "filter-reset": {"sv": "Visa alla", "en": "Show all"},
    "filter-count": {"sv": "Visar {shown} av {total} rapporter", "en": "Showing {shown} of {total} reports"},
    "memo-heading": {"sv": "Återrapportering från {region}, anslag {appropriation}", "en": "Report from {region}, appropriation {appropriation}"},
    "memo-dnr": {"sv": "Dnr", "en": "Ref."},
    "memo-decision-heading": {"sv": "{committee} beslut", "en": "Decision of {committee}"},
    "memo-decision-heading-unknown": {"sv": "Utskottets beslut", "en": "The committee's decision"},
    "memo-proposal": {"sv": "{committee} föreslår {board} att", "en": "{committee} proposes that {board}"},
    "memo-item": {
        "sv": "Godkänna {year} års återrapportering av uppdraget som regionalt utvecklingsansvarig till {ministry}.",
        "en": "Approve the {year} report on the mission of regional development responsibility to {ministry}.",
    },
    "memo-statement-heading": {"sv": "Yttrande till beslutsförslaget", "en": "Statement on the proposal"},
    "memo-summary-heading": {"sv": "Sammanfattning", "en": "Summary"},
    "memo-summary-mission": {
        "sv": "{region} har som regionalt utvecklingsansvarig till uppdrag att förvalta statliga medel från anslag {appropriation}. Uppdraget innefattar också att samordna utvecklingsinsatser i länet och att upprätta en regional utvecklingsstrategi.",
        "en": "As the body with regional development responsibility, {region} manages state funds from appropriation {appropriation}. The mission also includes coordinating development efforts in the county and drawing up a regional development strategy.",
    },
    "memo-summary-report": {
        "sv": "I återrapporten till {ministry} har {region} återredovisat sitt arbete med det regionala utvecklingsuppdraget för året {year}.",
        "en": "In the report to {ministry}, {region} accounts for its work on the regional development mission for {year}.",
    },
    "memo-summary-parts": {"sv": "Återrapporten redovisar {parts}.", "en": "The report covers {parts}."},
    "memo-lacking": {"sv": "Utkastet saknar ännu eller har ofullständigt: {parts}.", "en": "The draft still lacks or has incomplete: {parts}."},
    "memo-figures-intro": {"sv": "Återrapporten anger följande belopp för året:", "en": "The report gives these amounts for the year:"},
    "memo-and": {"sv": "och", "en": "and"},
    "memo-case-heading": {"sv": "Ärendet", "en": "The matter"},
    "memo-case-mission": {
        "sv": "{region} har det regionala utvecklingsansvaret. I uppdraget ingår att årligen återrapportera vad som gjorts inom uppdraget till {ministry}{due}.",
        "en": "{region} holds the regional development responsibility. The mission includes reporting yearly what has been done within it to {ministry}{due}.",
    },
    "memo-due-date": {"sv": "senast {date}", "en": "by {date}"},
    "memo-case-dated": {"sv": "Återrapporten för {year} är daterad {date}.", "en": "The report for {year} is dated {date}."},
    "memo-case-board": {"sv": "{board} ska godkänna rapporten vid styrelsemötet {date}.", "en": "{board} is to approve the report at its meeting on {date}."},
    "memo-case-meeting": {"sv": "{committee} behandlar ärendet vid sammanträdet {date}.", "en": "{committee} deals with the matter at its meeting on {date}."},
    "memo-attachments": {"sv": "Bilagor:", "en": "Attachments:"},
    "memo-attachment": {"sv": "Återrapport villkorsbeslut {year}", "en": "Report, conditions decision {year}"},
    "memo-recipients": {"sv": "Protokollsutdrag skickas till:", "en": "Extract from the minutes sent to:"},
    "memo-gap-paragraf": {"sv": "[Paragrafnummer saknas]", "en": "[Paragraph number missing]"},
    "memo-gap-utskott": {"sv": "[Utskottets namn saknas]", "en": "[Committee name missing]"},
    "memo-gap-styrelse": {"sv": "[styrelsens namn saknas]", "en": "[board name missing]"},
    "memo-gap-styrelsemote": {"sv": "[datum för styrelsemötet saknas]", "en": "[date of the board meeting missing]"},
    "memo-gap-yttrande": {"sv": "[Yttrande saknas]", "en": "[Statement missing]"},
    "memo-gap-skickas-till": {"sv": "[Mottagare av protokollsutdraget saknas]", "en": "[Recipients of the extract missing]"},
    "memo-gap-dnr": {"sv": "[Diarienummer saknas]", "en": "[Reference number missing]"},
    "memo-incomplete": {
        "sv": "utkastet är ofullständigt ({errors} fel); beslutsunderlaget skrivs inte. Åtgärda felen eller använd --draft",
        "en": "the draft is incomplete ({errors} errors); the memo is not written. Fix the errors or use --draft",
    },
    "memo-gaps": {
        "sv": "Beslutsunderlaget har {n} luckor att fylla i; ange dem i utkastets front matter: {keys}",
        "en": "The memo has {n} gaps to fill; give them in the draft's front matter: {keys}",
    },
    # -- Word drafts: reading .docx, convert ------------------------------
    # (keys for these commands go here)
    # -- limits and safety ------------------------------------------------
    # (keys go here)
}


def t(key: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """The message ``key`` in ``lang``, with ``params`` filled in."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**params) if params else text.replace("{{", "{").replace("}}", "}")
