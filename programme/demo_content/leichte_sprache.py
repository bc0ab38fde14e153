"""
Demo content of the German easy-read section ("Leichte Sprache"), linked from the header of every page
as /de/leichte-sprache/.

Plain data: TITLE, MENU_TITLE, META_DESCRIPTION and SECTIONS, a list of {"heading": …, "paragraphs": […]}.
Written after the rules of Leichte Sprache: short sentences, one statement per sentence, active voice,
the reader addressed as "Sie", hard words explained where they appear, long compound words split with
a hyphen (Beratungs-Stelle), numbers as digits. Each paragraph is a few sentences; templates may show
each sentence on its own line.

`page_text()` gives the same content as a `PageText` for the page builder (programme/page_builder.py),
e.g. in de.py: `PAGES["leichte-sprache"] = leichte_sprache.page_text()`.
"""

from django.utils.html import escape

TITLE = "Leichte Sprache"
MENU_TITLE = "Leichte Sprache"
PAGE_TITLE = "IQ in Leichter Sprache"
META_DESCRIPTION = (
    "Informationen in Leichter Sprache: Für wen ist das Programm IQ? "
    "Wie finden Sie eine Beratungs-Stelle? Schritt für Schritt erklärt."
)

SECTIONS = [
    {
        "heading": "Was ist IQ?",
        "paragraphs": [
            "IQ ist ein Programm in Deutschland. IQ ist die Abkürzung für: Integration durch Qualifizierung.",
            "Integration bedeutet hier: Sie finden in Deutschland eine gute Arbeit. Und Sie gehören dazu.",
            "Qualifizierung bedeutet: Sie lernen etwas Neues für Ihren Beruf. Zum Beispiel in einem Kurs.",
            "Die Regierung von Deutschland bezahlt das Programm. "
            "Die Europäische Union bezahlt auch mit. "
            "Die Europäische Union ist eine Gruppe von vielen Ländern in Europa.",
        ],
    },
    {
        "heading": "Für wen ist IQ?",
        "paragraphs": [
            "IQ ist für Menschen aus anderen Ländern. "
            "Diese Menschen leben jetzt in Deutschland. "
            "Oder sie möchten bald in Deutschland leben.",
            "Sie haben einen Beruf in einem anderen Land gelernt? "
            "Oder Sie haben in einem anderen Land studiert? "
            "Dann ist IQ für Sie da.",
            "Es ist egal: "
            "Aus welchem Land Sie kommen. "
            "Welchen Pass Sie haben. "
            "Welche Papiere Sie für das Leben in Deutschland haben.",
        ],
    },
    {
        "heading": "Wobei hilft IQ?",
        "paragraphs": [
            "IQ hilft Ihnen bei der Anerkennung. "
            "Anerkennung bedeutet: "
            "Ein Amt in Deutschland prüft Ihr Zeugnis aus dem anderen Land. "
            "Ein Amt ist ein Büro vom Staat. "
            "Ein Zeugnis ist ein Papier von Ihrer Schule, Ausbildung oder Universität. "
            "Das Amt sagt dann: "
            "Ihr Beruf zählt auch in Deutschland.",
            "Manchmal fehlt noch etwas für die Anerkennung. Dann hilft IQ Ihnen: Sie finden einen passenden Kurs.",
            "IQ hilft auch bei Fragen zur Arbeit. "
            "Zum Beispiel: "
            "Sie bekommen zu wenig Geld für Ihre Arbeit. "
            "Oder Sie haben Fragen zu Ihrem Arbeits-Vertrag. "
            "Im Arbeits-Vertrag steht zum Beispiel: "
            "So viel Geld bekommen Sie. "
            "So lange arbeiten Sie.",
        ],
    },
    {
        "heading": "Was ist eine Beratung?",
        "paragraphs": [
            "Bei einer Beratung sprechen Sie mit einer Fach-Person. "
            "Die Fach-Person kennt sich gut aus. "
            "Sie erzählen von Ihrem Beruf. "
            "Die Fach-Person sagt Ihnen: "
            "Das können Sie jetzt tun.",
            "Die Beratung kostet nichts.",
            "Die Beratung ist geheim. Das bedeutet: Die Fach-Person erzählt niemandem davon.",
            "Die Beratung gibt es oft auch in Ihrer Sprache. "
            "Zum Beispiel auf Arabisch, Persisch, Ukrainisch oder Türkisch.",
        ],
    },
    {
        "heading": "So finden Sie eine Beratungs-Stelle",
        "paragraphs": [
            "Eine Beratungs-Stelle ist ein Büro. "
            "Dort bekommen Sie die Beratung. "
            "Es gibt viele Beratungs-Stellen in ganz Deutschland.",
            "Schritt 1: Gehen Sie auf die Seite „Beratung finden“. Sie finden die Seite oben im Menü.",
            "Schritt 2: "
            "Schreiben Sie Ihre Post-Leit-Zahl in das Feld. "
            "Die Post-Leit-Zahl ist die Zahl vor Ihrem Wohn-Ort. "
            "Zum Beispiel: 10115 für Berlin. "
            "Sie können auch den Namen von Ihrem Wohn-Ort schreiben.",
            "Schritt 3: Drücken Sie auf den Knopf „Suchen“.",
            "Schritt 4: Jetzt sehen Sie eine Liste. Oben in der Liste steht die Beratungs-Stelle in Ihrer Nähe.",
            "Schritt 5: "
            "Klicken Sie auf den Namen von der Beratungs-Stelle. "
            "Dann sehen Sie die Adresse und die Telefon-Nummer. "
            "Und Sie sehen: "
            "Wann ist die Beratungs-Stelle offen?",
            "Schritt 6: "
            "Rufen Sie bei der Beratungs-Stelle an. "
            "Oder schreiben Sie eine E-Mail. "
            "Dann machen Sie einen Termin aus. "
            "Ein Termin ist eine feste Zeit für Ihr Gespräch.",
        ],
    },
    {
        "heading": "Sie wohnen nicht in einer großen Stadt?",
        "paragraphs": [
            "Dann gibt es vielleicht eine mobile Beratung. "
            "Mobil bedeutet: "
            "Die Fach-Person kommt zu Ihnen in den Ort. "
            "Das passiert an festen Tagen.",
            "Die Beratung geht auch am Telefon. Oder mit einem Video-Gespräch am Computer. Oder per E-Mail.",
        ],
    },
    {
        "heading": "Das bringen Sie zur Beratung mit",
        "paragraphs": [
            "Bringen Sie Ihre Zeugnisse mit.",
            "Bringen Sie auch Papiere von Ihren Arbeits-Stellen mit. "
            "Das zeigt: "
            "So lange haben Sie schon in Ihrem Beruf gearbeitet.",
            "Sie haben nicht alle Papiere? Kommen Sie trotzdem zur Beratung. Die Fach-Person hilft Ihnen weiter.",
        ],
    },
    {
        "heading": "So finden Sie sich auf dieser Internet-Seite zurecht",
        "paragraphs": [
            "Ganz oben steht der Name: Integration durch Qualifizierung. "
            "Klicken Sie auf den Namen. "
            "Dann kommen Sie zur Start-Seite.",
            "Oben rechts steht: Leichte Sprache. Dort kommen Sie immer zu dieser Seite.",
            "Daneben ist ein Knopf mit dem Namen von einer Sprache. "
            "Zum Beispiel: Deutsch. "
            "Dort können Sie eine andere Sprache wählen. "
            "Zum Beispiel Englisch oder Arabisch.",
            "Darunter ist das Menü. "
            "Das Menü ist eine Liste mit allen Themen. "
            "Klicken Sie auf ein Thema. "
            "Dann kommen Sie zu der Seite über das Thema.",
            "Ganz unten auf jeder Seite stehen wichtige Hinweise. "
            "Zum Beispiel: "
            "Wer macht diese Internet-Seite? "
            "Was passiert mit Ihren Daten?",
        ],
    },
    {
        "heading": "Barriere-Freiheit",
        "paragraphs": [
            "Barriere-Freiheit bedeutet: Alle Menschen können diese Internet-Seite gut benutzen. "
            "Auch Menschen mit Behinderung.",
            "Zum Beispiel: "
            "Sie können die Schrift größer machen. "
            "Ein Programm kann Ihnen die Texte vorlesen. "
            "Sie können die Seite auch nur mit der Tastatur benutzen.",
            "Noch ist nicht alles barriere-frei. "
            "Zum Beispiel: "
            "Es gibt noch keine Filme in Gebärden-Sprache. "
            "Gebärden-Sprache ist eine Sprache mit den Händen.",
            "Auf der Seite „Barrierefreiheit“ steht das genau. Die Seite ist in schwerer Sprache.",
            "Etwas auf der Internet-Seite ist schwer für Sie? "
            "Dann schreiben Sie uns bitte eine E-Mail. "
            "Die Adresse ist: barrierefreiheit@example.org. "
            "Das ist eine Beispiel-Adresse.",
        ],
    },
]


def sentences(paragraph):
    """The sentences of a paragraph (for templates that put each sentence on its own line)."""
    parts, current = [], ""
    for char in paragraph:
        current += char
        if char in ".?!:" and current.strip():
            parts.append(current.strip())
            current = ""
    if current.strip():
        parts.append(current.strip())
    return parts


def html():
    """The sections as HTML for a text plugin: an h2 per section, one <p> per paragraph, a line break
    after each sentence (the page template renders the page's only h1)."""
    chunks = []
    for section in SECTIONS:
        chunks.append(f"<h2>{escape(section['heading'])}</h2>")
        for paragraph in section["paragraphs"]:
            chunks.append("<p>" + "<br>\n".join(escape(sentence) for sentence in sentences(paragraph)) + "</p>")
    return "\n".join(chunks)


LINKS = [
    ("/de/lotse/", "Hier kommen Sie zur Seite „Beratung finden“."),
    ("/de/barrierefreiheit/", "Hier kommen Sie zur Seite „Barrierefreiheit“."),
    ("/de/", "Hier kommen Sie zur Start-Seite in Alltags-Sprache."),
]


def links_html():
    """The way on from the easy-read page: a list of links, one sentence each."""
    items = "".join(f'<li><a href="{escape(url)}">{escape(label)}</a></li>' for url, label in LINKS)
    return f"<ul>{items}</ul>"


def page_text():
    """The easy-read page as a PageText for the page builder: the sections, then the links onward."""
    from programme.demo_content.blocks import page, text

    return page(
        TITLE,
        text(html()),
        text(links_html()),
        menu_title=MENU_TITLE,
        page_title=PAGE_TITLE,
        meta_description=META_DESCRIPTION,
    )
