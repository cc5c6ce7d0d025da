"""The message catalogue: every sentence a user reads, in Swedish and English.

Library code refers to messages by key (``section-missing``) with parameters;
only the presentation layer turns them into text with :func:`t`. Swedish is
the default; English is there for the ministry's international readers and
for developers.
"""

from __future__ import annotations

import string
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
    "input-kind": {"sv": "filen är en {kind}-fil, inte ett utkast i text eller Word", "en": "the file is a {kind} file, not a draft in text or Word"},
    "input-not-regular": {"sv": "är inte en vanlig fil", "en": "is not a regular file"},
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
    "yaml-p-flow-seq": {
        "sv": "ogiltig YAML: listan som börjar på rad {start} stängs aldrig med ']' (eller saknar ',' mellan värdena)",
        "en": "invalid YAML: the list that starts on line {start} is never closed with ']' (or lacks ',' between values)",
    },
    "yaml-p-flow-map": {
        "sv": "ogiltig YAML: mappningen som börjar på rad {start} stängs aldrig med '}}' (eller saknar ',' mellan värdena)",
        "en": "invalid YAML: the mapping that starts on line {start} is never closed with '}}' (or lacks ',' between values)",
    },
    "yaml-p-tab": {"sv": "ogiltig YAML: tabbtecken får inte användas för indrag; använd mellanslag",
                   "en": "invalid YAML: tab characters cannot be used for indentation; use spaces"},
    "yaml-p-colon": {
        "sv": "ogiltig YAML: ett kolon på fel ställe; sätt ett värde som innehåller ': ' inom citattecken",
        "en": "invalid YAML: a colon in the wrong place; put a value that holds ': ' in quotes",
    },
    "yaml-p-eof": {
        "sv": "ogiltig YAML: texten tar slut mitt i ett värde som börjar på rad {start} (ett citattecken som aldrig stängs?)",
        "en": "invalid YAML: the text ends inside a value that starts on line {start} (a quote never closed?)",
    },
    "yaml-p-token": {
        "sv": "ogiltig YAML: ett värde kan inte börja med det här tecknet (t.ex. @ eller `); sätt värdet inom citattecken",
        "en": "invalid YAML: a value cannot start with this character (such as @ or `); put the value in quotes",
    },
    "yaml-p-document": {
        "sv": "ogiltig YAML: en rad '---' inleder ett andra dokument; ett villkorsbeslut är ett enda dokument",
        "en": "invalid YAML: a line '---' starts a second document; a conditions decision is one document",
    },
    "yaml-p-node": {"sv": "ogiltig YAML: ett värde saknas där det som börjar på rad {start} väntar sig ett",
                    "en": "invalid YAML: a value is missing where what starts on line {start} expects one"},
    "yaml-p-alias": {"sv": "ogiltig YAML: aliaset (*namn) har inget ankare (&namn)", "en": "invalid YAML: the alias (*name) has no anchor (&name)"},
    "yaml-p-no-colon": {"sv": "ogiltig YAML: ett ':' väntades efter nyckeln som börjar på rad {start}",
                        "en": "invalid YAML: a ':' was expected after the key that starts on line {start}"},
    "yaml-p-indent": {
        "sv": "ogiltig YAML: indraget stämmer inte med raderna ovanför (från rad {start})",
        "en": "invalid YAML: the indentation does not match the lines above (from line {start})",
    },
    "yaml-p-escape": {"sv": "ogiltig YAML: okänd escape-sekvens med '\\' inom dubbla citattecken; använd enkla citattecken",
                      "en": "invalid YAML: unknown escape sequence with '\\' in double quotes; use single quotes"},
    "yaml-duplicate-key": {
        "sv": "nyckeln '{key}' förekommer två gånger (först på rad {first})",
        "en": "the key '{key}' appears twice (first on line {first})",
    },
    "yaml-complex-key": {"sv": "en nyckel måste vara en enkel text", "en": "a key must be plain text"},
    "yaml-merge-key": {"sv": "sammanslagningsnyckeln '<<' stöds inte; skriv ut värdena", "en": "the merge key '<<' is not supported; write the values out"},
    "yaml-bad-value": {"sv": "ogiltigt värde: {problem}", "en": "invalid value: {problem}"},
    "yaml-tag": {"sv": "YAML-taggen '{tag}' stöds inte; skriv ett vanligt värde", "en": "the YAML tag '{tag}' is not supported; write a plain value"},
    "yaml-too-many-nodes": {
        "sv": "YAML-innehållet är för stort eller expanderar för mycket via alias (över {limit} värden)",
        "en": "the YAML content is too large or expands too much through aliases (over {limit} values)",
    },
    "yaml-too-deep": {"sv": "YAML-innehållet är nästlat för djupt (över {limit} nivåer)", "en": "the YAML content is nested too deeply (over {limit} levels)"},
    # -- schema errors (conditions files and front matter) ---------------
    "schema-required": {"sv": "{path}: obligatoriskt fält saknas", "en": "{path}: required field is missing"},
    "schema-type": {"sv": "{path}: fel typ, ska vara {constraint:types} (är '{value}')", "en": "{path}: wrong type, must be {constraint:types} (is '{value}')"},
    "type-string": {"sv": "text", "en": "text"},
    "type-integer": {"sv": "ett heltal", "en": "a whole number"},
    "type-number": {"sv": "ett tal", "en": "a number"},
    "type-boolean": {"sv": "true eller false", "en": "true or false"},
    "type-date": {"sv": "ett datum (ÅÅÅÅ-MM-DD)", "en": "a date (YYYY-MM-DD)"},
    "type-list": {"sv": "en lista", "en": "a list"},
    "type-dict": {"sv": "nycklar med värden", "en": "keys with values"},
    "type-id": {"sv": "ett id (text eller ett heltal)", "en": "an id (text or a whole number)"},
    "type-or": {"sv": "eller", "en": "or"},
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
    "conditions-file-missing": {"sv": "villkorsfilen {path} finns inte", "en": "the conditions file {path} does not exist"},
    "conditions-unknown": {
        "sv": "okänt villkorsbeslut '{id}'; kända beslut: {known}",
        "en": "unknown conditions decision '{id}'; known decisions: {known}",
    },
    "conditions-unknown-hint": {
        "sv": "okänt villkorsbeslut '{id}' – menade du '{hint}'? Kända beslut: {known}",
        "en": "unknown conditions decision '{id}' – did you mean '{hint}'? Known decisions: {known}",
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
        "sv": "Avsnittet ”{title}” saknas. Menade du rubriken ”{hint}” på rad {hint_line}? Skriv rubriken som ”{title}” eller lägg till {{#{id}}}.",
        "en": "The section “{title}” is missing. Did you mean the heading “{hint}” on line {hint_line}? Write the heading as “{title}” or add {{#{id}}}.",
    },
    "section-missing-bold": {
        "sv": "Avsnittet ”{title}” saknas. Rad {hint_line}, ”{hint}”, är fet text, inte en rubrik; skriv den som rubrik (## {hint}).",
        "en": "The section “{title}” is missing. Line {hint_line}, “{hint}”, is bold text, not a heading; write it as a heading (## {hint}).",
    },
    "section-missing-bold-paragraph": {
        "sv": "Avsnittet ”{title}” saknas. Stycke {hint_line}, ”{hint}”, är fet text, inte en rubrik; ge det formatmallen Rubrik 1 eller Rubrik 2.",
        "en": "The section “{title}” is missing. Paragraph {hint_line}, “{hint}”, is bold text, not a heading; give it the style Heading 1 or Heading 2.",
    },
    "section-empty": {"sv": "Avsnittet ”{title}” är tomt.", "en": "The section “{title}” is empty."},
    "section-too-short": {
        "sv": "Avsnittet ”{title}” är för kort: {words} ord, minst {min} krävs.",
        "en": "The section “{title}” is too short: {words} {words:word|words}, at least {min} required.",
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
        "sv": "Rubriken ”{heading}” motsvarar inget avsnitt i beslutet; texten under den kommer efter beslutets avsnitt i rapporten.",
        "en": "The heading “{heading}” matches no section of the decision; its text comes after the decision's sections in the report.",
    },
    "heading-unmatched-hint": {
        "sv": "Rubriken ”{heading}” motsvarar inget avsnitt i beslutet. Menade du avsnittet ”{hint}”? Skriv rubriken som ”{hint}” eller lägg till {{#{hint_id}}}.",
        "en": "The heading “{heading}” matches no section of the decision. Did you mean the section “{hint}”? Write the heading as “{hint}” or add {{#{hint_id}}}.",
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
        "sv": "Komplett: {ok} av {total} obligatoriska delar uppfyllda ({coverage} %). {errors} fel, {warnings} {warnings:varning|varningar}, {infos} {infos:upplysning|upplysningar}.",
        "en": "Complete: {ok} of {total} required parts satisfied ({coverage}%). {errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}, {infos} {infos:note|notes}.",
    },
    "verdict-incomplete": {
        "sv": "Ofullständig: {ok} av {total} obligatoriska delar uppfyllda ({coverage} %). {errors} fel, {warnings} {warnings:varning|varningar}, {infos} {infos:upplysning|upplysningar}.",
        "en": "Incomplete: {ok} of {total} required parts satisfied ({coverage}%). {errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}, {infos} {infos:note|notes}.",
    },
    "verdict-cannot-check": {"sv": "Kan inte kontrolleras.", "en": "Cannot be checked."},
    "batch-total": {
        "sv": "{drafts} utkast: {complete} {complete:komplett|kompletta}, {incomplete} {incomplete:ofullständigt|ofullständiga}, {failed} kunde inte kontrolleras.",
        "en": "{drafts} {drafts:draft|drafts}: {complete} complete, {incomplete} incomplete, {failed} could not be checked.",
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
        "en": "the draft is incomplete ({errors} {errors:error|errors}) and is not rendered; fix the errors or use --draft for a draft",
    },
    "draft-banner": {"sv": "Utkast – ofullständig", "en": "Draft – incomplete"},
    "report-title": {"sv": "Återrapportering {year} – {region}", "en": "Report {year} – {region}"},
    "report-to-fix": {"sv": "Att åtgärda:", "en": "To fix:"},
    "report-warnings": {
        "sv": "{file}: renderad, men {n} {n:varning|varningar} kvarstår; --strict vägrar rendera då:",
        "en": "{file}: rendered, but {n} {n:warning|warnings} remain; --strict refuses to render then:",
    },
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
        "sv": "flera utkast kan inte skrivas som ett dokument i formatet {fmt}; använd villkor summary, eller --format json eller text",
        "en": "several drafts cannot be written as one document in the {fmt} format; use villkor summary, or --format json or text",
    },
    "output-is-directory": {"sv": "utdatasökvägen är en mapp; ange ett filnamn", "en": "the output path is a folder; give a file name"},
    "output-failed": {"sv": "kunde inte skriva filen: {reason}", "en": "could not write the file: {reason}"},
    "output-not-regular": {"sv": "utdatasökvägen är inte en vanlig fil (en FIFO eller en enhet); ange ett filnamn",
                           "en": "the output path is not a regular file (a FIFO or a device); give a file name"},
    "output-reason-not-dir": {"sv": "kunde inte skriva filen: en del av sökvägen är en fil, inte en mapp",
                              "en": "could not write the file: part of the path is a file, not a folder"},
    "output-reason-denied": {"sv": "kunde inte skriva filen: behörighet saknas", "en": "could not write the file: permission denied"},
    "output-reason-full": {"sv": "kunde inte skriva filen: disken är full", "en": "could not write the file: the disk is full"},
    "output-reason-read-only": {"sv": "kunde inte skriva filen: filsystemet är skrivskyddat", "en": "could not write the file: the file system is read-only"},
    # -- decisions: inheritance, list/show/validate/diff, new drafts ------
    "conditions-extends-unknown": {
        "sv": "extends: beslutet '{id}' som detta bygger på finns inte; kända beslut: {known}",
        "en": "extends: the decision '{id}' this one builds on does not exist; known decisions: {known}",
    },
    "conditions-extends-unknown-hint": {
        "sv": "extends: beslutet '{id}' som detta bygger på finns inte – menade du '{hint}'?",
        "en": "extends: the decision '{id}' this one builds on does not exist – did you mean '{hint}'?",
    },
    "conditions-extends-cycle": {
        "sv": "extends bildar en cirkel: {cycle}",
        "en": "extends forms a cycle: {cycle}",
    },
    "conditions-remove-without-extends": {
        "sv": "remove kan bara användas i ett beslut som bygger på ett annat (extends)",
        "en": "remove can only be used in a decision that extends another (extends)",
    },
    "conditions-remove-unknown": {
        "sv": "remove.{what}: '{id}' finns inte i beslutet som detta bygger på",
        "en": "remove.{what}: '{id}' is not in the decision this one extends",
    },
    "conditions-remove-unknown-hint": {
        "sv": "remove.{what}: '{id}' finns inte i beslutet som detta bygger på – menade du '{hint}'?",
        "en": "remove.{what}: '{id}' is not in the decision this one extends – did you mean '{hint}'?",
    },
    "conditions-removed-still-used": {
        "sv": "'{id}' tas bort här men '{user}' hänvisar fortfarande till det; ta bort eller ändra '{user}' också",
        "en": "'{id}' is removed here but '{user}' still refers to it; remove or change '{user}' too",
    },
    "conditions-place-both": {
        "sv": "'{id}' har både after och before; ange bara en av dem",
        "en": "'{id}' has both after and before; give only one of them",
    },
    "conditions-place-self": {
        "sv": "{where}: '{id}' kan inte placeras i förhållande till sig själv",
        "en": "{where}: '{id}' cannot be placed relative to itself",
    },
    "conditions-place-unknown": {
        "sv": "{where}: '{id}' finns inte på samma nivå, så '{item}' kan inte placeras där",
        "en": "{where}: '{id}' is not at the same level, so '{item}' cannot be placed there",
    },
    "conditions-place-unknown-hint": {
        "sv": "{where}: '{id}' finns inte på samma nivå, så '{item}' kan inte placeras där – menade du '{hint}'?",
        "en": "{where}: '{id}' is not at the same level, so '{item}' cannot be placed there – did you mean '{hint}'?",
    },
    # diff between two decisions
    "diff-title": {"sv": "Ändringar från villkorsbeslut {old} till {new}", "en": "Changes from conditions decision {old} to {new}"},
    "diff-extends": {"sv": "bygger på {id}", "en": "extends {id}"},
    "diff-none": {"sv": "Inga ändringar.", "en": "No changes."},
    "diff-summary": {
        "sv": "Avsnitt: {sections_added} {sections_added:tillagt|tillagda}, {sections_removed} {sections_removed:borttaget|borttagna}, {sections_renamed} med nytt id, {sections_changed} {sections_changed:ändrat|ändrade}. Nyckeltal: {figures} {figures:ändring|ändringar}. Regler: {rules} {rules:ändring|ändringar}. Tidsfrist och uppgifter om beslutet: {metadata} {metadata:ändring|ändringar}.",
        "en": "Sections: {sections_added} added, {sections_removed} removed, {sections_renamed} with a new id, {sections_changed} changed. Figures: {figures} {figures:change|changes}. Rules: {rules} {rules:change|changes}. Deadline and facts about the decision: {metadata} {metadata:change|changes}.",
    },
    "diff-group-sections": {"sv": "Avsnitt", "en": "Sections"},
    "diff-group-figures": {"sv": "Nyckeltal", "en": "Figures"},
    "diff-group-rules": {"sv": "Regler", "en": "Rules"},
    "diff-group-deadline": {"sv": "Tidsfrist", "en": "Deadline"},
    "diff-group-metadata": {"sv": "Uppgifter om beslutet", "en": "Facts about the decision"},
    "diff-group-none": {"sv": "(inga ändringar)", "en": "(no changes)"},
    "diff-status-added": {"sv": "tillagt", "en": "added"},
    "diff-status-removed": {"sv": "borttaget", "en": "removed"},
    "diff-status-renamed": {"sv": "nytt id", "en": "new id"},
    "diff-status-changed": {"sv": "ändrat", "en": "changed"},
    "diff-renamed-from": {"sv": "hette tidigare {{#{old}}}", "en": "was {{#{old}}}"},
    "diff-required": {"sv": "obligatoriskt", "en": "required"},
    "diff-optional": {"sv": "frivilligt", "en": "optional"},
    "diff-yes": {"sv": "ja", "en": "yes"},
    "diff-no": {"sv": "nej", "en": "no"},
    "diff-field-title": {"sv": "titel", "en": "title"},
    "diff-field-label": {"sv": "benämning", "en": "label"},
    "diff-field-required": {"sv": "krav", "en": "requirement"},
    "diff-field-point": {"sv": "beslutets punkt", "en": "point of the decision"},
    "diff-field-guidance": {"sv": "vägledning", "en": "guidance"},
    "diff-field-min-words": {"sv": "minsta antal ord", "en": "minimum words"},
    "diff-field-aliases": {"sv": "alternativa rubriker", "en": "aliases"},
    "diff-field-parts": {"sv": "underavsnitt", "en": "sub-parts"},
    "diff-field-parent": {"sv": "ligger under", "en": "placed under"},
    "diff-field-order": {"sv": "plats i ordningen", "en": "position"},
    "diff-field-unit": {"sv": "enhet", "en": "unit"},
    "diff-field-section": {"sv": "avsnitt", "en": "section"},
    "diff-field-form-of-support": {"sv": "stödform", "en": "form of support"},
    "diff-field-kind": {"sv": "typ", "en": "kind"},
    "diff-field-total": {"sv": "summa", "en": "total"},
    "diff-field-tolerance": {"sv": "tillåten avvikelse (kr)", "en": "tolerance (kr)"},
    "diff-field-tolerance-percent": {"sv": "tillåten avvikelse (%)", "en": "tolerance (%)"},
    "diff-field-description": {"sv": "beskrivning", "en": "description"},
    "diff-field-due": {"sv": "ska lämnas senast", "en": "due"},
    "diff-field-due-text": {"sv": "tidsfrist i beslutets ord", "en": "deadline as the decision words it"},
    "diff-field-year": {"sv": "år som rapporteras", "en": "year reported"},
    "diff-field-issuer": {"sv": "beslutande departement", "en": "issuing ministry"},
    "diff-field-recipient": {"sv": "mottagare", "en": "recipient"},
    "diff-field-diarienummer": {"sv": "diarienummer", "en": "reference number"},
    "diff-field-decision-date": {"sv": "beslutsdatum", "en": "date of decision"},
    "diff-field-appropriation-number": {"sv": "anslag", "en": "appropriation"},
    "diff-field-appropriation-name": {"sv": "anslagets namn", "en": "name of the appropriation"},
    "diff-field-appropriation-expenditure-area": {"sv": "utgiftsområde", "en": "expenditure area"},
    "diff-field-appropriation-expenditure-area-name": {"sv": "utgiftsområdets namn", "en": "name of the expenditure area"},
    "diff-field-legal-basis": {"sv": "rättslig grund", "en": "legal basis"},
    "diff-field-references": {"sv": "referenser", "en": "references"},
    "diff-field-placeholders": {"sv": "platshållartexter", "en": "placeholder texts"},
    "diff-field-attachments": {"sv": "bilagor", "en": "attachments"},
    # conditions list / show / validate
    "conditions-list-header": {"sv": "id\tår\ttitel\tska lämnas senast\tbygger på\tfinns i", "en": "id\tyear\ttitle\tdue\textends\tfound in"},
    "conditions-origin-env": {"sv": "VILLKOR_CONDITIONS_PATH", "en": "VILLKOR_CONDITIONS_PATH"},
    "conditions-origin-cwd": {"sv": "./conditions", "en": "./conditions"},
    "conditions-origin-bundled": {"sv": "medföljer verktyget", "en": "shipped with the tool"},
    "conditions-list-invalid": {"sv": "ogiltigt – kör 'villkor conditions validate {path}'", "en": "invalid – run 'villkor conditions validate {path}'"},
    "show-extends": {"sv": "Bygger på", "en": "Extends"},
    "show-chain": {"sv": "Arvskedja", "en": "Chain"},
    "show-issuer": {"sv": "Beslutande departement", "en": "Issuing ministry"},
    "show-recipient": {"sv": "Mottagare", "en": "Recipient"},
    "show-appropriation": {"sv": "Anslag", "en": "Appropriation"},
    "show-due": {"sv": "Ska lämnas senast", "en": "Due"},
    "show-diarienummer": {"sv": "Diarienummer", "en": "Reference number"},
    "show-decision-date": {"sv": "Beslutsdatum", "en": "Date of decision"},
    "show-legal-basis": {"sv": "Rättslig grund", "en": "Legal basis"},
    "show-references": {"sv": "Referenser", "en": "References"},
    "show-unknown": {"sv": "(inte känt)", "en": "(not known)"},
    "show-sections": {"sv": "Avsnitt", "en": "Sections"},
    "show-figures": {"sv": "Nyckeltal", "en": "Figures"},
    "show-rules": {"sv": "Regler", "en": "Rules"},
    "show-none": {"sv": "(inga)", "en": "(none)"},
    "show-min-words": {"sv": "minst {n} ord", "en": "at least {n} {n:word|words}"},
    "show-point": {"sv": "Punkt", "en": "Point"},
    "show-guidance": {"sv": "Vägledning", "en": "Guidance"},
    "show-aliases": {"sv": "Även", "en": "Also"},
    "show-renamed-from": {"sv": "Hette tidigare", "en": "Formerly"},
    "show-defined-in": {"sv": "Definieras i", "en": "Defined in"},
    "show-rule-sum": {"sv": "{total} = {parts}", "en": "{total} = {parts}"},
    "show-tolerance": {"sv": "avvikelse högst {value}", "en": "difference at most {value}"},
    "validate-ok": {"sv": "{path}: giltigt", "en": "{path}: valid"},
    "validate-total": {
        "sv": "{files} {files:villkorsfil kontrollerad|villkorsfiler kontrollerade}: {valid} {valid:giltig|giltiga}, {invalid} {invalid:ogiltig|ogiltiga}, {problems} problem.",
        "en": "{files} conditions {files:file|files} checked: {valid} valid, {invalid} invalid, {problems} {problems:problem|problems}.",
    },
    "validate-no-files": {"sv": "inga villkorsfiler hittades", "en": "no conditions files were found"},
    # villkor new
    "new-output-exists": {
        "sv": "filen finns redan; välj en annan --output eller lägg till --force för att skriva över den",
        "en": "the file already exists; choose another --output or add --force to overwrite it",
    },
    "new-front-matter-help": {
        "sv": "Fyll i beloppen under figures (t.ex. 88 miljoner kr eller 42,5 mnkr); diarienummer och datum är valfria.",
        "en": "Fill in the amounts under figures (e.g. 88 miljoner kr or 42,5 mnkr); diarienummer and datum are optional.",
    },
    "new-figure-carried": {
        "sv": "förra årets belopp ({year}) – ersätt med årets och ta bort kommentaren. {label}",
        "en": "last year's amount ({year}) – replace it with this year's and remove the comment. {label}",
    },
    "new-intro": {
        "sv": "Nytt utkast för villkorsbeslut {id}: {title}. Ska lämnas senast {due}. Kommentarer som denna visas inte i den färdiga rapporten; under varje rubrik står vad beslutet begär.",
        "en": "New draft for conditions decision {id}: {title}. Due {due}. Comments like this one are not shown in the finished report; under each heading is what the decision asks for.",
    },
    "new-optional": {
        "sv": "Frivilligt avsnitt. För att ta med det: flytta rubriken nedan ut ur kommentaren och skriv texten under den.",
        "en": "Optional section. To include it: move the heading below out of the comment and write the text under it.",
    },
    "new-carried": {
        "sv": "text överförd från {source} (avsnittet ”{title}”, {year}); uppdatera texten och ta bort den här raden",
        "en": "text carried over from {source} (the section “{title}”, {year}); update the text and remove this line",
    },
    "figure-carried-over": {
        "sv": "Nyckeltalet ”{label}” har förra årets belopp kvar; ange årets belopp och ta bort markeringen.",
        "en": "The figure “{label}” still holds last year's amount; give this year's amount and remove the marker.",
    },
    # -- reviewers: summary over many reports, the committee's memo -------
    "summary-overview-title": {"sv": "Sammanställning av återrapporteringar", "en": "Overview of reports"},
    "summary-totals": {
        "sv": "{drafts} utkast: {complete} {complete:komplett|kompletta}, {incomplete} {incomplete:ofullständigt|ofullständiga}, {failed} kunde inte kontrolleras, {skipped} hoppades över.",
        "en": "{drafts} {drafts:draft|drafts}: {complete} complete, {incomplete} incomplete, {failed} could not be checked, {skipped} skipped.",
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
    "summary-kind-figure-carried-over": {"sv": "förra årets belopp är inte uppdaterat", "en": "last year's amount is not updated"},
    "summary-kind-docx-no-headings": {"sv": "Word-dokumentet har inga rubrikformatmallar", "en": "the Word document has no heading styles"},
    # -- what to do about each finding code (toolkit.checking.codes) ----
    "hint-section-missing": {"sv": "skriv avsnittet under en rubrik med beslutets titel eller ett alias, eller ge rubriken {#id}", "en": "write the section under a heading with the decision's title or an alias, or give the heading {#id}"},
    "hint-section-empty": {"sv": "skriv avsnittets text under rubriken", "en": "write the section's text under its heading"},
    "hint-section-too-short": {"sv": "utveckla texten till minst beslutets antal ord", "en": "expand the text to at least the decision's number of words"},
    "hint-section-placeholder": {"sv": "ersätt platshållaren med den riktiga texten", "en": "replace the placeholder with the real text"},
    "hint-section-duplicate": {"sv": "slå ihop texten under en rubrik", "en": "merge the text under one heading"},
    "hint-section-order": {"sv": "flytta avsnittet dit beslutet placerar det", "en": "move the section to where the decision places it"},
    "hint-section-carried-over": {"sv": "uppdatera texten och ta bort markeringen villkor:carried-over", "en": "update the text and remove the villkor:carried-over marker"},
    "hint-figure-carried-over": {"sv": "skriv årets belopp och ta bort markeringen villkor:carried-over", "en": "write this year's amount and remove the villkor:carried-over marker"},
    "hint-heading-unmatched": {"sv": "byt rubrik om den var menad som ett av beslutets avsnitt; annars behövs inget", "en": "rename the heading if it was meant as one of the decision's sections; otherwise nothing"},
    "hint-heading-unknown-id": {"sv": "rätta {#id} till ett id i beslutet (villkor conditions show)", "en": "correct {#id} to an id in the decision (villkor conditions show)"},
    "hint-figure-missing": {"sv": "ange beloppet i front matter under figures, eller i en tabellrad i Word", "en": "give the amount in the front matter under figures, or in a table row in Word"},
    "hint-figure-not-numeric": {"sv": "skriv beloppet som ett tal, t.ex. 88 000 000 kr eller 88 mnkr", "en": "write the amount as a number, e.g. 88 000 000 kr or 88 mnkr"},
    "hint-figure-inconsistent": {"sv": "rätta beloppen så att de går ihop", "en": "correct the amounts so that they add up"},
    "hint-figure-unknown": {"sv": "rätta nyckeltalets id (villkor conditions show listar dem)", "en": "correct the figure's id (villkor conditions show lists them)"},
    "hint-docx-no-headings": {"sv": "ge rubrikerna formatmallen Rubrik 1, Rubrik 2 …", "en": "give the headings the styles Heading 1, Heading 2 …"},
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
        "en": "the draft is incomplete ({errors} {errors:error|errors}); the memo is not written. Fix the errors or use --draft",
    },
    "memo-gaps": {
        "sv": "Beslutsunderlaget har {n} {n:lucka|luckor} att fylla i; ange dem i utkastets front matter: {keys}",
        "en": "The memo has {n} {n:gap|gaps} to fill; give them in the draft's front matter: {keys}",
    },
    # -- Word drafts: reading .docx, convert ------------------------------
    "docx-not-zip": {
        "sv": "filen är inte ett Word-dokument (.docx); öppna den i Word och spara som Word-dokument (.docx)",
        "en": "the file is not a Word document (.docx); open it in Word and save it as a Word document (.docx)",
    },
    "docx-not-document": {
        "sv": "filen är ett zip-arkiv men inget Word-dokument (kanske ett Excel- eller PowerPoint-dokument med fel filändelse)",
        "en": "the file is a zip archive but not a Word document (perhaps an Excel or PowerPoint file with the wrong extension)",
    },
    "docx-damaged": {
        "sv": "Word-dokumentet är skadat och går inte att läsa; öppna det i Word och spara det igen",
        "en": "the Word document is damaged and cannot be read; open it in Word and save it again",
    },
    "docx-encrypted": {
        "sv": "Word-dokumentet är lösenordsskyddat; spara en kopia utan lösenord (Arkiv > Info > Skydda dokument) och kontrollera den",
        "en": "the Word document is password-protected; save a copy without a password (File > Info > Protect Document) and check that",
    },
    "docx-legacy-doc": {
        "sv": "filen är i det gamla Word-formatet (.doc) eller lösenordsskyddad; spara den som Word-dokument (.docx) utan lösenord",
        "en": "the file is in the old Word format (.doc) or password-protected; save it as a Word document (.docx) without a password",
    },
    "docx-unpacked-too-large": {
        "sv": "Word-dokumentet packas upp till mer än {limit_mb} MB; det är för stort eller skadat",
        "en": "the Word document unpacks to more than {limit_mb} MB; it is too large or damaged",
    },
    "docx-empty": {"sv": "Word-dokumentet är tomt", "en": "the Word document is empty"},
    "docx-no-facts": {
        "sv": "dokumentet anger inte villkorsbeslut och region; lägg en tabell före första rubriken med raderna ”Villkorsbeslut | 2017” och ”Region | Region …”",
        "en": "the document gives no conditions decision and region; put a table before the first heading with the rows “Villkorsbeslut | 2017” and “Region | Region …”",
    },
    "docx-figure-twice": {
        "sv": "nyckeltalet ”{label}” anges två gånger med olika belopp (först i stycke {first})",
        "en": "the figure “{label}” is given twice with different amounts (first in paragraph {first})",
    },
    "docx-no-headings": {
        "sv": "Dokumentet har inga rubriker. Ge avsnittens rubriker formatmallen Rubrik 1, Rubrik 2 … (Heading 1, Heading 2 …) så att avsnitten kan kännas igen.",
        "en": "The document has no headings. Give the section headings the style Heading 1, Heading 2 … (Rubrik 1, Rubrik 2 … in Swedish Word) so that the sections can be recognised.",
    },
    "section-missing-hint-paragraph": {
        "sv": "Avsnittet ”{title}” saknas. Menade du rubriken ”{hint}” i stycke {hint_line}? Skriv rubriken som ”{title}” eller lägg till {{#{id}}} sist i rubriken.",
        "en": "The section “{title}” is missing. Did you mean the heading “{hint}” in paragraph {hint_line}? Write the heading as “{title}” or add {{#{id}}} at the end of the heading.",
    },
    "section-duplicate-paragraph": {
        "sv": "Avsnittet ”{title}” finns redan i stycke {first}.",
        "en": "The section “{title}” already appears in paragraph {first}.",
    },
    "figure-missing-paragraph": {
        "sv": "Nyckeltalet ”{label}” saknas (lägg till en tabellrad med ”{label}” och beloppet).",
        "en": "The figure “{label}” is missing (add a table row with “{label}” and the amount).",
    },
    "convert-not-docx": {
        "sv": "convert läser Word-dokument (.docx); den här filen är inget Word-dokument",
        "en": "convert reads Word documents (.docx); this file is not a Word document",
    },
    "new-region-empty": {"sv": "--region får inte vara tomt", "en": "--region must not be empty"},
    "amount-billions": {"sv": "{n} {one:miljard|miljarder} kronor", "en": "{n} billion kronor"},
    "amount-millions": {"sv": "{n} {one:miljon|miljoner} kronor", "en": "{n} million kronor"},
    "amount-kronor": {"sv": "{n} kronor", "en": "{n} kronor"},
    # -- command help (villkor --help, villkor COMMAND --help) --------------
    # click's own words (Usage:, Options, its errors) are in locale/sv/LC_MESSAGES/click.po
    "metavar-options": {"sv": "[FLAGGOR]", "en": "[OPTIONS]"},
    "metavar-command": {"sv": "KOMMANDO [ARGUMENT]...", "en": "COMMAND [ARGS]..."},
    "metavar-file": {"sv": "FIL", "en": "FILE"},
    "metavar-files": {"sv": "[FIL...]", "en": "[FILE...]"},
    "metavar-decision": {"sv": "ID|SÖKVÄG", "en": "ID|PATH"},
    "metavar-draft": {"sv": "UTKAST", "en": "DRAFT"},
    "metavar-drafts": {"sv": "UTKAST...", "en": "DRAFT..."},
    "metavar-docx": {"sv": "UTKAST.docx", "en": "DRAFT.docx"},
    "metavar-paths": {"sv": "SÖKVÄG...", "en": "PATH..."},
    "metavar-old": {"sv": "GAMMALT", "en": "OLD"},
    "metavar-new": {"sv": "NYTT", "en": "NEW"},
    "metavar-name": {"sv": "NAMN", "en": "NAME"},
    "metavar-last-draft": {"sv": "FÖRRA_UTKASTET", "en": "LAST_DRAFT"},
    "help-": {
        "sv": "Kontrollera, sammanfatta och rendera regionens återrapportering enligt årets villkorsbeslut för anslag 1:1.\n\n\b\nExempel:\n  villkor check reports/norrbotten-2017.md\n  villkor render reports/norrbotten-2017.md --format html -o out/rapport.html",
        "en": "Check, summarise and render the region's report under the year's conditions decision for appropriation 1:1.\n\n\b\nExamples:\n  villkor check reports/norrbotten-2017.md\n  villkor render reports/norrbotten-2017.md --format html -o out/report.html",
    },
    "help-opt-output": {"sv": "Skriv till FIL i stället för standard ut ('-' = standard ut).", "en": "Write to FILE instead of standard output ('-' = standard output)."},
    "help-opt-conditions": {"sv": "Villkorsbeslut att kontrollera mot (annars utkastets 'conditions').", "en": "Conditions decision to check against (else the draft's 'conditions')."},
    "help-opt-lang": {"sv": "Språk för meddelanden och rapporter (sv eller en).", "en": "Language of messages and reports (sv or en)."},
    "help-check": {
        "sv": "Kontrollera utkast mot villkorsbeslutet: vad saknas, var och enligt vilken punkt.\n\nExit 0 komplett, 1 ofullständigt, 2 kan inte kontrolleras.",
        "en": "Check drafts against the conditions decision: what is missing, where, and under which point.\n\nExit 0 complete, 1 incomplete, 2 cannot be checked.",
    },
    "help-check--fmt": {"sv": "text för terminalen, json för skript, md/html för granskarens sammanfattning.", "en": "text for the terminal, json for scripts, md/html for the reviewer's summary."},
    "help-check--strict": {"sv": "Varningar gör också utkastet ofullständigt (exit 1).", "en": "Warnings make the draft incomplete too (exit 1)."},
    "help-render": {
        "sv": "Rendera den färdiga rapporten (Markdown, HTML eller Word) från ett komplett utkast.\n\nEtt ofullständigt utkast vägras med exit 1 och dess brister, om inte --draft anges.",
        "en": "Render the finished report (Markdown, HTML or Word) from a complete draft.\n\nAn incomplete draft is refused with exit 1 and its findings, unless --draft is given.",
    },
    "help-render--draft_mode": {"sv": "Rendera även ett ofullständigt utkast, märkt 'Utkast – ofullständig'.", "en": "Render an incomplete draft too, marked 'Draft – incomplete'."},
    "help-render--strict": {"sv": "Vägra rendera också när varningar kvarstår (t.ex. överförd text).", "en": "Refuse to render while warnings remain too (e.g. carried-over text)."},
    "help-conditions": {
        "sv": "Villkorsbesluten: lista, visa, validera och jämför dem.\n\n\b\nExempel:\n  villkor conditions list\n  villkor conditions show 2018\n  villkor conditions validate\n  villkor conditions diff 2017 2018 --format md",
        "en": "The conditions decisions: list, show, validate and compare them.\n\n\b\nExamples:\n  villkor conditions list\n  villkor conditions show 2018\n  villkor conditions validate\n  villkor conditions diff 2017 2018 --format md",
    },
    "help-conditions-list": {"sv": "Lista kända villkorsbeslut: id, år, titel, tidsfrist och vilket beslut de bygger på.", "en": "List the known decisions: id, year, title, deadline and the decision each extends."},
    "help-conditions-show": {"sv": "Visa ett beslut efter arv: avsnitt, underavsnitt, nyckeltal, regler och tidsfrist.", "en": "Show a decision after inheritance: sections, sub-parts, figures, rules and deadline."},
    "help-conditions-validate": {
        "sv": "Validera villkorsfiler (standard: alla kända) och visa varje problem med fil och rad.\n\nExit 0 om alla är giltiga, 2 om någon är ogiltig.",
        "en": "Validate conditions files (default: all known) and show every problem with file and line.\n\nExit 0 when all are valid, 2 when any is invalid.",
    },
    "help-conditions-diff": {"sv": "Vad har ändrats mellan två beslut: avsnitt, nyckeltal, regler, tidsfrist och övriga uppgifter.", "en": "What changed between two decisions: sections, figures, rules, deadline and other facts."},
    "help-new": {"sv": "Skapa ett nytt utkast (Markdown eller Word-mall) med beslutets rubriker och vägledning, och förra årets text med --from.", "en": "Start a new draft (Markdown or a Word template) with the decision's headings and guidance, and last year's text with --from."},
    "help-new--decision": {"sv": "Villkorsbeslutet som utkastet ska följa.", "en": "The conditions decision the draft follows."},
    "help-new--region": {"sv": "Regionens namn, t.ex. \"Region Norrbotten\".", "en": "The region's name, e.g. \"Region Norrbotten\"."},
    "help-new--last": {"sv": "Förra årets utkast: dess text förs över, markerad som överförd.", "en": "Last year's draft: its text is carried over, marked as carried over."},
    "help-new--force": {"sv": "Skriv över --output om filen redan finns.", "en": "Overwrite --output if the file exists."},
    "help-summary": {
        "sv": "Sammanställ många utkast: omdöme per rapport, matris över delarna, belopp med summor per beslut och stödform, år för år per region, brister per slag.\n\nMappar genomsöks rekursivt. Med --output FIL i html eller md skrivs varje rapports sammanfattning på en sida till mappen FIL-namn-files/ bredvid. xlsx skrivs till --output FIL.xlsx; csv till --output MAPP (en fil per tabell), --output FIL.csv eller standard ut (beloppen). Exit 0 alla kompletta, 1 någon ofullständig eller ej kontrollerbar, 2 inget kunde kontrolleras.",
        "en": "Summarise many drafts: a verdict per report, a matrix of the parts, amounts with totals per decision and form of support, year over year per region, findings by kind.\n\nFolders are searched recursively. With --output FILE in html or md each report's one-page summary is written to the folder FILE-name-files/ beside it. xlsx is written to --output FILE.xlsx; csv to --output FOLDER (a file per table), --output FILE.csv or standard output (the amounts). Exit 0 all complete, 1 any incomplete or not checkable, 2 nothing could be checked.",
    },
    "help-summary--all_places": {"sv": "Text: visa alla platser för varje slags brist, inte bara de första.", "en": "Text: show every place for each kind of finding, not only the first."},
    "help-summary--strict": {"sv": "Varningar gör också en rapport ofullständig.", "en": "Warnings make a report incomplete too."},
    "help-memo": {
        "sv": "Utskottets beslutsunderlag för att godkänna återrapporteringen (som § 29 i protokollet).\n\nUppgifter som bara utskottet har (paragraf, utskott, styrelse, mötesdatum, yttrande, mottagare) hämtas från utkastets front matter under memo:, från rader i ett Word-utkasts faktatabell eller från flaggorna nedan; det som saknas visas som en lucka att fylla i. Ett ofullständigt utkast vägras med exit 1, om inte --draft anges.",
        "en": "The committee's memo for approving the report (like § 29 in the minutes).\n\nFacts only the committee has (paragraph, committee, board, meeting dates, statement, recipients) come from the draft's front matter under memo:, from rows of a Word draft's facts table or from the options below; what is missing is shown as a gap to fill. An incomplete draft is refused with exit 1, unless --draft is given.",
    },
    "help-memo--draft_mode": {"sv": "Skriv underlaget även för ett ofullständigt utkast, märkt 'Utkast – ofullständig'.", "en": "Write the memo for an incomplete draft too, marked 'Draft – incomplete'."},
    "help-convert": {
        "sv": "Gör om ett Word-utkast (.docx) till ett Markdown-utkast som kontrolleras likadant.\n\nUtan --output skrivs Markdown till standard ut; Word-filen ändras aldrig.",
        "en": "Convert a Word draft (.docx) into a Markdown draft that checks the same.\n\nWithout --output the Markdown goes to standard output; the Word file is never changed.",
    },
    # -- limits and safety ------------------------------------------------
    "conditions-extends-outside": {
        "sv": "extends: '{id}' ligger utanför beslutets mapp och villkorsmapparna; ange ett besluts id",
        "en": "extends: '{id}' lies outside the decision's folder and the conditions folders; give a decision's id",
    },
}

# -- files the tool writes and refuses to write; summary over folders ------
# (TRUST_OUTPUTS)
CATALOGUE.update({
    # why a file or folder could not be read, in the catalogue's words (no system text in English)
    "input-reason-not-dir": {"sv": "filen går inte att läsa: en del av sökvägen är en fil, inte en mapp",
                             "en": "the file cannot be read: part of the path is a file, not a folder"},
    "input-reason-denied": {"sv": "filen går inte att läsa (behörighet saknas)", "en": "the file cannot be read (permission denied)"},
    "input-reason-full": {"sv": "filen går inte att läsa: disken är full", "en": "the file cannot be read: the disk is full"},
    "input-reason-read-only": {"sv": "filen går inte att läsa: filsystemet är skrivskyddat",
                               "en": "the file cannot be read: the file system is read-only"},
    "input-reason-name-too-long": {"sv": "filen går inte att läsa: filnamnet är för långt",
                                   "en": "the file cannot be read: the file name is too long"},
    "input-reason-loop": {"sv": "filen går inte att läsa: symboliska länkar pekar på varandra i en slinga",
                          "en": "the file cannot be read: symbolic links point to each other in a loop"},
    "input-reason-too-big": {"sv": "filen går inte att läsa: den är större än systemet tillåter",
                             "en": "the file cannot be read: it is larger than the system allows"},
    "input-reason-io": {"sv": "filen går inte att läsa: läsfel på disken", "en": "the file cannot be read: a disk read error"},
    "input-reason-is-dir": {"sv": "är en mapp, inte en fil", "en": "is a folder, not a file"},
    "input-reason-gone": {"sv": "filen försvann medan den lästes", "en": "the file disappeared while it was read"},
    # why an output could not be written
    "output-reason-name-too-long": {"sv": "kunde inte skriva filen: filnamnet är för långt",
                                    "en": "could not write the file: the file name is too long"},
    "output-reason-loop": {"sv": "kunde inte skriva filen: symboliska länkar pekar på varandra i en slinga; ange ett annat filnamn",
                           "en": "could not write the file: symbolic links point to each other in a loop; give another file name"},
    "output-reason-too-big": {"sv": "kunde inte skriva filen: den blir större än systemet tillåter",
                              "en": "could not write the file: it would be larger than the system allows"},
    "output-reason-io": {"sv": "kunde inte skriva filen: skrivfel på disken", "en": "could not write the file: a disk write error"},
    "output-reason-is-dir": {"sv": "utdatasökvägen är en mapp; ange ett filnamn", "en": "the output path is a folder; give a file name"},
    "output-reason-gone": {"sv": "kunde inte skriva filen: en mapp på vägen försvann", "en": "could not write the file: a folder on the way disappeared"},
    # what the tool refuses to write
    "output-trailing-slash": {
        "sv": "utdatasökvägen slutar med '/' och är alltså en mapp; ange ett filnamn, till exempel ut/rapport.html",
        "en": "the output path ends in '/' and so names a folder; give a file name, for example out/rapport.html",
    },
    "output-protected": {
        "sv": "skriver inte i verktygets egna filer ({folder}): de behövs för varje körning; välj en annan --output",
        "en": "will not write into the tool's own files ({folder}): every run needs them; choose another --output",
    },
    "output-read-only-file": {
        "sv": "filen är skrivskyddad och skrivs inte över; ta bort skrivskyddet eller välj en annan --output",
        "en": "the file is read-only and is not overwritten; remove the protection or choose another --output",
    },
    # the folder of one-page summaries beside summary's --output
    "summary-pages-not-folder": {
        "sv": "här ska mappen för sammanfattningarna per rapport ligga, men det finns en fil med det namnet; välj en annan --output",
        "en": "the folder for the per-report summaries goes here, but a file has that name; choose another --output",
    },
    "summary-pages-foreign": {
        "sv": "mappen för sammanfattningarna per rapport innehåller {name}, som villkor inte har skrivit; mappen ersätts inte. Flytta filen eller välj en annan --output",
        "en": "the folder for the per-report summaries holds {name}, which villkor did not write; the folder is not replaced. Move the file or choose another --output",
    },
    "summary-pages-changed": {
        "sv": "{name} i mappen för sammanfattningarna per rapport har ändrats sedan villkor skrev den; mappen ersätts inte. Flytta filen eller välj en annan --output",
        "en": "{name} in the folder for the per-report summaries was changed after villkor wrote it; the folder is not replaced. Move the file or choose another --output",
    },
    "summary-pages-manifest-broken": {
        "sv": "mappens förteckning över vad villkor har skrivit ({manifest}) är skadad; mappen ersätts inte. Välj en annan --output",
        "en": "the folder's list of what villkor wrote ({manifest}) is damaged; the folder is not replaced. Choose another --output",
    },
    # summary over folders
    "summary-folder-denied": {
        "sv": "mappen går inte att läsa (behörighet saknas); utkasten i den är inte med i sammanställningen",
        "en": "the folder cannot be read (permission denied); the drafts in it are not in the summary",
    },
    "summary-folder-unreadable": {
        "sv": "mappen går inte att läsa; utkasten i den är inte med i sammanställningen",
        "en": "the folder cannot be read; the drafts in it are not in the summary",
    },
    "summary-no-drafts-skipped": {
        "sv": "inga utkast hittades i {paths}: {n:filen|de {n} filerna} som hittades saknar front matter och hoppades över",
        "en": "no drafts found in {paths}: {n:the file|the {n} files} found {n:has|have} no front matter and {n:was|were} skipped",
    },
    "summary-none-checked": {
        "sv": "inget utkast kunde kontrolleras ({n} {n:fel|fel}, se ovan)",
        "en": "no draft could be checked ({n} {n:failure|failures}, see above)",
    },
    # the run itself
    "cli-stopped": {"sv": "Avbrutet; inga halvskrivna filer lämnades kvar.", "en": "Stopped; no half-written files were left behind."},
    "cli-file-error": {"sv": "{file}: {reason}", "en": "{file}: {reason}"},
    "stdout-failed": {"sv": "kunde inte skriva till standard ut: {reason}; ange --output FIL",
                      "en": "could not write to standard output: {reason}; give --output FILE"},
    "os-reason-closed": {"sv": "den är stängd", "en": "it is closed"},
    "os-reason-not-dir": {"sv": "en del av sökvägen är en fil, inte en mapp", "en": "part of the path is a file, not a folder"},
    "os-reason-denied": {"sv": "behörighet saknas", "en": "permission denied"},
    "os-reason-full": {"sv": "disken är full", "en": "the disk is full"},
    "os-reason-read-only": {"sv": "filsystemet är skrivskyddat", "en": "the file system is read-only"},
    "os-reason-name-too-long": {"sv": "filnamnet är för långt", "en": "the file name is too long"},
    "os-reason-loop": {"sv": "symboliska länkar pekar på varandra i en slinga", "en": "symbolic links point to each other in a loop"},
    "os-reason-too-big": {"sv": "filen blir större än systemet tillåter", "en": "the file would be larger than the system allows"},
    "os-reason-io": {"sv": "in- eller utmatningsfel på disken", "en": "a disk input or output error"},
    "os-reason-is-dir": {"sv": "det är en mapp", "en": "it is a folder"},
    "os-reason-gone": {"sv": "filen eller mappen finns inte", "en": "no such file or folder"},
    # decisions
    "conditions-extends-too-deep": {
        "sv": "extends: fler än {limit} beslut bygger på varandra i en kedja (från '{first}'); gränsen är {limit}",
        "en": "extends: more than {limit} decisions build on each other in one chain (from '{first}'); the limit is {limit}",
    },
})

# -- limits on size, depth, headings and unpacked Word files ---------------
# (TRUST_LIMITS)
CATALOGUE.update({
    "docx-too-many-paragraphs": {
        "sv": "Word-dokumentet har fler än {limit} stycken; en rapport har några hundra – är det rätt fil?",
        "en": "the Word document has more than {limit} paragraphs; a report has a few hundred – is it the right file?",
    },
    "docx-xml-too-large": {
        "sv": "Word-dokumentets text och formatering packas upp till mer än {limit_mb} MB XML; "
              "en lång rapport har några få MB – är det rätt fil?",
        "en": "the Word document's text and formatting unpack to more than {limit_mb} MB of XML; "
              "a long report has a few MB – is it the right file?",
    },
    "schema-too-many": {
        "sv": "minst {limit} fel; bara de första visas – rätta dem och kontrollera igen",
        "en": "at least {limit} errors; only the first are shown – correct them and check again",
    },
    "report-more-of-kind": {
        "sv": "… och {n} till av samma slag ({kind})",
        "en": "… and {n} more of the same kind ({kind})",
    },
    "draft-too-many-headings": {
        "sv": "utkastet har fler än {limit} rubriker; en rapport har några tiotal – är det rätt fil, "
              "eller har vanlig text fått rubrikformat?",
        "en": "the draft has more than {limit} headings; a report has a few dozen – is it the right file, "
              "or has body text been given a heading style?",
    },
})

# -- what keeps a draft from being called complete by mistake; the memo's facts ---
# (TRUST_VERDICT)
CATALOGUE.update({
    # values that must be one line of plain text
    "value-line-break": {"sv": "{path}: värdet ska stå på en enda rad, men har en radbrytning efter ”{before}”",
                         "en": "{path}: the value must be on one line, but has a line break after “{before}”"},
    "value-line-break-start": {"sv": "{path}: värdet ska stå på en enda rad, men börjar med en radbrytning",
                               "en": "{path}: the value must be on one line, but starts with a line break"},
    "value-control-char": {"sv": "{path}: värdet innehåller det osynliga tecknet {char} efter ”{before}”; ta bort det",
                           "en": "{path}: the value contains the invisible character {char} after “{before}”; remove it"},
    "value-control-char-start": {"sv": "{path}: värdet börjar med det osynliga tecknet {char}; ta bort det",
                                 "en": "{path}: the value starts with the invisible character {char}; remove it"},
    "figure-reordering-char": {
        "sv": "Nyckeltalet ”{label}” innehåller det osynliga tecknet {char} efter ”{before}”, som kan visa siffrorna "
              "i en annan ordning än de läses; skriv beloppet utan det.",
        "en": "The figure “{label}” contains the invisible character {char} after “{before}”, which can show the digits "
              "in another order than they are read; write the amount without it.",
    },
    "figure-reordering-char-start": {
        "sv": "Nyckeltalet ”{label}” börjar med det osynliga tecknet {char}, som kan visa siffrorna i en annan ordning "
              "än de läses; skriv beloppet utan det.",
        "en": "The figure “{label}” starts with the invisible character {char}, which can show the digits in another "
              "order than they are read; write the amount without it.",
    },
    # schema messages that say what was written and what is allowed
    "schema-type-bool": {
        "sv": "{path}: '{written}' lästes som ett sanningsvärde (ja/nej), men här ska stå {constraint:types}; "
              "sätt det inom citattecken: \"{written}\"",
        "en": "{path}: '{written}' was read as a truth value (yes/no), but this must be {constraint:types}; "
              "put it in quotes: \"{written}\"",
    },
    "schema-regex-id": {
        "sv": "{path}: '{value}' har fel form (bokstäverna a–z, stora eller små, siffror, - och _; först en bokstav eller siffra)",
        "en": "{path}: '{value}' has the wrong form (the letters a–z, upper or lower case, digits, - and _; first a letter or digit)",
    },
    "schema-regex-other": {"sv": "{path}: '{value}' har fel form (ska matcha {constraint})",
                           "en": "{path}: '{value}' has the wrong form (must match {constraint})"},
    "figure-not-numeric-bool": {
        "sv": "Nyckeltalet ”{label}” är inte ett belopp: ”{value}” lästes som ett sanningsvärde (ja/nej). Skriv beloppet som ett tal.",
        "en": "The figure “{label}” is not an amount: “{value}” was read as a truth value (yes/no). Write the amount as a number.",
    },
    # decisions that could never check correctly
    "conditions-rule-total-in-parts": {
        "sv": "regeln '{rule}': summan '{id}' står också bland delarna; en summa kan inte vara en av sina egna delar",
        "en": "rule '{rule}': the total '{id}' is also among the parts; a total cannot be one of its own parts",
    },
    "conditions-rule-units": {
        "sv": "regeln '{rule}' lägger ihop nyckeltal med olika enheter: {figures}; en summa kan bara lägga ihop samma enhet",
        "en": "rule '{rule}' adds figures of different units: {figures}; a sum can only add one unit",
    },
    "conditions-name-clash": {
        "sv": "avsnittet '{id}': ”{text}” är samma namn som avsnittet '{other}' (rad {first}) har, när skiftläge, "
              "skiljetecken och numrering räknas bort; en rubrik kan inte skilja dem åt. Byt titel eller alias",
        "en": "section '{id}': “{text}” is the same name as section '{other}' (line {first}) has, once case, "
              "punctuation and numbering are set aside; a heading cannot tell them apart. Change the title or alias",
    },
    "conditions-name-empty": {
        "sv": "avsnittet '{id}': {field} ”{text}” har inga bokstäver eller siffror utöver numrering och kan aldrig matcha en rubrik",
        "en": "section '{id}': {field} “{text}” has no letters or digits beyond numbering and can never match a heading",
    },
    # refusing with --strict: say it is the warnings, not "0 errors"
    "render-incomplete-strict": {
        "sv": "utkastet har {warnings} {warnings:varning|varningar} och renderas inte med --strict; åtgärda dem eller rendera utan --strict",
        "en": "the draft has {warnings} {warnings:warning|warnings} and is not rendered with --strict; fix them or render without --strict",
    },
    "memo-incomplete-strict": {
        "sv": "utkastet har {warnings} {warnings:varning|varningar}; med --strict skrivs beslutsunderlaget inte. Åtgärda dem eller skriv det utan --strict",
        "en": "the draft has {warnings} {warnings:warning|warnings}; with --strict the memo is not written. Fix them or write it without --strict",
    },
    "memo-warnings": {
        "sv": "{file}: beslutsunderlaget skrevs, men {n} {n:varning|varningar} kvarstår; --strict vägrar skriva det då:",
        "en": "{file}: the memo was written, but {n} {n:warning|warnings} remain; --strict refuses to write it then:",
    },
    "help-memo--strict": {"sv": "Vägra skriva underlaget också när varningar kvarstår (t.ex. förra årets belopp).",
                          "en": "Refuse to write the memo while warnings remain too (e.g. last year's amounts)."},
    # the memo's facts: marked gaps, never invented
    "memo-gap-carried-over": {"sv": "[förra årets belopp, inte uppdaterat]", "en": "[last year's amount, not updated]"},
    "memo-gap-year": {"sv": "[år saknas i beslutet]", "en": "[year missing in the decision]"},
    "memo-gap-issuer": {"sv": "[departement saknas i beslutet]", "en": "[ministry missing in the decision]"},
    "memo-gap-appropriation": {"sv": "[anslag saknas i beslutet]", "en": "[appropriation missing in the decision]"},
    "memo-decision-gaps": {
        "sv": "Villkorsbeslutet {id} anger inte {keys}; beslutsunderlaget visar {n:luckan|luckorna}. Ange {n:uppgiften|uppgifterna} i {file}.",
        "en": "The conditions decision {id} does not give {keys}; the memo shows {n:the gap|the gaps}. Give {n:it|them} in {file}.",
    },
    # placeholders outside the decision's sections
    "text-placeholder-preamble": {
        "sv": "Texten före det första avsnittet innehåller platshållartext: ”{text}”; den kommer med i rapporten.",
        "en": "The text before the first section contains placeholder text: “{text}”; it goes into the report.",
    },
    "text-placeholder-extra": {
        "sv": "Delen ”{heading}” innehåller platshållartext: ”{text}”; den kommer med i rapporten.",
        "en": "The part “{heading}” contains placeholder text: “{text}”; it goes into the report.",
    },
    "fact-placeholder": {
        "sv": "Uppgiften {key} innehåller platshållartext: ”{text}”; den kommer med i rapporten.",
        "en": "The fact {key} contains placeholder text: “{text}”; it goes into the report.",
    },
    "summary-kind-text-placeholder": {"sv": "platshållartext utanför beslutets avsnitt", "en": "placeholder text outside the decision's sections"},
    "hint-text-placeholder": {"sv": "ersätt platshållaren med den riktiga texten eller ta bort den",
                              "en": "replace the placeholder with the real text or remove it"},
    "summary-kind-fact-placeholder": {"sv": "platshållartext i en uppgift på försättsbladet (region, mottagare …)",
                                      "en": "placeholder text in a fact on the cover (region, recipient …)"},
    "hint-fact-placeholder": {"sv": "skriv den riktiga uppgiften i front matter eller i Word-dokumentets faktatabell",
                              "en": "write the real fact in the front matter or in the Word document's facts table"},
})

# -- figures: units, table columns, plausibility, deadlines, duplicates ----
# (FIGURES)
CATALOGUE.update({
    # findings about figures read from Word tables and front matter
    "figure-unit-mismatch": {
        "sv": "Nyckeltalet ”{label}” är skrivet i {unit} (”{value}”), men beslutet anger det i {figure_unit}.",
        "en": "The figure “{label}” is written in {unit} (“{value}”), but the decision gives it in {figure_unit}.",
    },
    "figure-unit-mismatch-header": {
        "sv": "Nyckeltalet ”{label}” (”{value}”) står i kolumnen ”{header}”, vars enhet är {unit}, men beslutet anger det i {figure_unit}.",
        "en": "The figure “{label}” (“{value}”) is in the column “{header}”, whose unit is {unit}, but the decision gives it in {figure_unit}.",
    },
    "figure-unit-mismatch-cell": {
        "sv": "Nyckeltalet ”{label}” (”{value}”) har enheten {unit} i radens enhetscell, men beslutet anger det i {figure_unit}.",
        "en": "The figure “{label}” (“{value}”) has the unit {unit} in its row's unit cell, but the decision gives it in {figure_unit}.",
    },
    "figure-unit-unclear-two": {
        "sv": "Kolumnrubriken ”{header}” i tabellen i stycke {table} anger flera enheter ({units}); det går inte att veta vilken som gäller för ”{label}”. Skriv en enda enhet i rubriken, eller enheten vid beloppet.",
        "en": "The column header “{header}” in the table at paragraph {table} names several units ({units}); which one applies to “{label}” cannot be known. Write one unit in the header, or the unit with the amount.",
    },
    "figure-unit-unclear-footnote": {
        "sv": "Enheten för ”{label}” i tabellen i stycke {table} anges med en fotnot (”{header}”), och fotnoter läses inte. Skriv enheten i kolumnrubriken, t.ex. ”Belopp (tkr)”, eller vid beloppet.",
        "en": "The unit of “{label}” in the table at paragraph {table} is given by a footnote (“{header}”), and footnotes are not read. Write the unit in the column header, e.g. “Belopp (tkr)”, or with the amount.",
    },
    "figure-unit-unclear-cell": {
        "sv": "Enhetscellen för ”{label}” i tabellen i stycke {table} (”{unit}”) är ingen enhet som går att läsa; skriv t.ex. kr, tkr, mnkr eller %.",
        "en": "The unit cell of “{label}” in the table at paragraph {table} (“{unit}”) is not a unit that can be read; write e.g. kr, tkr, mnkr or %.",
    },
    "figure-column-ambiguous": {
        "sv": "Tabellen i stycke {table} har flera kolumner med belopp ({columns}); det går inte att veta vilken som gäller för ”{label}”. Ge årets kolumn en rubrik med året, t.ex. ”Utfall {year}”, eller ta bort de andra.",
        "en": "The table at paragraph {table} has several columns of amounts ({columns}); which one applies to “{label}” cannot be known. Head this year's column with the year, e.g. “Utfall {year}”, or remove the others.",
    },
    "figure-column-year": {
        "sv": "Beloppet för ”{label}” står i kolumnen ”{header}”, som gäller {column_year}, men rapporten avser {year}. Kontrollera att det är årets belopp.",
        "en": "The amount of “{label}” is in the column “{header}”, which is for {column_year}, but the report is for {year}. Check that it is this year's amount.",
    },
    "figure-merged-cell": {
        "sv": "Beloppet för ”{label}” i tabellen i stycke {table} står i en sammanfogad cell; det går inte att veta vilken kolumn eller rad det gäller. Dela cellen så att varje belopp har sin egen cell.",
        "en": "The amount of “{label}” in the table at paragraph {table} is in a merged cell; which column or row it belongs to cannot be known. Split the cell so that each amount has its own cell.",
    },
    "figure-repeated": {
        "sv": "Nyckeltalet ”{label}” står två gånger med olika belopp: ”{first_value}” (stycke {first}) och ”{second_value}” (stycke {second}). Behåll det som gäller.",
        "en": "The figure “{label}” is given twice with different amounts: “{first_value}” (paragraph {first}) and “{second_value}” (paragraph {second}). Keep the one that applies.",
    },
    "figure-negative": {
        "sv": "Nyckeltalet ”{label}” är negativt: {value} (skrivet ”{written}”). Ett belopp kan inte vara mindre än noll.",
        "en": "The figure “{label}” is negative: {value} (written “{written}”). An amount cannot be less than zero.",
    },
    "figure-implausible": {
        "sv": "Nyckeltalet ”{label}” lästes som {value} (skrivet ”{written}”), utanför det rimliga enligt beslutet ({min} till {max}). Kontrollera beloppet och enheten (kr, tkr, mnkr).",
        "en": "The figure “{label}” was read as {value} (written “{written}”), outside what the decision considers plausible ({min} to {max}). Check the amount and its unit (kr, tkr, mnkr).",
    },
    "report-late": {
        "sv": "Utkastet är daterat {date}, efter beslutets sista dag för återrapporteringen, {due} ({due_text}).",
        "en": "The draft is dated {date}, after the decision's due date for the report, {due} ({due_text}).",
    },
    "conditions-override-missing": {
        "sv": "Utkastet anger inget villkorsbeslut; det kontrolleras mot {id}, som angavs med --conditions.",
        "en": "The draft names no conditions decision; it is checked against {id}, given with --conditions.",
    },
    "conditions-override-differs": {
        "sv": "Utkastet anger villkorsbeslut {draft}, men det kontrolleras mot {id}, som angavs med --conditions.",
        "en": "The draft names the conditions decision {draft}, but it is checked against {id}, given with --conditions.",
    },
    # the registry's descriptions and hints (README table, summary groups)
    "summary-kind-figure-unit-mismatch": {"sv": "nyckeltalet har fel slags enhet", "en": "the figure has the wrong kind of unit"},
    "hint-figure-unit-mismatch": {"sv": "skriv beloppet i beslutets enhet, eller rätta enheten i tabellens rubrik", "en": "write the amount in the decision's unit, or correct the unit in the table's header"},
    "summary-kind-figure-unit-unclear": {"sv": "beloppets enhet går inte att veta", "en": "the amount's unit cannot be known"},
    "hint-figure-unit-unclear": {"sv": "skriv en enhet i kolumnrubriken, t.ex. Belopp (tkr), eller vid beloppet", "en": "write one unit in the column header, e.g. Belopp (tkr), or with the amount"},
    "summary-kind-figure-column-ambiguous": {"sv": "tabellen har flera kolumner med belopp", "en": "the table has several columns of amounts"},
    "hint-figure-column-ambiguous": {"sv": "ge årets kolumn en rubrik med året, t.ex. Utfall 2017", "en": "head this year's column with the year, e.g. Utfall 2017"},
    "summary-kind-figure-column-year": {"sv": "beloppet står i en kolumn för ett annat år", "en": "the amount is in a column for another year"},
    "hint-figure-column-year": {"sv": "kontrollera att beloppet är årets och rätta kolumnrubriken", "en": "check that the amount is this year's and correct the column header"},
    "summary-kind-figure-merged-cell": {"sv": "beloppet står i en sammanfogad cell", "en": "the amount is in a merged cell"},
    "hint-figure-merged-cell": {"sv": "dela cellen så att varje belopp har sin egen cell", "en": "split the cell so that each amount has its own cell"},
    "summary-kind-figure-repeated": {"sv": "nyckeltalet står två gånger med olika belopp", "en": "the figure is given twice with different amounts"},
    "hint-figure-repeated": {"sv": "behåll beloppet som gäller och ta bort det andra", "en": "keep the amount that applies and remove the other"},
    "summary-kind-figure-negative": {"sv": "nyckeltalet är negativt", "en": "the figure is negative"},
    "hint-figure-negative": {"sv": "skriv beloppet utan minustecken", "en": "write the amount without a minus sign"},
    "summary-kind-figure-implausible": {"sv": "beloppet ligger utanför beslutets rimliga gränser", "en": "the amount is outside the decision's plausible bounds"},
    "hint-figure-implausible": {"sv": "kontrollera beloppet och enheten (kr, tkr, mnkr)", "en": "check the amount and its unit (kr, tkr, mnkr)"},
    "summary-kind-report-late": {"sv": "utkastet är daterat efter beslutets sista dag", "en": "the draft is dated after the decision's due date"},
    "hint-report-late": {"sv": "kontrollera datum och tidsfrist", "en": "check the date and the deadline"},
    "summary-kind-conditions-override": {"sv": "beslutet angavs med --conditions", "en": "the decision was given with --conditions"},
    "hint-conditions-override": {"sv": "ange conditions i utkastet om beslutet ska gälla alltid", "en": "give conditions in the draft if the decision always applies"},
    # decisions: plausible bounds
    "conditions-bound-not-amount": {
        "sv": "{bound} för nyckeltalet '{id}' är inte ett belopp i nyckeltalets enhet: {value}",
        "en": "{bound} of the figure '{id}' is not an amount in the figure's unit: {value}",
    },
    "conditions-bounds-order": {"sv": "min för nyckeltalet '{id}' är större än max", "en": "min of the figure '{id}' is greater than max"},
    # the figures as read, shown back (check text, one-page summary)
    "figures-as-read": {"sv": "Nyckeltal som de lästes", "en": "Figures as read"},
    "col-as-read": {"sv": "Läst som", "en": "Read as"},
    "col-written": {"sv": "Skrivet", "en": "Written"},
    "col-how-read": {"sv": "Så lästes det", "en": "How it was read"},
    "figure-read-amount": {"sv": "enheten skriven vid beloppet", "en": "unit written with the amount"},
    "figure-read-header": {"sv": "enheten från rubriken ”{header}”", "en": "unit from the header “{header}”"},
    "figure-read-cell": {"sv": "enheten från radens enhetscell", "en": "unit from the row's unit cell"},
    "figure-read-figure": {"sv": "ingen enhet skriven: {unit} enligt beslutet", "en": "no unit written: {unit} as the decision says"},
    "figure-read-column": {"sv": "kolumnen ”{header}”", "en": "the column “{header}”"},
    "figure-read-table": {"sv": "tabellen i stycke {table}", "en": "the table at paragraph {table}"},
    "figure-read-front-matter": {"sv": "front matter, rad {line}", "en": "front matter, line {line}"},
    "unit-name-kr": {"sv": "kronor", "en": "kronor"},
    "unit-name-procent": {"sv": "procent", "en": "per cent"},
    "unit-name-antal": {"sv": "antal", "en": "count"},
    # summary: several drafts for one region and decision
    "summary-duplicates": {"sv": "Flera utkast för samma region och beslut", "en": "Several drafts for the same region and decision"},
    "summary-duplicates-none": {"sv": "inga", "en": "none"},
    "summary-duplicate-current": {
        "sv": "{region}, beslut {conditions}: {file} gäller (senast daterat); ersatta: {others}",
        "en": "{region}, decision {conditions}: {file} is current (latest date); superseded: {others}",
    },
    "summary-duplicate-possible": {
        "sv": "möjlig dubblett, beslut {conditions}: regionen stavas {names} ({files}); slås inte ihop, kontrollera regionens namn",
        "en": "possible duplicate, decision {conditions}: the region is spelt {names} ({files}); not merged, check the region's name",
    },
    "summary-duplicate-undecided": {
        "sv": "{region}, beslut {conditions}: flera utkast ({files}) med samma datum och ändringstid; det går inte att veta vilket som gäller",
        "en": "{region}, decision {conditions}: several drafts ({files}) with the same date and modification time; which one is current cannot be known",
    },
    "summary-superseded-by": {"sv": "ersatt av {file}", "en": "superseded by {file}"},
    "summary-possible-duplicate-of": {"sv": "möjlig dubblett av {file}", "en": "possible duplicate of {file}"},
    "col-note": {"sv": "Anmärkning", "en": "Note"},
})

# -- Word documents written by the tool: report, template, memo ------------
# (WORD_OUT)
CATALOGUE.update({
    # labels of the facts table the reader knows and the writers write
    "docx-label-paragraf": {"sv": "Paragraf", "en": "Paragraph"},
    "docx-label-utskott": {"sv": "Utskott", "en": "Committee"},
    "docx-label-styrelse": {"sv": "Styrelse", "en": "Board"},
    "docx-label-sammantradesdatum": {"sv": "Sammanträdesdatum", "en": "Committee meeting"},
    "docx-label-styrelsemote": {"sv": "Styrelsemöte", "en": "Board meeting"},
    "docx-label-skickas-till": {"sv": "Skickas till", "en": "Sent to"},
    "docx-label-yttrande": {"sv": "Yttrande", "en": "Statement"},
    "docx-cover-decision-title": {"sv": "Beslutets titel", "en": "Title of the decision"},
    # what the Word reader did not read
    "docx-skipped": {"sv": "Något i Word-dokumentet lästes inte.", "en": "Something in the Word document was not read."},
    "summary-kind-docx-skipped": {"sv": "något i Word-dokumentet lästes inte", "en": "something in the Word document was not read"},
    "hint-docx-skipped": {
        "sv": "skriv det som ska räknas som vanliga stycken; annars behövs inget",
        "en": "write what should count as ordinary paragraphs; otherwise nothing is needed",
    },
    "docx-skipped-toc": {
        "sv": "Innehållsförteckningen lästes inte; den räknas inte till något avsnitt.",
        "en": "The table of contents was not read; it counts towards no section.",
    },
    "docx-skipped-image": {
        "sv": "{n} {n:bild|bilder} lästes inte; bara text räknas, och bilder kommer inte med i den renderade rapporten.",
        "en": "{n} {n:image was|images were} not read; only text counts, and images are not carried into the rendered report.",
    },
    "docx-skipped-textbox": {
        "sv": "Texten i {n} {n:textruta|textrutor} lästes inte; flytta den till vanliga stycken om den ska räknas.",
        "en": "The text in {n} {n:text box|text boxes} was not read; move it into ordinary paragraphs if it should count.",
    },
    "docx-skipped-footnote": {
        "sv": "{n} {n:fotnot|fotnoter} eller slutnoter lästes inte; skriv texten i stycket om den ska räknas.",
        "en": "{n} {n:footnote|footnotes} or endnotes were not read; write the text in the paragraph if it should count.",
    },
    "docx-skipped-comment": {"sv": "{n} {n:kommentar|kommentarer} lästes inte.", "en": "{n} {n:comment was|comments were} not read."},
    "docx-skipped-equation": {"sv": "{n} {n:ekvation|ekvationer} lästes inte.", "en": "{n} {n:equation was|equations were} not read."},
    "docx-skipped-object": {"sv": "{n} inbäddade objekt lästes inte.", "en": "{n} embedded {n:object was|objects were} not read."},
    "docx-skipped-guidance": {
        "sv": "{n} {n:stycke|stycken} med beslutets vägledning lästes inte som text (formatmallen Vägledning saknas eller har bytt namn).",
        "en": "{n} {n:paragraph|paragraphs} of the decision's guidance {n:was|were} not read as text (the style Guidance is missing or renamed).",
    },
    "section-empty-optional": {
        "sv": "Det frivilliga avsnittet ”{title}” är tomt; skriv texten eller ta bort rubriken.",
        "en": "The optional section “{title}” is empty; write its text or remove the heading.",
    },
    # the Word documents the tool writes
    "docx-footer": {"sv": "Sida {page} av {pages}", "en": "Page {page} of {pages}"},
    "docx-new-intro": {
        "sv": "Mall för villkorsbeslut {id}: {title}. Ska lämnas senast {due}. Stycken i formatmallen Vägledning, som det här, läses inte av villkor och kommer inte med i den färdiga rapporten. Skriv texten under rubrikerna och beloppen i tabellerna, och kontrollera med villkor check.",
        "en": "Template for conditions decision {id}: {title}. Due {due}. Paragraphs in the style Guidance, like this one, are not read by villkor and do not appear in the finished report. Write the text under the headings and the amounts in the tables, and check with villkor check.",
    },
    "docx-memo-rows": {
        "sv": "Raderna från {first} och nedåt används bara i utskottets beslutsunderlag (villkor memo); det som lämnas tomt blir en markerad lucka i underlaget.",
        "en": "The rows from {first} down are used only in the committee's memo (villkor memo); what is left empty becomes a marked gap in the memo.",
    },
    "docx-optional": {
        "sv": "Frivilligt avsnitt: skriv texten under rubriken, eller ta bort rubriken om regionen inte redovisar det.",
        "en": "Optional section: write the text under the heading, or remove the heading if the region does not report on it.",
    },
    "docx-carried": {
        "sv": "Överförd text från {source} (avsnittet ”{title}”, {year}): uppdatera texten och ta bort det här stycket. [{marker}]",
        "en": "Text carried over from {source} (the section “{title}”, {year}): update the text and remove this paragraph. [{marker}]",
    },
    "docx-figure-carried": {
        "sv": "Förra årets belopp ({year}): skriv årets belopp och ta bort den här anmärkningen. [{marker}]",
        "en": "Last year's amount ({year}): write this year's amount and remove this note. [{marker}]",
    },
    "docx-col-note": {"sv": "Anmärkning", "en": "Note"},
    # command line: Word output
    "cli-docx-needs-output": {
        "sv": "ett Word-dokument skrivs till en fil; ange --output FIL.docx",
        "en": "a Word document is written to a file; give --output FILE.docx",
    },
    "output-docx-suffix": {
        "sv": "ett Word-dokument ska ha filändelsen .docx; ange --output FIL.docx",
        "en": "a Word document needs the extension .docx; give --output FILE.docx",
    },
    "output-word-suffix-flag": {
        "sv": "filändelsen säger Word-dokument, men --format {fmt} skriver {what}; lägg till --format docx för ett Word-dokument, eller välj ett namn som slutar på {ext}",
        "en": "the extension says Word document, but --format {fmt} writes {what}; add --format docx for a Word document, or choose a name ending in {ext}",
    },
    "output-word-suffix": {
        "sv": "filändelsen säger Word-dokument, men kommandot skriver {what} och inget Word-dokument; välj ett namn som slutar på {ext}",
        "en": "the extension says Word document, but the command writes {what}, not a Word document; choose a name ending in {ext}",
    },
    "memo-gaps-word": {
        "sv": "Beslutsunderlaget har {n} {n:lucka|luckor} att fylla i; ange dem som rader i Word-utkastets faktatabell: {keys} (eller med flaggor till villkor memo: {flags})",
        "en": "The memo has {n} {n:gap|gaps} to fill; give them as rows of the Word draft's facts table: {keys} (or as options of villkor memo: {flags})",
    },
    "metavar-date": {"sv": "ÅÅÅÅ-MM-DD", "en": "YYYY-MM-DD"},
    "metavar-number": {"sv": "NR", "en": "NO"},
    "metavar-text": {"sv": "TEXT", "en": "TEXT"},
    "metavar-recipient": {"sv": "MOTTAGARE", "en": "RECIPIENT"},
    "memo-flag-bad-date": {
        "sv": "”{value}” är inget datum; skriv det som 2018-05-02",
        "en": "“{value}” is not a date; write it as 2018-05-02",
    },
    # help
    "help-render--fmt": {
        "sv": "md eller html, eller docx för ett Word-dokument (kräver --output FIL.docx).",
        "en": "md or html, or docx for a Word document (needs --output FILE.docx).",
    },
    "help-new--fmt": {
        "sv": "md för Markdown, docx för en Word-mall (standard: docx när --output slutar på .docx, annars md).",
        "en": "md for Markdown, docx for a Word template (default: docx when --output ends in .docx, else md).",
    },
    "help-memo--fmt": {
        "sv": "md, html, eller docx för ett Word-dokument (kräver --output FIL.docx).",
        "en": "md, html, or docx for a Word document (needs --output FILE.docx).",
    },
    "help-memo--paragraf": {"sv": "Paragrafen i protokollet, t.ex. 29 (går före utkastets).", "en": "The paragraph in the minutes, e.g. 29 (wins over the draft's)."},
    "help-memo--utskott": {"sv": "Utskottet som föreslår, t.ex. Regionutvecklingsutskottet.", "en": "The proposing committee, e.g. Regionutvecklingsutskottet."},
    "help-memo--styrelse": {"sv": "Styrelsen som godkänner, t.ex. regionstyrelsen.", "en": "The approving board, e.g. regionstyrelsen."},
    "help-memo--sammantradesdatum": {"sv": "Utskottets sammanträde, ÅÅÅÅ-MM-DD.", "en": "The committee's meeting, YYYY-MM-DD."},
    "help-memo--styrelsemote": {"sv": "Styrelsemötet som ska godkänna rapporten, ÅÅÅÅ-MM-DD.", "en": "The board meeting that approves the report, YYYY-MM-DD."},
    "help-memo--skickas_till": {"sv": "Mottagare av protokollsutdraget (kan anges flera gånger).", "en": "A recipient of the extract from the minutes (may be given more than once)."},
    "help-memo--yttrande": {"sv": "Yttrandet till beslutsförslaget (Markdown).", "en": "The statement on the proposal (Markdown)."},
})

# -- next year's draft, showing decisions, near-miss headings, facts-table words ---
# (NEXT_YEAR)
CATALOGUE.update({
    # a decision that folds earlier sections into one of its own
    "conditions-folded-current": {
        "sv": "folded_from i avsnittet '{section}' nämner '{id}', som fortfarande är ett avsnitt i beslutet; folded_from gäller bara avsnitt som inte längre finns",
        "en": "folded_from in the section '{section}' names '{id}', which is still a section of the decision; folded_from is only for sections that no longer exist",
    },
    "conditions-folded-twice": {
        "sv": "'{id}' står i folded_from för både '{first}' och '{section}'; förra årets text kan bara föras till ett avsnitt",
        "en": "'{id}' is in folded_from of both '{first}' and '{section}'; last year's text can go to one section only",
    },
    # the front matter and the Word facts table in the writer's words
    "draft-conditions-empty": {
        "sv": "conditions saknas: skriv vilket villkorsbeslut utkastet följer, till exempel conditions: \"{example}\" (kända beslut: {known})",
        "en": "conditions is missing: write which conditions decision the draft follows, for example conditions: \"{example}\" (known decisions: {known})",
    },
    "draft-conditions-empty-word": {
        "sv": "”{field}” i faktatabellen är tomt: skriv vilket villkorsbeslut utkastet följer, till exempel {example} (kända beslut: {known})",
        "en": "“{field}” in the facts table is empty: write which conditions decision the draft follows, for example {example} (known decisions: {known})",
    },
    "draft-conditions-empty-word-missing": {
        "sv": "faktatabellen har ingen rad för villkorsbeslutet: lägg till raden ”Villkorsbeslut | {example}” (kända beslut: {known})",
        "en": "the facts table has no row for the conditions decision: add the row “Villkorsbeslut | {example}” (known decisions: {known})",
    },
    "draft-conditions-form-hint": {
        "sv": "conditions: ”{value}” är inte ett beslut-id; skriv {hint} (kända beslut: {known})",
        "en": "conditions: “{value}” is not a decision id; write {hint} (known decisions: {known})",
    },
    "draft-conditions-form-hint-word": {
        "sv": "”{field}” i faktatabellen: ”{value}” är inte ett beslut-id; skriv {hint} (kända beslut: {known})",
        "en": "“{field}” in the facts table: “{value}” is not a decision id; write {hint} (known decisions: {known})",
    },
    "draft-conditions-form": {
        "sv": "conditions: ”{value}” är inte ett beslut-id (bokstäverna a–z, stora eller små, siffror, - och _); skriv beslutets id, till exempel {example} (kända beslut: {known})",
        "en": "conditions: “{value}” is not a decision id (the letters a–z, upper or lower case, digits, - and _); write the decision's id, for example {example} (known decisions: {known})",
    },
    "draft-conditions-form-word": {
        "sv": "”{field}” i faktatabellen: ”{value}” är inte ett beslut-id (bokstäverna a–z, stora eller små, siffror, - och _); skriv beslutets id, till exempel {example} (kända beslut: {known})",
        "en": "“{field}” in the facts table: “{value}” is not a decision id (the letters a–z, upper or lower case, digits, - and _); write the decision's id, for example {example} (known decisions: {known})",
    },
    "draft-conditions-path": {
        "sv": "conditions: ”{value}” är en sökväg; utkastet anger beslutet med dess id (kända beslut: {known}), och en beslutsfil någon annanstans anges med --conditions",
        "en": "conditions: “{value}” is a path; the draft names its decision by id (known decisions: {known}), and a decision file elsewhere is given with --conditions",
    },
    "web-conditions-path": {
        "sv": "conditions: ”{value}” är en sökväg; utkastet anger beslutet med dess id (kända beslut: {known}), eller välj beslutet i listan",
        "en": "conditions: “{value}” is a path; the draft names its decision by id (known decisions: {known}), or choose the decision in the list",
    },
    "draft-region-empty": {
        "sv": "region saknas: skriv regionens namn, till exempel region: Region Norrbotten",
        "en": "region is missing: write the region's name, for example region: Region Norrbotten",
    },
    "draft-region-empty-word": {
        "sv": "”{field}” i faktatabellen är tomt: skriv regionens namn, till exempel Region Norrbotten",
        "en": "“{field}” in the facts table is empty: write the region's name, for example Region Norrbotten",
    },
    "draft-region-empty-word-missing": {
        "sv": "faktatabellen har ingen rad för regionen: lägg till raden ”Region | Region …”, till exempel Region Norrbotten",
        "en": "the facts table has no row for the region: add the row “Region | Region …”, for example Region Norrbotten",
    },
    "draft-unknown-key": {
        "sv": "{path}: okänt fält i front matter; tillåtna fält här: {known}",
        "en": "{path}: unknown field in the front matter; the fields allowed here: {known}",
    },
    "draft-unknown-key-hint": {
        "sv": "{path}: okänt fält i front matter – menade du '{hint}'? Tillåtna fält här: {known}",
        "en": "{path}: unknown field in the front matter – did you mean '{hint}'? The fields allowed here: {known}",
    },
    "draft-unknown-label": {
        "sv": "raden ”{field}” i faktatabellen är okänd; tillåtna etiketter: Villkorsbeslut, Region, Diarienummer (eller Dnr), Datum, Kontaktperson och Mottagare, utskottets Paragraf, Utskott, Styrelse, Sammanträdesdatum, Styrelsemöte, Skickas till och Yttrande, eller ett nyckeltals benämning ur beslutet (villkor conditions show listar dem)",
        "en": "the row “{field}” in the facts table is unknown; the labels allowed: Conditions (Villkorsbeslut), Region, Diarienummer (or Dnr), Date (Datum), Contact (Kontaktperson) and Recipient (Mottagare), the committee's Paragraph, Committee, Board, Committee meeting, Board meeting, Sent to and Statement, or a figure's label from the decision (villkor conditions show lists them)",
    },
    "draft-unknown-label-hint": {
        "sv": "raden ”{field}” i faktatabellen är okänd – menade du ”{hint}”? Tillåtna etiketter: Villkorsbeslut, Region, Diarienummer (eller Dnr), Datum, Kontaktperson och Mottagare, utskottets Paragraf, Utskott, Styrelse, Sammanträdesdatum, Styrelsemöte, Skickas till och Yttrande, eller ett nyckeltals benämning ur beslutet (villkor conditions show listar dem)",
        "en": "the row “{field}” in the facts table is unknown – did you mean “{hint}”? The labels allowed: Conditions (Villkorsbeslut), Region, Diarienummer (or Dnr), Date (Datum), Contact (Kontaktperson) and Recipient (Mottagare), the committee's Paragraph, Committee, Board, Committee meeting, Board meeting, Sent to and Statement, or a figure's label from the decision (villkor conditions show lists them)",
    },
    # render --draft: the banner on screen and on every printed page
    "draft-banner-note": {"sv": "Inte för inlämning.", "en": "Not for submission."},
    "draft-watermark": {"sv": "UTKAST", "en": "DRAFT"},
    "diff-field-folded-into": {"sv": "texten förs till", "en": "its text goes to"},
    # villkor conditions show
    "show-point-from": {"sv": "oförändrad från {where}", "en": "unchanged from {where}"},
    "show-folded-from": {"sv": "Tar emot förra årets text från", "en": "Receives last year's text from"},
    "show-aliases-long": {"sv": "Rubriker som också godtas", "en": "Headings also accepted"},
    "show-due-text": {"sv": "Beslutets formulering", "en": "As the decision words it"},
    "show-title": {"sv": "Villkorsbeslut {id}", "en": "Conditions decision {id}"},
    "show-id": {"sv": "Id", "en": "Id"},
    "show-required-words": {"sv": "Krav", "en": "Requirement"},
    "show-sections-intro": {
        "sv": "Avsnitten i beslutets ordning. En rubrik i utkastet hör till ett avsnitt om den är avsnittets titel eller ett av alternativen (numrering, skiftläge och skiljetecken spelar ingen roll), eller om den slutar med avsnittets id, till exempel {example}.",
        "en": "The sections in the decision's order. A heading in the draft belongs to a section when it is the section's title or one of the alternatives (numbering, case and punctuation do not matter), or when it ends with the section's id, for example {example}.",
    },
    "show-figures-intro": {
        "sv": "Beloppen anges under figures i utkastets front matter (eller i en tabellrad i Word) med nyckeltalets id.",
        "en": "The amounts are given under figures in the draft's front matter (or in a table row in Word) by the figure's id.",
    },
    "show-col-id": {"sv": "Id", "en": "Id"},
    "show-col-label": {"sv": "Benämning", "en": "Label"},
    "show-col-unit": {"sv": "Enhet", "en": "Unit"},
    "show-col-required": {"sv": "Krav", "en": "Requirement"},
    "show-col-section": {"sv": "Avsnitt", "en": "Section"},
    "show-col-form": {"sv": "Stödform", "en": "Form of support"},
    "help-conditions-show--fmt": {
        "sv": "text för terminalen, md eller html att skicka till regionerna, json för skript.",
        "en": "text for the terminal, md or html to send to the regions, json for scripts.",
    },
    # villkor new --from: text and amounts from earlier years
    "new-carried-earlier": {
        "sv": "text överförd från {source} (avsnittet ”{title}”), där den stod kvar oförändrad från {year}; uppdatera texten och ta bort den här raden",
        "en": "text carried over from {source} (the section “{title}”), where it was still unchanged from {year}; update the text and remove this line",
    },
    "new-carried-folded": {
        "sv": "text överförd från {source} (avsnittet ”{title}”, {year}), som årets beslut för samman med det här avsnittet; behåll det som hör hit, uppdatera texten och ta bort den här raden",
        "en": "text carried over from {source} (the section “{title}”, {year}), which this year's decision folds into this section; keep what belongs here, update the text and remove this line",
    },
    "new-figure-carried-earlier": {
        "sv": "belopp från {year}, stod kvar oförändrat i {last_year} års utkast – ersätt med årets och ta bort kommentaren. {label}",
        "en": "amount from {year}, still unchanged in the {last_year} draft – replace it with this year's and remove the comment. {label}",
    },
    "docx-carried-earlier": {
        "sv": "Överförd text från {source} (avsnittet ”{title}”, {year}), där den stod kvar oförändrad i {last_year} års utkast: uppdatera texten och ta bort det här stycket. [{marker}]",
        "en": "Text carried over from {source} (the section “{title}”, {year}), where it was still unchanged in the {last_year} draft: update the text and remove this paragraph. [{marker}]",
    },
    "docx-carried-folded": {
        "sv": "Överförd text från {source} (avsnittet ”{title}”, {year}), som årets beslut för samman med det här avsnittet: behåll det som hör hit, uppdatera texten och ta bort det här stycket. [{marker}]",
        "en": "Text carried over from {source} (the section “{title}”, {year}), which this year's decision folds into this section: keep what belongs here, update the text and remove this paragraph. [{marker}]",
    },
    "docx-figure-carried-earlier": {
        "sv": "Belopp från ett tidigare år ({year}), oförändrat i {last_year} års utkast: skriv årets belopp och ta bort den här anmärkningen. [{marker}]",
        "en": "An amount from an earlier year ({year}), unchanged in the {last_year} draft: write this year's amount and remove this note. [{marker}]",
    },
    "new-unplaced-intro-docx": {
        "sv": "Beslut {id} har inget avsnitt som motsvarar avsnitten nedan ur {source} ({year}). Texten står här, i formatmallen Vägledning som villkor inte läser, så att ingenting går förlorat: kopiera det du vill behålla till rätt avsnitt ovan och ta bort resten. De här styckena kommer inte med i den färdiga rapporten.",
        "en": "Decision {id} has no section that matches the sections below from {source} ({year}). The text is kept here, in the Guidance style that villkor does not read, so that nothing is lost: copy what you want to keep to the right section above and delete the rest. These paragraphs are not in the finished report.",
    },
    "new-unplaced-title": {"sv": "Förra årets text utan motsvarighet i årets beslut", "en": "Last year's text with no counterpart in this year's decision"},
    "new-unplaced-intro": {
        "sv": "Beslut {id} har inget avsnitt som motsvarar avsnitten nedan ur {source} ({year}). Texten står här så att ingenting går förlorat: flytta det du vill behålla till rätt avsnitt ovan, utanför den här kommentaren, och ta bort resten. Kommentaren syns inte i den färdiga rapporten.",
        "en": "Decision {id} has no section that matches the sections below from {source} ({year}). The text is kept here so that nothing is lost: move what you want to keep to the right section above, outside this comment, and delete the rest. The comment is not shown in the finished report.",
    },
    "new-unplaced-figures-title": {"sv": "Nyckeltal som årets beslut inte efterfrågar", "en": "Figures this year's decision does not ask for"},
    "new-preamble-title": {"sv": "Text före det första avsnittet", "en": "Text before the first section"},
    "new-unplaced": {
        "sv": "avsnittet ”{title}” har ingen motsvarighet i beslut {id}; texten står i en kommentar sist i det nya utkastet",
        "en": "the section “{title}” has no counterpart in decision {id}; its text is in a comment at the end of the new draft",
    },
    "new-folded": {
        "sv": "beslut {id} för samman avsnittet ”{title}” med ”{into}”; texten står där, markerad som överförd",
        "en": "decision {id} folds the section “{title}” into “{into}”; its text is there, marked as carried over",
    },
    "new-notice": {"sv": "varning: {notice}", "en": "warning: {notice}"},
    "new-unplaced-figures": {
        "sv": "beslut {id} efterfrågar inte {labels}; beloppen står i kommentaren sist i det nya utkastet",
        "en": "decision {id} does not ask for {labels}; the amounts are in the comment at the end of the new draft",
    },
})

# -- amounts, totals, year over year, charts, spreadsheets in the summary ---
# (REVIEW)
CATALOGUE.update({
    # verdicts
    "report-status-complete-with-warnings": {"sv": "komplett, med varningar", "en": "complete, with warnings"},
    # amounts per report and totals per decision
    "summary-amounts": {"sv": "Belopp – villkorsbeslut {id} ({title})", "en": "Amounts – conditions decision {id} ({title})"},
    "summary-amounts-note": {
        "sv": "Beloppen som de lästs ur varje rapport. Summa och median räknas per nyckeltal över rapporterna under samma beslut; ett belopp som saknas räknas aldrig som noll, och ett belopp med ⚠ (varning) eller ! (går inte ihop, eller inte ett belopp) visas men räknas inte.",
        "en": "The amounts as read from each report. Total and median are taken per figure over the reports under the same decision; a missing amount never counts as zero, and an amount marked ⚠ (warning) or ! (does not add up, or not an amount) is shown but not counted.",
    },
    "summary-amounts-legend": {
        "sv": "⚠ belopp med varning (förra årets belopp, utanför rimliga gränser, ett annat års kolumn) · ! går inte ihop eller inte ett belopp · ✗ saknas · – frivilligt, ej med",
        "en": "⚠ amount with a warning (last year's amount, outside plausible bounds, another year's column) · ! does not add up or not an amount · ✗ missing · – optional, not included",
    },
    "col-in-totals": {"sv": "Med i summorna", "en": "In the totals"},
    "in-totals-yes": {"sv": "ja", "en": "yes"},
    "in-totals-partly": {"sv": "ja, utom belopp med ⚠ ! ✗", "en": "yes, but not amounts marked ⚠ ! ✗"},
    "in-totals-superseded": {"sv": "nej: ersatt", "en": "no: superseded"},
    "in-totals-undecided": {"sv": "nej: oklart vilket utkast som gäller", "en": "no: unclear which draft is current"},
    "in-totals-spelling": {"sv": "nej: möjlig dubblett", "en": "no: possible duplicate"},
    "summary-total": {"sv": "Summa", "en": "Total"},
    "summary-median": {"sv": "Median", "en": "Median"},
    "summary-covers-row": {"sv": "Rapporter", "en": "Reports"},
    "summary-covers": {"sv": "{n} av {m} {m:rapport|rapporter}", "en": "{n} of {m} {m:report|reports}"},
    "summary-not-summed": {"sv": "summeras inte", "en": "not added up"},
    "summary-not-counted": {"sv": "{label}: {covers} ({reasons})", "en": "{label}: {covers} ({reasons})"},
    "reason-missing": {"sv": "{n} saknas", "en": "{n} missing"},
    "reason-invalid": {"sv": "{n} inte {n:ett belopp|belopp}", "en": "{n} not {n:an amount|amounts}"},
    "reason-inconsistent": {"sv": "{n} går inte ihop", "en": "{n} {n:does|do} not add up"},
    "reason-warning": {"sv": "{n} med varning", "en": "{n} with a warning"},
    "summary-left-out-undecided": {
        "sv": "Inte med i summorna: {n} utkast för {regions} ({files}) – det går inte att avgöra vilket som gäller; ge det gällande utkastet ett senare datum eller ta bort de andra.",
        "en": "Not in the totals: {n} drafts for {regions} ({files}) – it cannot be told which is current; give the current draft a later date or remove the others.",
    },
    "summary-left-out-spelling": {
        "sv": "Inte med i summorna: {files} – {names} kan vara samma region stavad på olika sätt; skriv regionens namn likadant i alla utkast.",
        "en": "Not in the totals: {files} – {names} may be the same region spelt in different ways; write the region's name the same way in every draft.",
    },
    "summary-left-out-superseded": {
        "sv": "Inte med i summorna: {n} {n:ersatt utkast|ersatta utkast} ({files}).",
        "en": "Not in the totals: {n} superseded {n:draft|drafts} ({files}).",
    },
    "summary-forms": {"sv": "Per stödform", "en": "By form of support"},
    "summary-forms-note": {
        "sv": "Ett nyckeltal som delar upp ett annat av samma stödform (”varav …”) räknas inte en gång till. Beviljat och utbetalt är olika nyckeltal och läggs inte ihop.",
        "en": "A figure that breaks down another of the same form of support (“of which …”) is not counted again. Granted and paid are different figures and are not added together.",
    },
    "col-form-of-support": {"sv": "Stödform", "en": "Form of support"},
    "col-total": {"sv": "Summa", "en": "Total"},
    "col-median": {"sv": "Median", "en": "Median"},
    "col-reports-counted": {"sv": "Rapporter", "en": "Reports"},
    "summary-yoy": {"sv": "År för år – {region}", "en": "Year over year – {region}"},
    "summary-yoy-note": {
        "sv": "Varje regions nyckeltal år för år, under olika beslut: ett nyckeltal följs genom sitt id och genom renamed_from. Förändringen räknas mot beslutet före, bara när båda beloppen räknas (utan varning). Belopp under olika beslut läggs aldrig ihop.",
        "en": "Each region's figures year over year, under different decisions: a figure is followed by its id and through renamed_from. The change is taken against the decision before, only when both amounts count (no warning). Amounts under different decisions are never added together.",
    },
    "col-change": {"sv": "Förändring", "en": "Change"},
    "col-change-percent": {"sv": "Förändring (%)", "en": "Change (%)"},
    "yoy-ambiguous": {"sv": "flera utkast", "en": "several drafts"},
    "yoy-ambiguous-note": {
        "sv": "”flera utkast”: regionen har flera utkast under beslutet och det går inte att avgöra vilket som gäller.",
        "en": "“several drafts”: the region has several drafts under the decision and it cannot be told which is current.",
    },
    "summary-charts": {"sv": "Diagram", "en": "Charts"},
    "chart-coverage": {"sv": "Täckning per rapport – beslut {id}", "en": "Coverage by report – decision {id}"},
    "chart-coverage-bins": {"sv": "Rapporter efter täckning – beslut {id}", "en": "Reports by coverage – decision {id}"},
    "chart-amounts": {"sv": "Belopp per region och stödform – beslut {id}", "en": "Amounts by region and form of support – decision {id}"},
    "chart-amounts-figures": {"sv": "Belopp per region och nyckeltal – beslut {id}", "en": "Amounts by region and figure – decision {id}"},
    "chart-amounts-forms": {"sv": "Summa per stödform – beslut {id}", "en": "Total by form of support – decision {id}"},
    "chart-years": {"sv": "{region}: belopp år för år", "en": "{region}: amounts year over year"},
    "chart-axis-mkr": {"sv": "miljoner kronor", "en": "million kronor"},
    "chart-axis-coverage": {"sv": "täckning", "en": "coverage"},
    "chart-axis-reports": {"sv": "antal rapporter", "en": "number of reports"},
    "chart-table": {"sv": "Siffrorna i diagrammet", "en": "The chart's numbers"},
    "chart-only-counted": {
        "sv": "Bara belopp som räknas i summorna visas; en region utan stapel har inget sådant belopp.",
        "en": "Only amounts that count in the totals are drawn; a region without a bar has no such amount.",
    },
    "chart-years-note": {"sv": "Siffrorna står i tabellen ovan.", "en": "The numbers are in the table above."},
    "col-bin": {"sv": "Täckning", "en": "Coverage"},
    "col-reports-n": {"sv": "Antal rapporter", "en": "Number of reports"},
    # spreadsheets: sheets (xlsx) and files (csv), their columns
    "sheet-reports": {"sv": "Rapporter", "en": "Reports"},
    "sheet-parts": {"sv": "Delar {id}", "en": "Parts {id}"},
    "sheet-figures": {"sv": "Belopp", "en": "Amounts"},
    "sheet-totals": {"sv": "Summor", "en": "Totals"},
    "sheet-yoy": {"sv": "År för år", "en": "Year over year"},
    "sheet-findings": {"sv": "Brister", "en": "Findings"},
    "csv-file-reports": {"sv": "rapporter.csv", "en": "reports.csv"},
    "csv-file-parts": {"sv": "delar-{id}.csv", "en": "parts-{id}.csv"},
    "csv-file-figures": {"sv": "belopp.csv", "en": "amounts.csv"},
    "csv-file-totals": {"sv": "summor.csv", "en": "totals.csv"},
    "csv-file-yoy": {"sv": "ar-for-ar.csv", "en": "year-over-year.csv"},
    "csv-file-findings": {"sv": "brister.csv", "en": "findings.csv"},
    "col-verdict": {"sv": "Omdöme", "en": "Verdict"},
    "col-complete": {"sv": "Komplett", "en": "Complete"},
    "col-datum": {"sv": "Datum", "en": "Date"},
    "col-figure-id": {"sv": "Nyckeltalets id", "en": "Figure id"},
    "col-figure-id-then": {"sv": "Id i det årets beslut", "en": "Id in that year's decision"},
    "col-unit": {"sv": "Enhet", "en": "Unit"},
    "col-figure-status": {"sv": "Status", "en": "Status"},
    "col-warning": {"sv": "Varning", "en": "Warning"},
    "col-count": {"sv": "Rapporter med belopp", "en": "Reports with an amount"},
    "col-basis": {"sv": "Rapporter", "en": "Reports"},
    "col-not-missing": {"sv": "Saknas", "en": "Missing"},
    "col-not-invalid": {"sv": "Inte ett belopp", "en": "Not an amount"},
    "col-not-inconsistent": {"sv": "Går inte ihop", "en": "Do not add up"},
    "col-not-warning": {"sv": "Med varning", "en": "With a warning"},
    "col-code": {"sv": "Kod", "en": "Code"},
    "col-breakdown-of": {"sv": "Delar upp", "en": "Breaks down"},
    "yes": {"sv": "ja", "en": "yes"},
    "no": {"sv": "nej", "en": "no"},
    # the command
    "help-summary--fmt": {
        "sv": "text för terminalen, md/html för granskare, json för skript, csv och xlsx för kalkylblad.",
        "en": "text for the terminal, md/html for reviewers, json for scripts, csv and xlsx for spreadsheets.",
    },
    "summary-xlsx-tty": {
        "sv": "xlsx är ett binärt format och skrivs inte till terminalen; ange --output FIL.xlsx (eller styr om standard ut till en fil)",
        "en": "xlsx is a binary format and is not written to the terminal; give --output FILE.xlsx (or redirect standard output to a file)",
    },
    "summary-xlsx-suffix": {
        "sv": "en Excel-fil ska sluta på .xlsx; ange --output FIL.xlsx",
        "en": "an Excel file should end in .xlsx; give --output FILE.xlsx",
    },
    "summary-csv-folder-holds-input": {
        "sv": "mappen för CSV-filerna innehåller ett utkast; välj en annan --output",
        "en": "the folder for the CSV files holds a draft; choose another --output",
    },
    "summary-csv-folder-not-ours": {
        "sv": "mappen finns redan och innehåller annat än CSV-filer; välj en tom eller ny mapp som --output",
        "en": "the folder exists and holds more than CSV files; choose an empty or new folder as --output",
    },
    "summary-csv-not-folder": {
        "sv": "finns och är ingen mapp; ange en mapp för CSV-filerna (eller FIL.csv för bara beloppen)",
        "en": "exists and is not a folder; give a folder for the CSV files (or FILE.csv for the amounts only)",
    },
    "summary-wrote-folder": {"sv": "Skrev {n} filer till {path}", "en": "Wrote {n} files to {path}"},
    # the web page's downloads of a folder's summary
    "web-dl-summary-xlsx": {"sv": "Sammanställningen med belopp (Excel)", "en": "The summary with amounts (Excel)"},
    "web-dl-summary-csv": {"sv": "Beloppen (CSV)", "en": "The amounts (CSV)"},
    "col-counts": {"sv": "Räknas", "en": "Counts"},
})

# -- the web page (villkor serve) ------------------------------------------
# (WEB)
CATALOGUE.update({
    # the command
    "help-serve": {
        "sv": "Starta webbsidan: kontrollera utkast, hämta rapport, beslutsunderlag och nästa års mall, se en mapps sammanställning och besluten – i webbläsaren.\n\nServern lyssnar bara på den här datorn (127.0.0.1) om inte --host anger något annat. Inget som laddas upp sparas efter svaret. Avsluta med Ctrl+C.",
        "en": "Start the web page: check drafts, get the report, memo and next year's template, see a folder's summary and the decisions – in the browser.\n\nThe server listens on this computer only (127.0.0.1) unless --host says otherwise. Nothing uploaded is kept after the response. Stop it with Ctrl+C.",
    },
    "help-serve--host": {"sv": "Adress att lyssna på; en annan än 127.0.0.1 gör sidan nåbar från andra datorer.",
                         "en": "Address to listen on; anything but 127.0.0.1 makes the page reachable from other computers."},
    "help-serve--port": {"sv": "Port att lyssna på (0 väljer en ledig).", "en": "Port to listen on (0 picks a free one)."},
    "help-serve--folder": {"sv": "Mapp vars sammanställning sidan visar; kontrolleras om när filerna ändras.",
                           "en": "Folder whose summary the page shows; checked again when its files change."},
    "metavar-folder": {"sv": "MAPP", "en": "FOLDER"},
    "metavar-host": {"sv": "VÄRD", "en": "HOST"},
    "serve-listening": {"sv": "Lyssnar på {url} – öppna adressen i en webbläsare. Avsluta med Ctrl+C.",
                        "en": "Listening on {url} – open the address in a browser. Stop with Ctrl+C."},
    "serve-listening-remote": {"sv": "Lyssnar på {url}; nåbar från andra datorer. Avsluta med Ctrl+C.",
                               "en": "Listening on {url}; reachable from other computers. Stop with Ctrl+C."},
    "serve-folder": {"sv": "Sammanställningen visar mappen {folder}.", "en": "The summary shows the folder {folder}."},
    "serve-stopped": {"sv": "Webbsidan är stoppad.", "en": "The web page has stopped."},
    "serve-dir-missing": {"sv": "mappen finns inte (--dir)", "en": "no such folder (--dir)"},
    "serve-tmp-in-dir": {"sv": "den tillfälliga mappen {tmp} ligger i mappen som ska sammanställas; välj en annan mapp, eller sätt TMPDIR",
                         "en": "the temporary folder {tmp} is inside the folder to summarise; choose another folder, or set TMPDIR"},
    "serve-port-busy": {"sv": "porten {port} används redan; välj en annan med --port", "en": "port {port} is already in use; choose another with --port"},
    "serve-cannot-bind": {"sv": "kan inte lyssna på {host}:{port}: {reason}", "en": "cannot listen on {host}:{port}: {reason}"},
    "conditions-path-refused": {
        "sv": "villkorsbeslutet '{id}' anges som en sökväg; på webbsidan anges beslutet med sitt id (till exempel 2017)",
        "en": "the decision '{id}' is given as a path; on the web page a decision is given by its id (such as 2017)",
    },
    # every page
    "web-nav-label": {"sv": "Webbsidans delar", "en": "Parts of the web page"},
    "web-nav-check": {"sv": "Kontrollera ett utkast", "en": "Check a draft"},
    "web-nav-new": {"sv": "Nästa års mall", "en": "Next year's template"},
    "web-nav-summary": {"sv": "Sammanställning", "en": "Summary"},
    "web-nav-decisions": {"sv": "Villkorsbeslut", "en": "Decisions"},
    "web-lang-other": {"sv": "English", "en": "Svenska"},
    "web-privacy": {
        "sv": "Filen kontrolleras på den här servern och tas bort när svaret är klart; resultat och nedladdningar finns kvar i minnet en kort stund och försvinner sedan.",
        "en": "The file is checked on this server and removed when the answer is ready; results and downloads stay in memory for a short time and are then gone.",
    },
    # check a draft
    "web-check-heading": {"sv": "Kontrollera ett utkast", "en": "Check a draft"},
    "web-check-intro": {
        "sv": "Välj återrapporteringen som Word-dokument (.docx) eller Markdown (.md). Du får veta vad som saknas, med stycke eller rad och den punkt i villkorsbeslutet det gäller, och kan ladda ned rapporten och beslutsunderlaget.",
        "en": "Choose the report as a Word document (.docx) or Markdown (.md). You will see what is missing, with paragraph or line and the point of the decision it concerns, and can download the report and the memo.",
    },
    "web-check-drop": {"sv": "Släpp filen här, eller klicka för att välja den", "en": "Drop the file here, or click to choose it"},
    "web-check-kinds": {"sv": "Word (.docx) eller Markdown (.md), högst {mb} MB", "en": "Word (.docx) or Markdown (.md), at most {mb} MB"},
    "web-check-chosen": {"sv": "Vald fil: {name}", "en": "Chosen file: {name}"},
    "web-check-decision": {"sv": "Villkorsbeslut", "en": "Conditions decision"},
    "web-check-decision-named": {"sv": "Det som utkastet anger", "en": "The one the draft names"},
    "web-check-strict": {"sv": "Räkna varningar som brister (--strict)", "en": "Count warnings as shortcomings (--strict)"},
    "web-check-submit": {"sv": "Kontrollera", "en": "Check"},
    "web-check-busy": {"sv": "Kontrollerar …", "en": "Checking …"},
    "web-check-again": {"sv": "Kontrollera en annan fil", "en": "Check another file"},
    "web-dl-heading": {"sv": "Ladda ned", "en": "Download"},
    "web-dl-report-html": {"sv": "Rapporten (HTML)", "en": "The report (HTML)"},
    "web-dl-report-md": {"sv": "Rapporten (Markdown)", "en": "The report (Markdown)"},
    "web-dl-report-docx": {"sv": "Rapporten (Word)", "en": "The report (Word)"},
    "web-dl-memo-html": {"sv": "Beslutsunderlaget (HTML)", "en": "The memo (HTML)"},
    "web-dl-memo-docx": {"sv": "Beslutsunderlaget (Word)", "en": "The memo (Word)"},
    "web-dl-converted-md": {"sv": "Word-utkastet som Markdown", "en": "The Word draft as Markdown"},
    "web-dl-verdict-html": {"sv": "Den här kontrollen (HTML)", "en": "This check (HTML)"},
    "web-dl-verdict-json": {"sv": "Den här kontrollen (JSON)", "en": "This check (JSON)"},
    "web-dl-marked": {
        "sv": "Utkastet är inte komplett. Rapporten och beslutsunderlaget nedan är utkastversioner, märkta ”Utkast – ofullständig”; den färdiga rapporten kan göras när bristerna ovan är åtgärdade.",
        "en": "The draft is not complete. The report and memo below are draft versions, marked “Draft – incomplete”; the finished report can be made once the shortcomings above are fixed.",
    },
    "web-dl-marked-short": {"sv": "utkast, ofullständig", "en": "draft, incomplete"},
    "web-dl-kept": {"sv": "Filerna finns kvar i {minutes} minuter; ladda upp filen igen efter det.",
                    "en": "The files are kept for {minutes} minutes; upload the file again after that."},
    "web-dl-not-kept": {"sv": "Filerna blev för stora för att hållas kvar här; gör dem med kommandoraden (villkor render och villkor memo).",
                        "en": "The files are too large to be kept here; make them with the command line (villkor render and villkor memo)."},
    "web-dl-failed": {"sv": "{label} kunde inte göras: {reason}", "en": "{label} could not be made: {reason}"},
    # next year's template
    "web-new-heading": {"sv": "Nästa års mall", "en": "Next year's template"},
    "web-new-intro": {
        "sv": "Välj beslutet och regionen; ladda gärna upp förra årets rapport, så följer dess text och belopp med, märkta så att kontrollen påminner om att se över dem.",
        "en": "Choose the decision and the region; upload last year's report if you like, and its text and amounts are carried over, marked so that the check reminds you to review them.",
    },
    "web-new-decision": {"sv": "Villkorsbeslut för det nya året", "en": "Conditions decision for the new year"},
    "web-new-region": {"sv": "Region", "en": "Region"},
    "web-new-region-example": {"sv": "t.ex. Region Norrbotten", "en": "e.g. Region Norrbotten"},
    "web-new-last": {"sv": "Förra årets rapport (valfri): släpp den här eller klicka för att välja",
                     "en": "Last year's report (optional): drop it here or click to choose"},
    "web-new-last-help": {"sv": "Word (.docx) eller Markdown (.md), högst {mb} MB", "en": "Word (.docx) or Markdown (.md), at most {mb} MB"},
    "web-new-format": {"sv": "Format", "en": "Format"},
    "web-new-template-md": {"sv": "Markdown (.md)", "en": "Markdown (.md)"},
    "web-new-template-docx": {"sv": "Word (.docx)", "en": "Word (.docx)"},
    "web-new-submit": {"sv": "Ladda ned mallen", "en": "Download the template"},
    # summary
    "web-summary-heading": {"sv": "Om sammanställningen", "en": "About the summary"},
    "web-summary-folder": {"sv": "Mappen {folder}, kontrollerad {time}. Sidan kontrolleras om när någon fil ändras; ladda om sidan för att se ändringar.",
                           "en": "The folder {folder}, checked at {time}. The page is checked again when a file changes; reload the page to see changes."},
    "web-summary-none": {"sv": "Ingen mapp är vald. Starta webbsidan med --dir och en mapp med rapporter för att se deras sammanställning här:",
                         "en": "No folder is chosen. Start the web page with --dir and a folder of reports to see their summary here:"},
    "web-summary-back": {"sv": "Tillbaka till sammanställningen", "en": "Back to the summary"},
    "web-dl-summary-json": {"sv": "Sammanställningen (JSON)", "en": "The summary (JSON)"},
    "web-dl-summary-md": {"sv": "Sammanställningen (Markdown)", "en": "The summary (Markdown)"},
    # decisions
    "web-decisions-heading": {"sv": "Villkorsbeslut", "en": "Conditions decisions"},
    "web-decisions-intro": {"sv": "Besluten som verktyget känner till. Välj ett för att se vad det kräver, eller jämför två.",
                            "en": "The decisions the tool knows. Choose one to see what it requires, or compare two."},
    "web-decisions-invalid": {"sv": "ogiltigt – kör villkor conditions validate för att se varför", "en": "invalid – run villkor conditions validate to see why"},
    "web-decisions-back": {"sv": "Tillbaka till besluten", "en": "Back to the decisions"},
    "web-col-id": {"sv": "Id", "en": "Id"},
    "web-col-title": {"sv": "Titel", "en": "Title"},
    "web-col-extends": {"sv": "Bygger på", "en": "Extends"},
    "web-col-origin": {"sv": "Hittat", "en": "Found"},
    "web-diff-heading": {"sv": "Jämför två beslut", "en": "Compare two decisions"},
    "web-diff-intro": {"sv": "Vad som är nytt, borttaget och ändrat från det ena beslutet till det andra.",
                       "en": "What is new, removed and changed from one decision to the other."},
    "web-diff-old": {"sv": "Från (det äldre)", "en": "From (the older)"},
    "web-diff-new": {"sv": "Till (det nyare)", "en": "To (the newer)"},
    "web-diff-compare": {"sv": "Jämför {id} med", "en": "Compare {id} with"},
    "web-diff-submit": {"sv": "Jämför", "en": "Compare"},
    # errors
    "web-error-heading": {"sv": "Det gick inte ({status})", "en": "That did not work ({status})"},
    "web-error-start": {"sv": "Till startsidan", "en": "To the start page"},
    "web-error-no-file": {"sv": "Ingen fil valdes; välj ett Word-dokument (.docx) eller en Markdown-fil (.md).",
                          "en": "No file was chosen; choose a Word document (.docx) or a Markdown file (.md)."},
    "web-error-suffix": {
        "sv": "{name}: filen är varken ett Word-dokument (.docx) eller Markdown (.md); spara den i något av de formaten och försök igen",
        "en": "{name}: the file is neither a Word document (.docx) nor Markdown (.md); save it in one of those formats and try again",
    },
    "web-no-conditions": {"sv": "utkastet anger inget villkorsbeslut (conditions); välj beslutet i listan och försök igen",
                          "en": "the draft names no conditions decision (conditions); choose the decision in the list and try again"},
    "web-conditions-override-missing": {
        "sv": "Utkastet anger inget villkorsbeslut; det kontrolleras mot {id}, som valdes på webbsidan.",
        "en": "The draft names no conditions decision; it is checked against {id}, chosen on the web page.",
    },
    "web-conditions-override-differs": {
        "sv": "Utkastet anger villkorsbeslut {draft}, men det kontrolleras mot {id}, som valdes på webbsidan.",
        "en": "The draft names the conditions decision {draft}, but it is checked against {id}, chosen on the web page.",
    },
    "web-new-region-empty": {"sv": "Skriv regionens namn.", "en": "Write the region's name."},
    "web-error-decision": {"sv": "villkorsbeslutet '{id}' finns inte bland dem som går att välja", "en": "the decision '{id}' is not among those that can be chosen"},
    "web-error-form": {
        "sv": "Formuläret är för gammalt eller kom från en annan webbplats. Ladda om sidan och försök igen.",
        "en": "The form is too old or came from another web site. Reload the page and try again.",
    },
    "web-error-host": {"sv": "Den här servern svarar inte på adressen {host}; använd http://127.0.0.1 eller http://localhost.",
                       "en": "This server does not answer to the address {host}; use http://127.0.0.1 or http://localhost."},
    "web-error-bad-request": {"sv": "Begäran gick inte att tolka.", "en": "The request could not be understood."},
    "web-error-not-found": {"sv": "Sidan finns inte.", "en": "There is no such page."},
    "web-error-method": {"sv": "Sidan går inte att använda på det sättet.", "en": "The page cannot be used that way."},
    "web-error-result-gone": {
        "sv": "Resultatet finns inte längre: det hålls kvar i {minutes} minuter, och inte efter en omstart. Ladda upp filen igen.",
        "en": "The result is no longer here: it is kept for {minutes} minutes, and not after a restart. Upload the file again.",
    },
    "web-error-too-heavy": {
        "sv": "Filen tog för lång tid eller för mycket minne att läsa (gränsen är {seconds} sekunder); den är troligen mycket större än en rapport. Kontrollera att det är rätt fil.",
        "en": "The file took too long or too much memory to read (the limit is {seconds} seconds); it is probably far larger than a report. Check that it is the right file.",
    },
    "web-error-busy": {"sv": "Servern är upptagen med andra filer just nu. Försök igen om en stund.",
                       "en": "The server is busy with other files just now. Try again in a while."},
    "web-error-not-in-summary": {"sv": "{file} ingår inte i sammanställningen.", "en": "{file} is not part of the summary."},
    "web-error-internal": {
        "sv": "Något gick fel i villkor. Inget av det du laddade upp har sparats. Försök igen; händer det igen, kör samma fil med kommandoraden (villkor check) och berätta för den som sköter verktyget.",
        "en": "Something went wrong in villkor. Nothing you uploaded has been kept. Try again; if it happens again, run the same file with the command line (villkor check) and tell whoever looks after the tool.",
    },
})

# -- batches, cache and workers --------------------------------------------
# (SPEED)
CATALOGUE.update({
    "metavar-count": {"sv": "ANTAL", "en": "COUNT"},
    "help-opt-jobs": {
        "sv": "Högst så många processer som kontrollerar utkasten (förval: en per kärna; 1 = allt i en process).",
        "en": "At most this many processes check the drafts (default: one per core; 1 = everything in one process).",
    },
    "help-opt-no_cache": {
        "sv": "Kontrollera varje utkast på nytt: läs inte ur resultatcachen och spara inget i den.",
        "en": "Check every draft afresh: neither read from the result cache nor keep anything in it.",
    },
    "help-opt-compact": {  # --no-indent
        "sv": "JSON på en rad utan indrag: samma innehåll, mindre och snabbare att skriva (bara med --format json).",
        "en": "JSON on one line without indentation: the same content, smaller and quicker to write (only with --format json).",
    },
    "cache-unusable": {
        "sv": "villkor: varning: resultatcachen i {folder} går inte att använda; utkasten kontrolleras utan den.",
        "en": "villkor: warning: the result cache in {folder} cannot be used; the drafts are checked without it.",
    },
    "cache-not-private": {
        "sv": "villkor: varning: resultatcachen i {folder} kan ändras av andra än du, så den används inte; utkasten kontrolleras utan den.",
        "en": "villkor: warning: the result cache in {folder} can be changed by others than you, so it is not used; the drafts are checked without it.",
    },
    "cache-damaged": {
        "sv": "villkor: varning: skadade poster i resultatcachen i {folder} lämnades utan avseende; de utkasten kontrollerades på nytt.",
        "en": "villkor: warning: damaged entries in the result cache in {folder} were ignored; those drafts were checked afresh.",
    },
    "check-worker-died": {
        "sv": "Utkastet kunde inte kontrolleras: processen som kontrollerade det avslutades oväntat (kontrollera det ensamt för att se varför).",
        "en": "The draft could not be checked: the process checking it ended unexpectedly (check it on its own to see why).",
    },
})


#: Longest text from a user's file that a message quotes whole: a heading or
#: a value of megabytes is cut, so that a message stays a sentence (and a
#: terminal table does not lay out megabytes).
MAX_QUOTED = 200


def quoted(params: dict[str, Any]) -> dict[str, Any]:
    """``params`` with every text longer than :data:`MAX_QUOTED` cut to it and "…"."""
    if not any(isinstance(v, str) and len(v) > MAX_QUOTED for v in params.values()):
        return params
    return {k: v[:MAX_QUOTED] + "…" if isinstance(v, str) and len(v) > MAX_QUOTED else v for k, v in params.items()}


class _Formatter(string.Formatter):
    """``str.format`` plus two choices of words:

    * ``{n:varning|varningar}`` gives the first form when ``n`` is 1, else the second;
    * ``{constraint:types}`` names a schema's types (``string, list``) in words.
    """

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            return one if value == 1 else other
        if format_spec == "types":
            names = [n.strip() for n in str(value).split(",")]
            words = [t(f"type-{n}", self.lang) if f"type-{n}" in CATALOGUE else n for n in names]
            return f" {t('type-or', self.lang)} ".join(words)
        return super().format_field(value, format_spec)


_FORMATTERS = {lang: _Formatter(lang) for lang in LANGUAGES}


def t(key: str, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The message ``key`` in ``lang``, with ``params`` filled in."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    formatter = _FORMATTERS.get(lang, _FORMATTERS[DEFAULT_LANG])
    return formatter.format(text, **params) if params else text.replace("{{", "{").replace("}}", "}")
