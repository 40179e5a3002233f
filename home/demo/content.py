"""Demo content for Roland: the town of Haldensleben in German and English (data only, no logic).

The places, their history and the regional digitalisation centre follow the town's and the region's
public tourism information; all texts are written for this demo. Opening hours, prices, event dates,
phone numbers and e-mail addresses are invented demo values, not official information; so are the
accessibility details, street numbers and exact coordinates, which are only approximate. Web addresses
are placeholders (example.org, haldensleben.de).

Conventions used by the loader (home/demo/loader.py):

- Every translatable text is a {"de": ..., "en": ...} pair; bodies are lists of plain-text paragraphs
  with the same number of paragraphs in both languages. Translations are matched by the German source
  string, so no German (or English) text appears twice in this file.
- Opening hours are weekly rules; a rule with a "season" (["MM-DD", "MM-DD"], repeating every year)
  replaces the rules without a season on the days it covers, so seasonal rules list every open day of
  the season. A closing time before the opening time runs past midnight. An empty "hours" list means
  always accessible (open-air places).
- Event dates are relative to the day the demo is loaded: "day" is an offset in days, "start" and "end"
  are "HH:MM" or "now-60" / "now+90" (minutes from the moment of loading, only on day 0).
"""

# Categories by kind: points of interest (poi), events (event) and news (news). The slug is the same
# in every language; schema_type is a more specific schema.org type where one fits.
CATEGORIES = [
    {
        "slug": "sight",
        "kind": "poi",
        "icon": "landmark",
        "schema_type": "LandmarksOrHistoricalBuildings",
        "name": {"de": "Sehenswürdigkeiten", "en": "Sights"},
    },
    {
        "slug": "museum",
        "kind": "poi",
        "icon": "museum",
        "schema_type": "Museum",
        "name": {"de": "Museen", "en": "Museums"},
    },
    {
        "slug": "church",
        "kind": "poi",
        "icon": "church",
        "schema_type": "Church",
        "name": {"de": "Kirchen", "en": "Churches"},
    },
    {
        "slug": "park",
        "kind": "poi",
        "icon": "tree",
        "schema_type": "Park",
        "name": {"de": "Parks und Gärten", "en": "Parks and gardens"},
    },
    {
        "slug": "castle",
        "kind": "poi",
        "icon": "castle",
        "schema_type": "Castle",
        "name": {"de": "Schlösser und Burgen", "en": "Palaces and castles"},
    },
    {
        "slug": "archaeology",
        "kind": "poi",
        "icon": "stones",
        "schema_type": "LandmarksOrHistoricalBuildings",
        "name": {"de": "Archäologie", "en": "Archaeology"},
    },
    {
        "slug": "culture",
        "kind": "poi",
        "icon": "theater",
        "schema_type": "PerformingArtsTheater",
        "name": {"de": "Kultur und Kino", "en": "Culture and cinema"},
    },
    {
        "slug": "tourist-info",
        "kind": "poi",
        "icon": "info",
        "schema_type": "TouristInformationCenter",
        "name": {"de": "Touristeninformation", "en": "Tourist information"},
    },
    {
        "slug": "wifi",
        "kind": "poi",
        "icon": "wifi",
        "schema_type": "",
        "name": {"de": "Öffentliches WLAN", "en": "Public Wi-Fi"},
    },
    {
        "slug": "mobility",
        "kind": "poi",
        "icon": "charging-station",
        "schema_type": "",
        "name": {"de": "Mobilität", "en": "Mobility"},
    },
    {
        "slug": "cycling",
        "kind": "poi",
        "icon": "bike",
        "schema_type": "",
        "name": {"de": "Radfahren", "en": "Cycling"},
    },
    {
        "slug": "shopping",
        "kind": "poi",
        "icon": "shopping",
        "schema_type": "ShoppingCenter",
        "name": {"de": "Einkaufen", "en": "Shopping"},
    },
    {
        "slug": "concert",
        "kind": "event",
        "icon": "music",
        "schema_type": "MusicEvent",
        "name": {"de": "Konzerte", "en": "Concerts"},
    },
    {
        "slug": "guided-tour",
        "kind": "event",
        "icon": "guide",
        "schema_type": "",
        "name": {"de": "Führungen", "en": "Guided tours"},
    },
    {
        "slug": "exhibition",
        "kind": "event",
        "icon": "gallery",
        "schema_type": "ExhibitionEvent",
        "name": {"de": "Ausstellungen", "en": "Exhibitions"},
    },
    {
        "slug": "market",
        "kind": "event",
        "icon": "market",
        "schema_type": "SaleEvent",
        "name": {"de": "Märkte", "en": "Markets"},
    },
    {
        "slug": "family",
        "kind": "event",
        "icon": "family",
        "schema_type": "ChildrensEvent",
        "name": {"de": "Familie und Kinder", "en": "Families and children"},
    },
    {
        "slug": "business",
        "kind": "event",
        "icon": "briefcase",
        "schema_type": "BusinessEvent",
        "name": {"de": "Wirtschaft", "en": "Business"},
    },
    {
        "slug": "festival",
        "kind": "event",
        "icon": "festival",
        "schema_type": "Festival",
        "name": {"de": "Feste", "en": "Festivals"},
    },
    {
        "slug": "reading",
        "kind": "event",
        "icon": "book",
        "schema_type": "LiteraryEvent",
        "name": {"de": "Lesungen", "en": "Readings"},
    },
    {
        "slug": "lecture",
        "kind": "event",
        "icon": "lecture",
        "schema_type": "EducationEvent",
        "name": {"de": "Vorträge", "en": "Talks"},
    },
    {
        "slug": "cinema",
        "kind": "event",
        "icon": "film",
        "schema_type": "ScreeningEvent",
        "name": {"de": "Kino", "en": "Cinema"},
    },
    {
        "slug": "excursion",
        "kind": "event",
        "icon": "hiking",
        "schema_type": "",
        "name": {"de": "Wanderungen und Radtouren", "en": "Hikes and bike tours"},
    },
    {
        "slug": "workshop",
        "kind": "event",
        "icon": "workshop",
        "schema_type": "EducationEvent",
        "name": {"de": "Kurse und Workshops", "en": "Courses and workshops"},
    },
    {
        "slug": "consultation",
        "kind": "event",
        "icon": "help",
        "schema_type": "",
        "name": {"de": "Beratung und Sprechstunden", "en": "Advice and consultation hours"},
    },
    {
        "slug": "town",
        "kind": "news",
        "icon": "town-hall",
        "schema_type": "",
        "name": {"de": "Aus der Stadt", "en": "Town news"},
    },
    {
        "slug": "tourism",
        "kind": "news",
        "icon": "suitcase",
        "schema_type": "",
        "name": {"de": "Tourismus", "en": "Tourism"},
    },
    {
        "slug": "digital",
        "kind": "news",
        "icon": "digital",
        "schema_type": "",
        "name": {"de": "Digitale Stadt", "en": "Digital town"},
    },
]

# Event organisers (contact details are invented demo values).
ORGANIZERS = [
    {
        "key": "stadt",
        "name": "Stadt Haldensleben",
        "website": "https://www.haldensleben.de/",
        "email": "info@example.org",
        "phone": "+49 3904 0000-00",
    },
    {
        "key": "tourist-info",
        "name": "Tourist-Information Haldensleben",
        "website": "https://www.haldensleben.de/tourismus/",
        "email": "tourismus@example.org",
        "phone": "+49 3904 0000-10",
    },
    {
        "key": "digitalisierungszentrum",
        "name": "Regionales Digitalisierungszentrum Haldensleben",
        "website": "https://www.haldensleben.de/digitalisierung/",
        "email": "digital@example.org",
        "phone": "+49 3904 0000-60",
    },
    {
        "key": "museum",
        "name": "Museum Haldensleben",
        "website": "https://www.haldensleben.de/museum/",
        "email": "museum@example.org",
        "phone": "+49 3904 0000-20",
    },
    {
        "key": "kulturfabrik",
        "name": "Kulturfabrik Haldensleben",
        "website": "https://www.haldensleben.de/kulturfabrik/",
        "email": "kulturfabrik@example.org",
        "phone": "+49 3904 0000-30",
    },
    {
        "key": "schloss",
        "name": "Schloss Hundisburg (Veranstaltungsbüro)",
        "website": "https://www.example.org/schloss-hundisburg/",
        "email": "schloss@example.org",
        "phone": "+49 3904 0000-40",
    },
    {
        "key": "ziegelei",
        "name": "Technisches Denkmal Ziegelei Hundisburg",
        "website": "https://www.example.org/ziegelei-hundisburg/",
        "email": "ziegelei@example.org",
        "phone": "+49 3904 0000-50",
    },
    {
        "key": "kirchengemeinde",
        "name": "Kirchengemeinde St. Marien Haldensleben",
        "website": "https://www.example.org/st-marien/",
        "email": "st-marien@example.org",
        "phone": "+49 3904 0000-70",
    },
]

# Pages of the city presence below the home page; legal pages are not shown in menus.
STANDARD_PAGES = [
    {
        "key": "ueber-haldensleben",
        "show_in_menus": True,
        "slug": {"de": "ueber-haldensleben", "en": "about-haldensleben"},
        "title": {"de": "Über Haldensleben", "en": "About Haldensleben"},
        "teaser": {
            "de": (
                "Die Kreisstadt der Börde an Ohre und Mittellandkanal blickt auf mehr als 1.050 Jahre "
                "Geschichte zurück und verbindet Altstadt, Barockschloss und Heidelandschaft."
            ),
            "en": (
                "The district town of the Börde on the Ohre and the Mittelland Canal looks back on more "
                "than 1,050 years of history and combines an old town, a baroque palace and heathland."
            ),
        },
        "body": {
            "de": [
                (
                    "Haldensleben liegt etwa 30 Kilometer nordwestlich von Magdeburg an der Ohre und am "
                    "Mittellandkanal. Als Kreisstadt ist es das Verwaltungszentrum des Landkreises Börde."
                ),
                (
                    "Die Stadt ist mehr als 1.050 Jahre alt. Im Norden beginnt die Colbitz-Letzlinger "
                    "Heide, deren Wälder und offene Flächen bis an den Stadtrand reichen."
                ),
                (
                    "Bekannt ist Haldensleben vor allem für den Reitenden Roland, die gut erhaltene "
                    "Stadtmauer und die Großsteingräber im Haldensleber Forst. Im Ortsteil Hundisburg lockt "
                    "eines der schönsten Barockschlösser des Landes."
                ),
            ],
            "en": [
                (
                    "Haldensleben lies about 30 kilometres north-west of Magdeburg on the river Ohre and "
                    "the Mittelland Canal. As the district town, it is the administrative centre of the "
                    "Börde district."
                ),
                (
                    "The town is more than 1,050 years old. To the north begins the Colbitz-Letzlinger "
                    "Heide, whose forests and open heathland reach right up to the edge of town."
                ),
                (
                    "Haldensleben is best known for the Riding Roland, its well-preserved town wall and the "
                    "megalithic graves in the Haldensleber Forst. In the Hundisburg district, one of the "
                    "finest baroque palaces in the state awaits visitors."
                ),
            ],
        },
    },
    {
        "key": "digitalisierungszentrum",
        "show_in_menus": True,
        "slug": {"de": "digitalisierungszentrum", "en": "digitalisation-centre"},
        "title": {"de": "Regionales Digitalisierungszentrum", "en": "Regional Digitalisation Centre"},
        "teaser": {
            "de": (
                "Zukunftsfähige Kommune, starker Wirtschaftsstandort, lebenswerter Wohnort: Das "
                "Digitalisierungszentrum bündelt die digitalen Projekte der Stadt."
            ),
            "en": (
                "A future-proof municipality, a strong business location, a good place to live: the "
                "digitalisation centre brings together the town's digital projects."
            ),
        },
        "body": {
            "de": [
                (
                    "Nachdem der Breitbandausbau in der Kernstadt und fast allen Ortsteilen Ende 2018 "
                    "abgeschlossen war, erhielt Haldensleben im Januar 2019 den ersten Förderbescheid "
                    "dieser Art in Sachsen-Anhalt."
                ),
                (
                    "Das Land unterstützte den Aufbau des Regionalen Digitalisierungszentrums mit rund "
                    "170.000 Euro, die Stadt brachte etwa 42.600 Euro als Eigenanteil ein."
                ),
                (
                    "Zu den Projekten gehören zusätzliche digitale Bürgerservices, ein kommunales "
                    "öffentliches WLAN, die Inforeihe „Logistik 4.0“ für Unternehmen und ein städtisches "
                    "Mobilitätsprojekt."
                ),
                (
                    "Auch diese digitale Stadtpräsenz ist ein Ergebnis: Sie entwickelt die bestehenden "
                    "Tourismuskonzepte weiter und macht die Angebote der Stadt auf Deutsch und Englisch "
                    "zugänglich."
                ),
            ],
            "en": [
                (
                    "Once broadband roll-out in the core town and nearly all districts had been completed "
                    "at the end of 2018, Haldensleben received the first funding notice of its kind in "
                    "Saxony-Anhalt in January 2019."
                ),
                (
                    "The state supported the set-up of the regional digitalisation centre with about EUR "
                    "170,000, and the town contributed about EUR 42,600 of its own funds."
                ),
                (
                    "Its projects include additional digital citizen services, a municipal public Wi-Fi "
                    "network, the “Logistik 4.0” information series for businesses and a municipal mobility "
                    "project."
                ),
                (
                    "This digital city presence is one of the results too: it develops the existing tourism "
                    "concepts further and makes the town's offers available in German and English."
                ),
            ],
        },
    },
    {
        "key": "anreise",
        "show_in_menus": True,
        "slug": {"de": "anreise-und-besucherinfo", "en": "getting-here-and-visitor-information"},
        "title": {"de": "Anreise und Besucherinfo", "en": "Getting here and visitor information"},
        "teaser": {
            "de": (
                "Mit Bahn, Auto oder Fahrrad nach Haldensleben: Tipps zur Anreise, zum Parken und zu den "
                "Angeboten für Gäste."
            ),
            "en": (
                "Coming to Haldensleben by train, car or bike: tips on getting here, parking and services "
                "for visitors."
            ),
        },
        "body": {
            "de": [
                (
                    "Haldensleben ist mit der Regionalbahn gut zu erreichen. Vom Bahnhof sind es nur wenige "
                    "Gehminuten bis in die Altstadt, und direkt am Bahnhof können Sie ein E-Bike ausleihen."
                ),
                (
                    "Wer mit dem Auto kommt, findet Parkplätze am Rand der Altstadt. Für Elektroautos steht "
                    "in der Bahnhofstraße eine öffentliche Ladesäule bereit."
                ),
                (
                    "Radfahrende erreichen die Stadt bequem über den Aller-Elbe-Radweg. Bei Fragen zu "
                    "Unterkünften, Führungen und Ausflügen hilft die Tourist-Information am Markt weiter."
                ),
            ],
            "en": [
                (
                    "Haldensleben is easy to reach by regional train. The old town is only a few minutes' "
                    "walk from the station, and you can hire an e-bike right at the station."
                ),
                (
                    "If you come by car, you will find parking on the edge of the old town. A public "
                    "charging point for electric cars is available on Bahnhofstraße."
                ),
                (
                    "Cyclists can reach the town comfortably on the Aller-Elbe cycle route. For questions "
                    "about accommodation, guided tours and day trips, the tourist information on the market "
                    "square is happy to help."
                ),
            ],
        },
    },
    {
        "key": "gruppenangebote",
        "show_in_menus": True,
        "slug": {"de": "fuehrungen-fuer-gruppen", "en": "guided-tours-for-groups"},
        "title": {"de": "Führungen für Gruppen", "en": "Guided tours for groups"},
        "teaser": {
            "de": (
                "Ob Schulklasse, Verein oder Betriebsausflug: Die Tourist-Information stellt Führungen und "
                "Tagesprogramme nach Ihren Wünschen zusammen."
            ),
            "en": (
                "Whether a school class, a club or a company outing: the tourist information puts together "
                "guided tours and day programmes to suit you."
            ),
        },
        "body": {
            "de": [
                (
                    "Für Gruppen bietet die Tourist-Information Altstadtführungen, Wanderungen zu den "
                    "Großsteingräbern und Tagesausflüge nach Hundisburg an. Die Dauer richtet sich nach "
                    "Ihrem Programm."
                ),
                (
                    "Beliebt ist die Kombination aus Altstadtrundgang, Museumsbesuch und einem Abstecher "
                    "zum Schloss. Für Schulklassen gibt es altersgerechte Angebote wie die "
                    "Rolli-Kinderführung."
                ),
                "Bitte melden Sie Ihre Gruppe mindestens zwei Wochen vor dem gewünschten Termin an.",
            ],
            "en": [
                (
                    "For groups, the tourist information offers old-town tours, hikes to the megalithic "
                    "graves and day trips to Hundisburg. The length depends on your programme."
                ),
                (
                    "A popular choice combines an old-town walk, a museum visit and a trip out to the "
                    "palace. For school classes there are age-appropriate options such as the Rolli "
                    "children's tour."
                ),
                "Please register your group at least two weeks before the date you would like.",
            ],
        },
    },
    {
        "key": "barrierefreiheit",
        "show_in_menus": False,
        "slug": {"de": "barrierefreiheit", "en": "accessibility"},
        "title": {"de": "Erklärung zur Barrierefreiheit", "en": "Accessibility statement"},
        "teaser": {
            "de": "Wie barrierefrei diese Stadtpräsenz ist und wie Sie uns auf Barrieren hinweisen können.",
            "en": "How accessible this city presence is and how you can tell us about barriers.",
        },
        "body": {
            "de": [
                (
                    "Die Stadt Haldensleben möchte ihre digitale Stadtpräsenz für alle Menschen zugänglich "
                    "machen. Bilder erhalten Alternativtexte, und die Inhalte sind klar gegliedert."
                ),
                (
                    "Hinweise zur Barrierefreiheit einzelner Orte, etwa zu stufenlosen Eingängen, "
                    "barrierefreien Toiletten oder Höranlagen, finden Sie auf der jeweiligen Seite."
                ),
                "Wenn Ihnen Barrieren auffallen, schreiben Sie uns bitte an barrierefreiheit@example.org.",
            ],
            "en": [
                (
                    "The town of Haldensleben wants its digital city presence to be usable by everyone. "
                    "Images have alternative texts, and the content is clearly structured."
                ),
                (
                    "Accessibility details for individual places, such as step-free entrances, accessible "
                    "toilets or hearing loops, can be found on each place's page."
                ),
                "If you come across barriers, please write to us at barrierefreiheit@example.org.",
            ],
        },
    },
    {
        "key": "impressum",
        "show_in_menus": False,
        "slug": {"de": "impressum", "en": "legal-notice"},
        "title": {"de": "Impressum", "en": "Legal notice"},
        "teaser": {
            "de": "Angaben zum Anbieter dieser Demo-Stadtpräsenz.",
            "en": "Information about the provider of this demo city presence.",
        },
        "body": {
            "de": [
                (
                    "Diese Website ist eine Demonstration des Content-Management-Systems Roland. Alle "
                    "Kontaktangaben sind Beispielwerte und keine offiziellen Daten der Stadt."
                ),
                (
                    "Anbieter (Beispiel): Stadt Haldensleben, Markt 20, 39340 Haldensleben, E-Mail "
                    "info@example.org, Telefon +49 3904 0000-00."
                ),
                (
                    "Für die Inhalte verlinkter externer Seiten sind ausschließlich deren Betreiber "
                    "verantwortlich."
                ),
            ],
            "en": [
                (
                    "This website is a demonstration of the Roland content management system. All contact "
                    "details are example values, not official information from the town."
                ),
                (
                    "Provider (example): Stadt Haldensleben, Markt 20, 39340 Haldensleben, e-mail "
                    "info@example.org, phone +49 3904 0000-00."
                ),
                "The operators of linked external websites are solely responsible for their content.",
            ],
        },
    },
]

# Points of interest. Hours: days from Mo Tu We Th Fr Sa Su; exceptions are month-days that the
# loader places in the coming twelve months. "related" and "gallery" are optional.
POIS = [
    {
        "key": "reitender-roland",
        "slug": {"de": "reitender-roland", "en": "riding-roland"},
        "title": {"de": "Reitender Roland", "en": "Riding Roland"},
        "teaser": {
            "de": (
                "Das Wahrzeichen auf dem Marktplatz: Haldenslebens Roland ist der einzige in Deutschland, "
                "der hoch zu Ross dargestellt ist."
            ),
            "en": (
                "The town's emblem on the market square: Haldensleben's Roland is the only one in Germany "
                "shown on horseback."
            ),
        },
        "body": {
            "de": [
                (
                    "Vor dem Rathaus hält der Reitende Roland Wache über den Markt. Rolandfiguren standen "
                    "in vielen Städten für Marktrecht und eigene Gerichtsbarkeit, doch nur in Haldensleben "
                    "sitzt der Roland auf einem Pferd."
                ),
                (
                    "Ein erster Roland ist bereits für das Jahr 1419 belegt, die reitende Figur lässt sich "
                    "seit 1528 nachweisen. Auf dem Markt steht heute eine Kopie aus Sandstein."
                ),
                (
                    "Das Original von 1528 wird im Museum Haldensleben aufbewahrt und dort in einer eigenen "
                    "Ausstellung vorgestellt. Beide Orte lassen sich bequem zu Fuß verbinden."
                ),
            ],
            "en": [
                (
                    "In front of the town hall, the Riding Roland keeps watch over the market. Roland "
                    "statues stood for market rights and a town's own jurisdiction in many places, but only "
                    "in Haldensleben does Roland sit on a horse."
                ),
                (
                    "A first Roland is recorded as early as 1419, and the mounted figure can be traced back "
                    "to 1528. The statue on the market square today is a sandstone copy."
                ),
                (
                    "The 1528 original is kept in the Haldensleben Museum, where an exhibition is devoted "
                    "to it. The two places are an easy walk apart."
                ),
            ],
        },
        "categories": ["sight"],
        "tags": ["altstadt", "roland", "wahrzeichen"],
        "street": "Markt",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2893,
        "lng": 11.4085,
        "phone": "",
        "email": "",
        "website": "https://www.haldensleben.de/",
        "free": True,
        "prices": {"de": "", "en": ""},
        "hours": [],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": "Die Figur steht unter freiem Himmel und ist jederzeit zu sehen.",
            "en": "The statue stands in the open and can be seen at any time.",
        },
        "accessibility": {
            "wheelchair": "yes",
            "step_free_entrance": True,
            "accessible_toilet": False,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": True,
            "certification": "",
            "notes": {
                "de": (
                    "Der Marktplatz ist weitgehend eben; einzelne Bereiche sind mit Kopfsteinpflaster belegt."
                ),
                "en": "The market square is mostly level; some areas are paved with cobblestones.",
            },
        },
        "image": {
            "motif": "statue",
            "alt": {
                "de": (
                    "Stilisierte Zeichnung eines Reiters mit erhobenem Schwert auf einem Steinsockel vor "
                    "einem Haus"
                ),
                "en": "Stylised drawing of a rider with a raised sword on a stone plinth in front of a house",
            },
            "caption": {
                "de": "Der Reitende Roland vor dem Rathaus (Symbolgrafik)",
                "en": "The Riding Roland in front of the town hall (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
        "related": ["rathaus", "museum-haldensleben", "rolli-runde"],
    },
    {
        "key": "rathaus",
        "slug": {"de": "rathaus", "en": "town-hall"},
        "title": {"de": "Rathaus Haldensleben", "en": "Haldensleben Town Hall"},
        "teaser": {
            "de": (
                "Das barock-klassizistische Rathaus bildet die Kulisse für den Reitenden Roland und "
                "beherbergt die Stadtverwaltung mit dem Bürgerbüro."
            ),
            "en": (
                "The baroque-classicist town hall forms the backdrop for the Riding Roland and houses the "
                "town administration and its citizens' office."
            ),
        },
        "body": {
            "de": [
                (
                    "Das Rathaus am Markt verbindet barocke und klassizistische Formen und prägt mit seiner "
                    "Fassade das Bild der Altstadt. Direkt davor steht der Reitende Roland."
                ),
                (
                    "Im Haus arbeitet die Stadtverwaltung, und das Bürgerbüro nimmt Anliegen persönlich "
                    "entgegen. Viele Leistungen lassen sich inzwischen auch online beantragen."
                ),
                (
                    "An gesetzlichen Feiertagen in Sachsen-Anhalt bleibt das Bürgerbüro geschlossen. "
                    "Termine außerhalb der Sprechzeiten können vorab vereinbart werden."
                ),
            ],
            "en": [
                (
                    "The town hall on the market square combines baroque and classicist forms, and its "
                    "façade shapes the look of the old town. The Riding Roland stands right in front of it."
                ),
                (
                    "The building houses the town administration, and the citizens' office deals with "
                    "requests in person. Many services can now also be requested online."
                ),
                (
                    "On public holidays in Saxony-Anhalt the citizens' office is closed. Appointments "
                    "outside office hours can be arranged in advance."
                ),
            ],
        },
        "categories": ["sight"],
        "tags": ["altstadt", "verwaltung", "buergerservice"],
        "street": "Markt 20",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2895,
        "lng": 11.4089,
        "phone": "+49 3904 0000-00",
        "email": "buergerbuero@example.org",
        "website": "https://www.haldensleben.de/",
        "free": True,
        "prices": {"de": "", "en": ""},
        "hours": [
            {"days": ["Mo", "We", "Fr"], "opens": "09:00", "closes": "12:00"},
            {"days": ["Tu"], "opens": "09:00", "closes": "12:00"},
            {"days": ["Tu"], "opens": "14:00", "closes": "18:00"},
            {"days": ["Th"], "opens": "13:00", "closes": "16:00"},
        ],
        "exceptions": [
            {
                "date": "12-24",
                "closed": True,
                "label": {
                    "de": "Heiligabend: Bürgerbüro geschlossen",
                    "en": "Christmas Eve: citizens' office closed",
                },
            },
            {
                "date": "12-31",
                "closed": True,
                "label": {
                    "de": "Silvester: Bürgerbüro geschlossen",
                    "en": "New Year's Eve: citizens' office closed",
                },
            },
        ],
        "closed_on_public_holidays": True,
        "hours_note": {
            "de": "Termine außerhalb der Sprechzeiten nach Vereinbarung.",
            "en": "Appointments outside office hours by arrangement.",
        },
        "accessibility": {
            "wheelchair": "partial",
            "step_free_entrance": True,
            "accessible_toilet": True,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": True,
            "certification": "",
            "notes": {
                "de": (
                    "Der Haupteingang hat Stufen; ein Seiteneingang mit Rampe und Klingel führt zum "
                    "Bürgerbüro im Erdgeschoss."
                ),
                "en": (
                    "The main entrance has steps; a side entrance with a ramp and a bell leads to the "
                    "citizens' office on the ground floor."
                ),
            },
        },
        "image": {
            "motif": "building",
            "alt": {
                "de": "Zeichnung eines hellen, zweigeschossigen Gebäudes mit Ziegeldach und Fensterreihen",
                "en": "Drawing of a light-coloured two-storey building with a tiled roof and rows of windows",
            },
            "caption": {
                "de": "Das Rathaus am Markt (Symbolgrafik)",
                "en": "The town hall on the market square (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
        "related": ["reitender-roland", "tourist-information", "wlan-markt"],
    },
    {
        "key": "stadtmauer",
        "slug": {"de": "historische-stadtmauer", "en": "historic-town-wall"},
        "title": {"de": "Historische Stadtmauer", "en": "Historic town wall"},
        "teaser": {
            "de": (
                "Rund 1,6 Kilometer lang umschließt die mittelalterliche Mauer die Altstadt; zwei Tortürme "
                "sind bis heute erhalten."
            ),
            "en": (
                "About 1.6 kilometres long, the medieval wall encloses the old town; two gate towers still "
                "stand today."
            ),
        },
        "body": {
            "de": [
                (
                    "Die Stadtmauer von Haldensleben ist etwa 1,6 Kilometer lang und umrahmt den "
                    "Altstadtkern bis heute deutlich sichtbar."
                ),
                (
                    "Von den mittelalterlichen Toren sind zwei Türme geblieben: das Stendaler Tor und das "
                    "Bülstringer Tor. Ein Spaziergang an der Mauer entlang verbindet beide in knapp einer "
                    "Stunde."
                ),
                "Die Wege an der Mauer sind teils unbefestigt, bei Nässe empfiehlt sich festes Schuhwerk.",
            ],
            "en": [
                (
                    "Haldensleben's town wall is about 1.6 kilometres long and still clearly frames the "
                    "heart of the old town."
                ),
                (
                    "Two towers remain of the medieval gates: the Stendal Gate and the Bülstringer Gate. A "
                    "walk along the wall links the two in just under an hour."
                ),
                "Some paths along the wall are unpaved, so sturdy shoes are a good idea in wet weather.",
            ],
        },
        "categories": ["sight"],
        "tags": ["altstadt", "mittelalter", "stadtmauer"],
        "street": "",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2906,
        "lng": 11.4062,
        "phone": "",
        "email": "",
        "website": "",
        "free": True,
        "prices": {"de": "", "en": ""},
        "hours": [],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": "Die Mauer ist von außen jederzeit frei zugänglich.",
            "en": "The wall can be visited from outside at any time.",
        },
        "accessibility": {
            "wheelchair": "partial",
            "step_free_entrance": True,
            "accessible_toilet": False,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": False,
            "certification": "",
            "notes": {
                "de": (
                    "Abschnitte an der Innenseite sind gepflastert und befahrbar, andere Wege sind schmal "
                    "und uneben."
                ),
                "en": (
                    "Sections on the inner side are paved and passable, while other paths are narrow and "
                    "uneven."
                ),
            },
        },
        "image": {
            "motif": "tower",
            "alt": {
                "de": (
                    "Zeichnung eines Turms mit Zinnen und Spitzdach zwischen zwei niedrigen Mauerabschnitten"
                ),
                "en": "Drawing of a crenellated tower with a pointed roof between two low sections of wall",
            },
            "caption": {
                "de": "Stadtmauer mit Torturm (Symbolgrafik)",
                "en": "Town wall with gate tower (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC0-1.0",
        },
        "related": ["stendaler-tor", "buelstringer-tor", "rolli-runde"],
    },
    {
        "key": "stendaler-tor",
        "slug": {"de": "stendaler-tor", "en": "stendal-gate-tower"},
        "title": {"de": "Stendaler Tor", "en": "Stendal Gate Tower"},
        "teaser": {
            "de": (
                "Der Torturm im Norden der Altstadt markiert den alten Weg nach Stendal; im Sommer ist er "
                "an Sonntagen für Gäste geöffnet."
            ),
            "en": (
                "The gate tower on the north side of the old town marks the old road to Stendal; in summer "
                "it opens to visitors on Sundays."
            ),
        },
        "body": {
            "de": [
                (
                    "Das Stendaler Tor ist einer der beiden erhaltenen mittelalterlichen Tortürme der "
                    "Stadtbefestigung. Durch dieses Tor verließ man die Stadt einst in Richtung Stendal."
                ),
                (
                    "Von Mai bis September ist der Turm sonntagnachmittags geöffnet. Von oben reicht der "
                    "Blick weit über die Dächer der Altstadt."
                ),
                "Die Treppe im Inneren ist schmal und steil, der Aufstieg ist deshalb nicht barrierefrei.",
            ],
            "en": [
                (
                    "The Stendal Gate is one of the two surviving medieval gate towers of the town's "
                    "fortifications. Travellers once left the town through it on the way to Stendal."
                ),
                (
                    "From May to September the tower is open on Sunday afternoons. From the top, the view "
                    "stretches far across the roofs of the old town."
                ),
                "The staircase inside is narrow and steep, so the climb is not accessible.",
            ],
        },
        "categories": ["sight"],
        "tags": ["altstadt", "mittelalter", "aussicht"],
        "street": "Stendaler Straße",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2922,
        "lng": 11.4098,
        "phone": "",
        "email": "",
        "website": "",
        "free": False,
        "prices": {
            "de": "Erwachsene 2 €, Kinder bis 14 Jahre frei",
            "en": "Adults €2, children up to 14 free",
        },
        "hours": [{"days": ["Su"], "opens": "14:00", "closes": "17:00", "season": ["05-01", "09-30"]}],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": (
                "Außerhalb der Saison sind Turmbesteigungen nach Anmeldung bei der Tourist-Information "
                "möglich."
            ),
            "en": "Outside the season, tower visits can be booked through the tourist information.",
        },
        "accessibility": {
            "wheelchair": "no",
            "step_free_entrance": False,
            "accessible_toilet": False,
            "hearing_loop": False,
            "guide_dogs": False,
            "disabled_parking": False,
            "certification": "",
            "notes": {
                "de": (
                    "Nur über eine enge Wendeltreppe erreichbar; der Turm ist von außen stufenlos zu sehen."
                ),
                "en": (
                    "Only reachable via a narrow spiral staircase; the outside of the tower can be seen "
                    "step-free."
                ),
            },
        },
        "image": {
            "motif": "tower",
            "alt": {
                "de": "Zeichnung eines steinernen Torturms mit rotem Spitzdach und dunklem Torbogen",
                "en": "Drawing of a stone gate tower with a red pointed roof and a dark archway",
            },
            "caption": {
                "de": "Das Stendaler Tor (Symbolgrafik)",
                "en": "The Stendal Gate Tower (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
        "related": ["stadtmauer", "buelstringer-tor"],
    },
    {
        "key": "buelstringer-tor",
        "slug": {"de": "buelstringer-tor", "en": "buelstringer-gate-tower"},
        "title": {"de": "Bülstringer Tor", "en": "Bülstringer Gate Tower"},
        "teaser": {
            "de": (
                "Der zweite erhaltene Torturm der Stadtmauer steht im Westen der Altstadt an der Straße "
                "nach Bülstringen."
            ),
            "en": (
                "The second surviving gate tower of the town wall stands on the west side of the old town, "
                "on the road to Bülstringen."
            ),
        },
        "body": {
            "de": [
                (
                    "Das Bülstringer Tor ist das westliche Gegenstück zum Stendaler Tor. Sein Name erinnert "
                    "an das Nachbardorf Bülstringen, zu dem die Straße von hier aus führt."
                ),
                (
                    "Der Turm ist von außen jederzeit zu besichtigen. Eine Informationstafel erläutert die "
                    "Geschichte der Stadtbefestigung."
                ),
            ],
            "en": [
                (
                    "The Bülstringer Gate is the western counterpart of the Stendal Gate. Its name recalls "
                    "the neighbouring village of Bülstringen, to which the road leads from here."
                ),
                (
                    "The tower can be viewed from outside at any time. An information board explains the "
                    "history of the town's fortifications."
                ),
            ],
        },
        "categories": ["sight"],
        "tags": ["altstadt", "mittelalter", "stadtmauer"],
        "street": "Bülstringer Straße",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2899,
        "lng": 11.4036,
        "phone": "",
        "email": "",
        "website": "",
        "free": True,
        "prices": {"de": "", "en": ""},
        "hours": [],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {"de": "", "en": ""},
        "accessibility": {
            "wheelchair": "partial",
            "step_free_entrance": True,
            "accessible_toilet": False,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": False,
            "certification": "",
            "notes": {
                "de": "Die Infotafel steht am Gehweg; das Innere des Turms ist nicht zugänglich.",
                "en": "The information board is on the pavement; the inside of the tower is not open.",
            },
        },
        "image": {
            "motif": "tower",
            "alt": {
                "de": (
                    "Zeichnung eines Torturms mit Zinnenkranz, an den links und rechts Mauerstücke "
                    "anschließen"
                ),
                "en": "Drawing of a gate tower with battlements, joined by pieces of wall on both sides",
            },
            "caption": {
                "de": "Das Bülstringer Tor (Symbolgrafik)",
                "en": "The Bülstringer Gate Tower (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
        "related": ["stadtmauer", "stendaler-tor"],
    },
    {
        "key": "st-marien",
        "slug": {"de": "kirche-st-marien", "en": "st-marys-church"},
        "title": {"de": "Kirche St. Marien", "en": "St. Mary's Church"},
        "teaser": {
            "de": (
                "Die Stadtkirche St. Marien prägt mit ihrem Turm die Silhouette der Altstadt und lädt von "
                "Frühjahr bis Herbst als offene Kirche ein."
            ),
            "en": (
                "With its tower, St. Mary's town church shapes the skyline of the old town and welcomes "
                "visitors as an open church from spring to autumn."
            ),
        },
        "body": {
            "de": [
                (
                    "St. Marien ist die Hauptkirche der Altstadt und liegt nur wenige Schritte vom Markt "
                    "entfernt. Ihr Turm ist schon von Weitem zu sehen."
                ),
                (
                    "Von April bis Oktober ist die Kirche tagsüber geöffnet. Ehrenamtliche beantworten gern "
                    "Fragen zur Baugeschichte und zur Ausstattung."
                ),
                (
                    "Regelmäßig finden hier Gottesdienste, Konzerte und Orgelmusik statt. Während der "
                    "Gottesdienste ist keine Besichtigung möglich."
                ),
            ],
            "en": [
                (
                    "St. Mary's is the main church of the old town and only a few steps from the market "
                    "square. Its tower can be seen from far away."
                ),
                (
                    "From April to October the church is open during the day. Volunteers are happy to "
                    "answer questions about its building history and furnishings."
                ),
                (
                    "Services, concerts and organ music take place here regularly. Visits are not possible "
                    "during services."
                ),
            ],
        },
        "categories": ["church", "sight"],
        "tags": ["kirche", "altstadt", "orgel"],
        "street": "",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2899,
        "lng": 11.4094,
        "phone": "+49 3904 0000-70",
        "email": "st-marien@example.org",
        "website": "",
        "free": True,
        "prices": {"de": "", "en": ""},
        "hours": [
            {
                "days": ["Tu", "We", "Th", "Fr", "Sa"],
                "opens": "10:00",
                "closes": "16:00",
                "season": ["04-01", "10-31"],
            },
            {"days": ["Su"], "opens": "12:00", "closes": "16:00", "season": ["04-01", "10-31"]},
            {"days": ["Sa"], "opens": "10:00", "closes": "12:00"},
        ],
        "exceptions": [
            {
                "date": "12-24",
                "closed": True,
                "label": {
                    "de": "Heiligabend: nur zu den Christvespern",
                    "en": "Christmas Eve: Christmas services only",
                },
            }
        ],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": (
                "Im Winter ist die Kirche samstagvormittags geöffnet. Spenden für den Erhalt sind willkommen."
            ),
            "en": (
                "In winter the church is open on Saturday mornings. Donations towards its upkeep are welcome."
            ),
        },
        "accessibility": {
            "wheelchair": "partial",
            "step_free_entrance": False,
            "accessible_toilet": False,
            "hearing_loop": True,
            "guide_dogs": True,
            "disabled_parking": False,
            "certification": "",
            "notes": {
                "de": (
                    "Am Haupteingang ist eine Stufe zu überwinden; eine mobile Rampe liegt auf Nachfrage "
                    "bereit."
                ),
                "en": "There is one step at the main entrance; a portable ramp is available on request.",
            },
        },
        "image": {
            "motif": "church",
            "alt": {
                "de": "Zeichnung eines Kirchenschiffs mit hohem, spitz gedecktem Turm an der rechten Seite",
                "en": "Drawing of a church nave with a tall tower with a pointed roof on the right-hand side",
            },
            "caption": {
                "de": "Kirche St. Marien (Symbolgrafik)",
                "en": "St. Mary's Church (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-SA-4.0",
        },
        "related": ["reitender-roland", "stadtmauer"],
    },
    {
        "key": "rolli-runde",
        "slug": {"de": "rolli-runde", "en": "rolli-trail"},
        "title": {"de": "Rolli-Runde durch die Altstadt", "en": "Rolli trail through the old town"},
        "teaser": {
            "de": (
                "Bronzene Rolli-Plaketten im Pflaster führen auf eigene Faust zu den wichtigsten Stationen "
                "der Altstadt, ideal auch für Familien."
            ),
            "en": (
                "Bronze Rolli plaques set in the pavement guide you on your own to the main sights of the "
                "old town, ideal for families too."
            ),
        },
        "body": {
            "de": [
                (
                    "Die Rolli-Runde ist ein Stadtrundgang zum Selbstentdecken. Kleine Bronzeplaketten mit "
                    "der Figur Rolli sind in das Pflaster eingelassen und zeigen den Weg."
                ),
                (
                    "Die Runde führt unter anderem am Roland, am Rathaus, an St. Marien und an den "
                    "Stadttoren vorbei. Für die ganze Strecke sollten Sie etwa anderthalb Stunden einplanen."
                ),
                (
                    "Für Kinder gibt es die Rolli-Runde auch als geführte Tour mit Quiz. Die Termine stehen "
                    "im Veranstaltungskalender."
                ),
            ],
            "en": [
                (
                    "The Rolli trail is a town walk to explore on your own. Small bronze plaques showing "
                    "the figure Rolli are set into the pavement and point the way."
                ),
                (
                    "Among other places, the route passes the Roland, the town hall, St. Mary's and the "
                    "town gates. Allow about an hour and a half for the whole walk."
                ),
                (
                    "For children, the Rolli trail is also offered as a guided tour with a quiz. Dates are "
                    "listed in the events calendar."
                ),
            ],
        },
        "categories": ["sight"],
        "tags": ["altstadt", "rundgang", "kinder", "rolli"],
        "street": "Markt",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2891,
        "lng": 11.4082,
        "phone": "",
        "email": "",
        "website": "",
        "free": True,
        "prices": {"de": "", "en": ""},
        "hours": [],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": (
                "Der Rundgang ist jederzeit frei begehbar; ein Faltblatt gibt es in der Tourist-Information."
            ),
            "en": "The walk is open at all times; a leaflet is available from the tourist information.",
        },
        "accessibility": {
            "wheelchair": "partial",
            "step_free_entrance": True,
            "accessible_toilet": False,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": False,
            "certification": "",
            "notes": {
                "de": (
                    "Einige Abschnitte führen über Kopfsteinpflaster und kurze Steigungen; eine Variante "
                    "ohne Stufen ist im Faltblatt markiert."
                ),
                "en": (
                    "Some sections cross cobblestones and short slopes; a step-free variant is marked in "
                    "the leaflet."
                ),
            },
        },
        "image": {
            "motif": "people",
            "alt": {
                "de": (
                    "Zeichnung einer Gruppe von Figuren in bunten Jacken, die nebeneinander auf einem Platz "
                    "stehen"
                ),
                "en": "Drawing of a group of figures in colourful jackets standing side by side on a square",
            },
            "caption": {
                "de": "Unterwegs auf der Rolli-Runde (Symbolgrafik)",
                "en": "Out and about on the Rolli trail (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
        "related": ["reitender-roland", "stendaler-tor", "tourist-information"],
    },
    {
        "key": "museum-haldensleben",
        "slug": {"de": "museum-haldensleben", "en": "haldensleben-museum"},
        "title": {"de": "Museum Haldensleben", "en": "Haldensleben Museum"},
        "teaser": {
            "de": (
                "Stadt- und Regionalgeschichte, das Original des Reitenden Roland und eine besondere "
                "Sammlung zu den Brüdern Grimm."
            ),
            "en": (
                "Town and regional history, the original Riding Roland and a remarkable collection on the "
                "Brothers Grimm."
            ),
        },
        "body": {
            "de": [
                (
                    "Das Museum Haldensleben erzählt die Geschichte der Stadt und ihres Umlands, von den "
                    "ersten Siedlungsspuren bis in die jüngere Vergangenheit."
                ),
                (
                    "Ein Höhepunkt ist das Original des Reitenden Roland von 1528, das hier vor Wind und "
                    "Wetter geschützt ausgestellt ist."
                ),
                (
                    "Besonders ist auch die Grimm-Sammlung: 1963 übergab Albertine Plock, eine Enkelin "
                    "Wilhelm Grimms, dem Museum Erinnerungsstücke aus dem Besitz der Familie."
                ),
                (
                    "Wechselausstellungen, Führungen und Märchennachmittage für Kinder ergänzen die "
                    "Dauerausstellung."
                ),
            ],
            "en": [
                (
                    "The Haldensleben Museum tells the story of the town and its surroundings, from the "
                    "first traces of settlement to the recent past."
                ),
                (
                    "One highlight is the 1528 original of the Riding Roland, displayed here protected from "
                    "wind and weather."
                ),
                (
                    "The Grimm collection is special too: in 1963 Albertine Plock, a granddaughter of "
                    "Wilhelm Grimm, gave the museum mementoes from the family's possession."
                ),
                (
                    "Temporary exhibitions, guided tours and fairy-tale afternoons for children complement "
                    "the permanent exhibition."
                ),
            ],
        },
        "categories": ["museum"],
        "tags": ["museum", "roland", "grimm", "stadtgeschichte"],
        "street": "Breiter Gang 1",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2884,
        "lng": 11.4101,
        "phone": "+49 3904 0000-20",
        "email": "museum@example.org",
        "website": "https://www.haldensleben.de/museum/",
        "free": False,
        "prices": {
            "de": "Erwachsene 4 €, ermäßigt 2 €, Kinder bis 6 Jahre frei",
            "en": "Adults €4, reduced €2, children up to 6 free",
        },
        "hours": [
            {"days": ["Tu", "We", "Th", "Fr"], "opens": "10:00", "closes": "17:00"},
            {"days": ["Sa", "Su"], "opens": "13:00", "closes": "17:00"},
        ],
        "exceptions": [
            {"date": "12-24", "closed": True, "label": {"de": "Heiligabend", "en": "Christmas Eve"}},
            {
                "date": "12-31",
                "closed": False,
                "opens": "10:00",
                "closes": "13:00",
                "label": {"de": "Silvester", "en": "New Year's Eve"},
            },
            {"date": "01-01", "closed": True, "label": {"de": "Neujahr", "en": "New Year's Day"}},
        ],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": "Gruppenführungen sind nach Voranmeldung auch außerhalb der Öffnungszeiten möglich.",
            "en": "Group tours can also be arranged outside opening hours if booked in advance.",
        },
        "accessibility": {
            "wheelchair": "yes",
            "step_free_entrance": True,
            "accessible_toilet": True,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": True,
            "certification": "",
            "notes": {
                "de": (
                    "Alle Ausstellungsräume sind über einen Aufzug erreichbar, in jedem Raum gibt es "
                    "Sitzplätze."
                ),
                "en": "All exhibition rooms can be reached by lift, and there is seating in every room.",
            },
        },
        "image": {
            "motif": "museum",
            "alt": {
                "de": "Zeichnung eines breiten, sandfarbenen Museumsbaus mit hellen Fenstern",
                "en": "Drawing of a wide, sand-coloured museum building with bright windows",
            },
            "caption": {
                "de": "Museum Haldensleben (Symbolgrafik)",
                "en": "Haldensleben Museum (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
        "gallery": ["statue"],
        "related": ["reitender-roland", "kulturfabrik", "grosssteingraeber-forst"],
    },
    {
        "key": "kulturfabrik",
        "slug": {"de": "kulturfabrik", "en": "kulturfabrik-cultural-centre"},
        "title": {"de": "Kulturfabrik Haldensleben", "en": "Kulturfabrik cultural centre"},
        "teaser": {
            "de": (
                "Kino, Stadtbibliothek, Ausstellungen und Lesungen unter einem Dach: das kulturelle Zentrum "
                "der Stadt mit Spätvorstellungen am Wochenende."
            ),
            "en": (
                "Cinema, town library, exhibitions and readings under one roof: the town's cultural centre, "
                "with late-night screenings at weekends."
            ),
        },
        "body": {
            "de": [
                (
                    "In der Kulturfabrik kommen viele Angebote zusammen: ein Kino, die Stadtbibliothek, "
                    "Räume für Ausstellungen und eine Bühne für Lesungen und kleine Konzerte."
                ),
                (
                    "Die Stadtbibliothek verleiht Bücher, Zeitschriften, Filme und digitale Medien. Mit "
                    "einem Bibliotheksausweis lassen sich E-Books auch bequem von zu Hause ausleihen."
                ),
                (
                    "Das Kino zeigt aktuelle Filme und Klassiker; freitags und samstags laufen "
                    "Spätvorstellungen bis nach Mitternacht."
                ),
                "Gleich nebenan lädt die Hagen-Passage zum Einkaufen und Verweilen ein.",
            ],
            "en": [
                (
                    "The Kulturfabrik brings many things together: a cinema, the town library, exhibition "
                    "rooms and a stage for readings and small concerts."
                ),
                (
                    "The town library lends books, magazines, films and digital media. With a library card "
                    "you can also borrow e-books from home."
                ),
                (
                    "The cinema shows new releases and classics; on Fridays and Saturdays late screenings "
                    "run until after midnight."
                ),
                "Right next door, the Hagen-Passage invites you to shop and linger.",
            ],
        },
        "categories": ["culture"],
        "tags": ["kino", "bibliothek", "kultur", "lesung"],
        "street": "Gerikestraße 3a",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2872,
        "lng": 11.4061,
        "phone": "+49 3904 0000-30",
        "email": "kulturfabrik@example.org",
        "website": "https://www.haldensleben.de/kulturfabrik/",
        "free": False,
        "prices": {
            "de": "Kino: Erwachsene 8 €, ermäßigt 6 €; Bibliotheksausweis 10 € im Jahr",
            "en": "Cinema: adults €8, reduced €6; library card €10 a year",
        },
        "hours": [
            {"days": ["Tu", "We", "Th", "Fr"], "opens": "10:00", "closes": "18:00"},
            {"days": ["Sa"], "opens": "10:00", "closes": "13:00"},
            {"days": ["We", "Th"], "opens": "18:30", "closes": "22:30"},
            {"days": ["Fr", "Sa"], "opens": "19:00", "closes": "01:00"},
            {"days": ["Su"], "opens": "15:00", "closes": "22:00"},
        ],
        "exceptions": [
            {
                "date": "12-24",
                "closed": True,
                "label": {
                    "de": "Heiligabend: Kino und Bibliothek geschlossen",
                    "en": "Christmas Eve: cinema and library closed",
                },
            },
            {
                "date": "12-31",
                "closed": False,
                "opens": "20:00",
                "closes": "02:00",
                "label": {"de": "Silvester-Kinonacht", "en": "New Year's Eve film night"},
            },
        ],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": (
                "Die Bibliothek öffnet dienstags bis samstags; die Kinokasse öffnet eine halbe Stunde vor "
                "der ersten Vorstellung."
            ),
            "en": (
                "The library is open Tuesday to Saturday; the cinema box office opens half an hour before "
                "the first screening."
            ),
        },
        "accessibility": {
            "wheelchair": "yes",
            "step_free_entrance": True,
            "accessible_toilet": True,
            "hearing_loop": True,
            "guide_dogs": True,
            "disabled_parking": True,
            "certification": "",
            "notes": {
                "de": (
                    "Kinosaal mit Rollstuhlplätzen und Höranlage; Bibliothek und Ausstellungsräume sind "
                    "stufenlos erreichbar."
                ),
                "en": (
                    "Cinema auditorium with wheelchair spaces and a hearing loop; the library and "
                    "exhibition rooms are step-free."
                ),
            },
        },
        "image": {
            "motif": "factory",
            "alt": {
                "de": "Zeichnung eines roten Backsteinbaus mit hohem Schornstein",
                "en": "Drawing of a red-brick building with a tall chimney",
            },
            "caption": {
                "de": "Kulturfabrik Haldensleben (Symbolgrafik)",
                "en": "Kulturfabrik Haldensleben (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
        "gallery": ["music"],
        "related": ["hagen-passage", "museum-haldensleben", "wlan-kulturfabrik"],
    },
    {
        "key": "hagen-passage",
        "slug": {"de": "hagen-passage", "en": "hagen-passage-arcade"},
        "title": {"de": "Hagen-Passage", "en": "Hagen-Passage shopping arcade"},
        "teaser": {
            "de": (
                "Die überdachte Einkaufspassage neben der Kulturfabrik verbindet Geschäfte, ein Café und "
                "Dienstleister mitten in der Innenstadt."
            ),
            "en": (
                "The covered shopping arcade next to the Kulturfabrik brings together shops, a café and "
                "services in the heart of the town centre."
            ),
        },
        "body": {
            "de": [
                (
                    "Die Hagen-Passage liegt direkt neben der Kulturfabrik und ist ein beliebter Treffpunkt "
                    "zum Einkaufen und Verweilen."
                ),
                (
                    "Fachgeschäfte, ein Café und verschiedene Dienstleister sind hier auf kurzen Wegen zu "
                    "erreichen, auch bei Regen trockenen Fußes."
                ),
            ],
            "en": [
                (
                    "The Hagen-Passage is right next to the Kulturfabrik and a popular place to meet, shop "
                    "and linger."
                ),
                (
                    "Specialist shops, a café and various services are close together here, and you stay "
                    "dry even when it rains."
                ),
            ],
        },
        "categories": ["shopping"],
        "tags": ["einkaufen", "innenstadt", "cafe"],
        "street": "Hagenstraße",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2877,
        "lng": 11.4069,
        "phone": "",
        "email": "",
        "website": "https://www.example.org/hagen-passage/",
        "free": True,
        "prices": {"de": "", "en": ""},
        "hours": [
            {"days": ["Mo", "Tu", "We", "Th", "Fr"], "opens": "09:00", "closes": "19:00"},
            {"days": ["Sa"], "opens": "09:00", "closes": "16:00"},
        ],
        "exceptions": [],
        "closed_on_public_holidays": True,
        "hours_note": {
            "de": "Einzelne Geschäfte können abweichende Öffnungszeiten haben.",
            "en": "Individual shops may have different opening hours.",
        },
        "accessibility": {
            "wheelchair": "yes",
            "step_free_entrance": True,
            "accessible_toilet": False,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": True,
            "certification": "",
            "notes": {
                "de": "Ebenerdige Zugänge von beiden Seiten und ein Aufzug ins Obergeschoss.",
                "en": "Level entrances from both sides and a lift to the upper floor.",
            },
        },
        "image": {
            "motif": "building",
            "alt": {
                "de": (
                    "Zeichnung einer Ladenzeile: langgestrecktes Gebäude mit gleichmäßig verteilten "
                    "Schaufenstern"
                ),
                "en": "Drawing of a row of shops: a long building with evenly spaced shop windows",
            },
            "caption": {"de": "Hagen-Passage (Symbolgrafik)", "en": "Hagen-Passage (symbolic illustration)"},
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC0-1.0",
        },
        "related": ["kulturfabrik"],
    },
    {
        "key": "grosssteingraeber-forst",
        "slug": {"de": "grosssteingraeber-haldensleber-forst", "en": "megalithic-graves-haldensleber-forst"},
        "title": {
            "de": "Großsteingräber im Haldensleber Forst",
            "en": "Megalithic graves in the Haldensleber Forst",
        },
        "teaser": {
            "de": (
                "84 Gräber aus Jungsteinzeit und Bronzezeit auf der „Prähistorischen Quadratmeile“, mit dem "
                "Königsgrab als eindrucksvollstem Beispiel."
            ),
            "en": (
                "84 graves from the Neolithic and Bronze Age on the “Prehistoric Square Mile”, with the "
                "Königsgrab as the most impressive example."
            ),
        },
        "body": {
            "de": [
                (
                    "Im Haldensleber Forst liegen 84 Großsteingräber aus der Jungsteinzeit und der "
                    "Bronzezeit. Die „Prähistorische Quadratmeile“ gilt als größtes geschlossenes Gebiet "
                    "solcher Gräber in Nord- und Mitteleuropa."
                ),
                (
                    "Am besten erhalten ist das Königsgrab, das aus rund 60 Findlingen besteht. Sehenswert "
                    "sind auch die Teufelsküche und die Küchentanne."
                ),
                (
                    "Die Gräber sind geschützte Bodendenkmale. Bitte bleiben Sie auf den Wegen und klettern "
                    "Sie nicht auf die Steine."
                ),
            ],
            "en": [
                (
                    "The Haldensleber Forst holds 84 megalithic graves from the Neolithic and the Bronze "
                    "Age. The “Prehistoric Square Mile” is considered the largest closed area of such "
                    "graves in northern and central Europe."
                ),
                (
                    "The best preserved is the Königsgrab, made of about 60 boulders. The Teufelsküche and "
                    "the Küchentanne are also well worth seeing."
                ),
                (
                    "The graves are protected archaeological monuments. Please stay on the paths and do not "
                    "climb on the stones."
                ),
            ],
        },
        "categories": ["archaeology"],
        "tags": ["steinzeit", "wald", "wandern", "grosssteingraeber"],
        "street": "",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.3012,
        "lng": 11.3558,
        "phone": "",
        "email": "",
        "website": "",
        "free": True,
        "prices": {"de": "", "en": ""},
        "hours": [],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": "Die Gräber liegen frei zugänglich im Wald; bei Sturm sollte der Forst gemieden werden.",
            "en": "The graves lie freely accessible in the forest; avoid the woods during storms.",
        },
        "accessibility": {
            "wheelchair": "no",
            "step_free_entrance": False,
            "accessible_toilet": False,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": False,
            "certification": "",
            "notes": {
                "de": (
                    "Die Gräber liegen an sandigen, wurzeligen Waldwegen, die für Rollstühle nicht geeignet "
                    "sind."
                ),
                "en": (
                    "The graves are reached by sandy forest paths with roots that are not suitable for "
                    "wheelchairs."
                ),
            },
        },
        "image": {
            "motif": "stones",
            "alt": {
                "de": "Zeichnung mehrerer grauer Findlinge unter einem flachen Deckstein, umgeben von Bäumen",
                "en": "Drawing of several grey boulders under a flat capstone, surrounded by trees",
            },
            "caption": {
                "de": "Das Königsgrab im Haldensleber Forst (Symbolgrafik)",
                "en": "The Königsgrab in the Haldensleber Forst (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
        "related": ["zeitspuren-pfad", "museum-haldensleben"],
    },
    {
        "key": "zeitspuren-pfad",
        "slug": {"de": "archaeologischer-pfad-zeitspuren", "en": "zeitspuren-archaeological-trail"},
        "title": {"de": "Archäologischer Pfad „Zeitspuren“", "en": "“Zeitspuren” archaeological trail"},
        "teaser": {
            "de": (
                "Der Lehrpfad verbindet ausgewählte Großsteingräber; QR-Codes an den Stationen liefern "
                "Hintergrundwissen direkt aufs Smartphone."
            ),
            "en": (
                "The trail links selected megalithic graves; QR codes at the stations deliver background "
                "information straight to your smartphone."
            ),
        },
        "body": {
            "de": [
                (
                    "Der Pfad „Zeitspuren“ führt durch den Haldensleber Forst zu einigen der schönsten "
                    "Großsteingräber. Tafeln an jeder Station erklären, wie und wann die Anlagen entstanden."
                ),
                (
                    "Wer den QR-Code einer Station scannt, erhält auf dem Smartphone weitere Texte, Bilder "
                    "und Rekonstruktionen, auf Deutsch und auf Englisch."
                ),
                (
                    "Der Weg eignet sich für eine Wanderung oder eine Radtour. Da der Empfang im Wald "
                    "schwanken kann, lohnt es sich, die Inhalte vorab zu laden."
                ),
            ],
            "en": [
                (
                    "The “Zeitspuren” (traces of time) trail leads through the Haldensleber Forst to some "
                    "of the finest megalithic graves. Boards at every station explain how and when they "
                    "were built."
                ),
                (
                    "Scan a station's QR code and your smartphone shows further texts, pictures and "
                    "reconstructions, in German and in English."
                ),
                (
                    "The trail suits a hike or a bike ride. Because reception in the forest can vary, it is "
                    "worth loading the content in advance."
                ),
            ],
        },
        "categories": ["archaeology", "cycling"],
        "tags": ["lehrpfad", "qr-code", "wandern", "steinzeit"],
        "street": "",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2986,
        "lng": 11.3621,
        "phone": "",
        "email": "",
        "website": "",
        "free": True,
        "prices": {"de": "", "en": ""},
        "hours": [],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": "Der Pfad ist ganzjährig begehbar; die Stationen sind nicht beleuchtet.",
            "en": "The trail is open all year; the stations are not lit.",
        },
        "accessibility": {
            "wheelchair": "no",
            "step_free_entrance": False,
            "accessible_toilet": False,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": False,
            "certification": "",
            "notes": {
                "de": (
                    "Unbefestigter Waldweg mit Steigungen; die digitalen Inhalte sind auch von zu Hause "
                    "abrufbar."
                ),
                "en": "Unpaved forest path with slopes; the digital content can also be viewed from home.",
            },
        },
        "image": {
            "motif": "stones",
            "alt": {
                "de": "Zeichnung eines länglichen Steingrabs zwischen Laubbäumen",
                "en": "Drawing of a long stone grave among deciduous trees",
            },
            "caption": {
                "de": "Station am Pfad „Zeitspuren“ (Symbolgrafik)",
                "en": "A station on the “Zeitspuren” trail (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
        "gallery": ["park"],
        "related": ["grosssteingraeber-forst"],
    },
    {
        "key": "schloss-hundisburg",
        "slug": {"de": "schloss-hundisburg", "en": "hundisburg-palace"},
        "title": {"de": "Schloss Hundisburg mit Barockgarten", "en": "Hundisburg Palace and Baroque Garden"},
        "teaser": {
            "de": (
                "Das bedeutendste ländliche Barockschloss Sachsen-Anhalts mit weitläufigem Barockgarten, "
                "Spielort der SommerMusikAkademie und beliebter Ort für Hochzeiten."
            ),
            "en": (
                "The most important rural baroque palace in Saxony-Anhalt with an extensive baroque garden, "
                "venue of the Summer Music Academy and a popular wedding location."
            ),
        },
        "body": {
            "de": [
                (
                    "Hundisburg wird 1140 zum ersten Mal erwähnt. Ab 1693 ließ Johann Friedrich von "
                    "Alvensleben die Anlage zu einem prächtigen Barockschloss umbauen."
                ),
                (
                    "Heute gilt Schloss Hundisburg als das bedeutendste ländliche Barockschloss in "
                    "Sachsen-Anhalt. Der Barockgarten mit Terrassen, Hecken und Sichtachsen lädt zum "
                    "Flanieren ein."
                ),
                (
                    "Jeden Sommer ist das Schloss Spielort der Internationalen SommerMusikAkademie. "
                    "Außerdem ist es ein gefragter Ort für Trauungen und Familienfeiern."
                ),
            ],
            "en": [
                (
                    "Hundisburg is first mentioned in 1140. From 1693, Johann Friedrich von Alvensleben had "
                    "it rebuilt as a magnificent baroque palace."
                ),
                (
                    "Today Hundisburg Palace is regarded as the most important rural baroque palace in "
                    "Saxony-Anhalt. The baroque garden with its terraces, hedges and sight lines invites "
                    "you to stroll."
                ),
                (
                    "Every summer the palace hosts the International Summer Music Academy. It is also a "
                    "sought-after place for weddings and family celebrations."
                ),
            ],
        },
        "categories": ["castle", "park"],
        "tags": ["barock", "schloss", "garten", "hochzeit"],
        "street": "Schloss 1",
        "postal_code": "39343",
        "locality": "Haldensleben OT Hundisburg",
        "lat": 52.2628,
        "lng": 11.414,
        "phone": "+49 3904 0000-40",
        "email": "schloss@example.org",
        "website": "https://www.example.org/schloss-hundisburg/",
        "free": False,
        "prices": {
            "de": "Barockgarten frei; Schlossführung Erwachsene 6 €, ermäßigt 4 €",
            "en": "Baroque garden free; palace tour adults €6, reduced €4",
        },
        "hours": [
            {
                "days": ["Tu", "We", "Th", "Fr", "Sa", "Su"],
                "opens": "10:00",
                "closes": "18:00",
                "season": ["04-01", "10-31"],
            },
            {"days": ["Sa", "Su"], "opens": "11:00", "closes": "16:00"},
        ],
        "exceptions": [
            {
                "date": "12-24",
                "closed": True,
                "label": {"de": "Heiligabend: Schloss geschlossen", "en": "Christmas Eve: palace closed"},
            },
            {
                "date": "12-31",
                "closed": True,
                "label": {"de": "Silvester: Schloss geschlossen", "en": "New Year's Eve: palace closed"},
            },
        ],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": (
                "Der Barockgarten ist tagsüber frei zugänglich; die Zeiten gelten für Ausstellungen und "
                "Führungen im Schloss. Im Winter nur am Wochenende."
            ),
            "en": (
                "The baroque garden is open during the day; the times apply to exhibitions and tours in the "
                "palace. In winter at weekends only."
            ),
        },
        "accessibility": {
            "wheelchair": "partial",
            "step_free_entrance": True,
            "accessible_toilet": True,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": True,
            "certification": "",
            "notes": {
                "de": (
                    "Erdgeschoss und Garten sind weitgehend stufenlos, die Obergeschosse nur über Treppen "
                    "erreichbar. Die Gartenwege sind mit Kies belegt."
                ),
                "en": (
                    "The ground floor and garden are largely step-free; the upper floors can only be "
                    "reached by stairs. The garden paths are gravelled."
                ),
            },
        },
        "image": {
            "motif": "castle",
            "alt": {
                "de": "Zeichnung eines langen, hellen Schlossbaus mit mittigem Türmchen",
                "en": "Drawing of a long, light-coloured palace with a small central tower",
            },
            "caption": {
                "de": "Schloss Hundisburg (Symbolgrafik)",
                "en": "Hundisburg Palace (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
        "gallery": ["garden"],
        "related": [
            "landschaftspark-althaldensleben-hundisburg",
            "ziegelei-hundisburg",
            "schulmuseum-hundisburg",
        ],
    },
    {
        "key": "landschaftspark-althaldensleben-hundisburg",
        "slug": {
            "de": "landschaftspark-althaldensleben-hundisburg",
            "en": "althaldensleben-hundisburg-landscape-park",
        },
        "title": {
            "de": "Landschaftspark Althaldensleben-Hundisburg",
            "en": "Althaldensleben-Hundisburg Landscape Park",
        },
        "teaser": {
            "de": (
                "Rund 100 Hektar Parklandschaft im englischen Stil, um 1810 angelegt und Teil des Netzwerks "
                "„Gartenträume“ in Sachsen-Anhalt."
            ),
            "en": (
                "Around 100 hectares of English-style parkland, laid out around 1810 and part of the "
                "“Gartenträume” network in Saxony-Anhalt."
            ),
        },
        "body": {
            "de": [
                (
                    "Zwischen Althaldensleben und Hundisburg erstreckt sich ein Landschaftspark von etwa "
                    "100 Hektar. Er wurde um 1810 nach englischem Vorbild angelegt."
                ),
                (
                    "Wiesen, Baumgruppen und Wasserläufe wechseln sich ab und eröffnen immer neue Blicke in "
                    "die Landschaft. Der Park gehört zu den „Gartenträumen“, den historischen Parks in "
                    "Sachsen-Anhalt."
                ),
                "Ein Spazierweg verbindet den Park mit dem Barockgarten von Schloss Hundisburg.",
            ],
            "en": [
                (
                    "Between Althaldensleben and Hundisburg lies a landscape park of about 100 hectares. It "
                    "was laid out around 1810 on the English model."
                ),
                (
                    "Meadows, groups of trees and streams alternate and keep opening up new views of the "
                    "landscape. The park belongs to the “Gartenträume”, Saxony-Anhalt's network of historic "
                    "parks."
                ),
                "A footpath links the park with the baroque garden of Hundisburg Palace.",
            ],
        },
        "categories": ["park"],
        "tags": ["gartentraeume", "park", "spaziergang"],
        "street": "",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2722,
        "lng": 11.4168,
        "phone": "",
        "email": "",
        "website": "",
        "free": True,
        "prices": {"de": "", "en": ""},
        "hours": [],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": "Der Park ist ganzjährig und rund um die Uhr geöffnet.",
            "en": "The park is open all year round, day and night.",
        },
        "accessibility": {
            "wheelchair": "partial",
            "step_free_entrance": True,
            "accessible_toilet": False,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": False,
            "certification": "",
            "notes": {
                "de": (
                    "Die Hauptwege sind breit und überwiegend eben, Nebenwege teils uneben und nach Regen "
                    "matschig."
                ),
                "en": (
                    "The main paths are wide and mostly level; side paths are partly uneven and muddy after "
                    "rain."
                ),
            },
        },
        "image": {
            "motif": "park",
            "alt": {
                "de": "Zeichnung einer Wiese mit vielen locker verteilten Laubbäumen",
                "en": "Drawing of a meadow with many loosely scattered deciduous trees",
            },
            "caption": {
                "de": "Landschaftspark Althaldensleben-Hundisburg (Symbolgrafik)",
                "en": "Althaldensleben-Hundisburg Landscape Park (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-SA-4.0",
        },
        "related": ["schloss-hundisburg"],
    },
    {
        "key": "ziegelei-hundisburg",
        "slug": {"de": "technisches-denkmal-ziegelei-hundisburg", "en": "hundisburg-brickworks"},
        "title": {
            "de": "Technisches Denkmal Ziegelei Hundisburg",
            "en": "Hundisburg Brickworks industrial monument",
        },
        "teaser": {
            "de": (
                "Eine historische Ziegelei zum Anfassen: Führungen durch die Produktion, Fahrten mit der "
                "Feldbahn und eine Töpferwerkstatt."
            ),
            "en": (
                "A historic brickworks to explore hands-on: tours of the production, rides on the field "
                "railway and a pottery workshop."
            ),
        },
        "body": {
            "de": [
                (
                    "In der Ziegelei Hundisburg lässt sich nachvollziehen, wie früher Ziegel geformt, "
                    "getrocknet und gebrannt wurden. Die Anlage ist als technisches Denkmal erhalten."
                ),
                (
                    "Bei Führungen erfahren Gäste viel über die harte Arbeit in der Ziegelei. An "
                    "Aktionstagen fährt die Feldbahn, mit der einst Lehm und Ziegel bewegt wurden."
                ),
                "In der Töpferwerkstatt können Kinder und Erwachsene selbst mit Ton arbeiten.",
            ],
            "en": [
                (
                    "At Hundisburg Brickworks you can see how bricks used to be shaped, dried and fired. "
                    "The site has been preserved as an industrial monument."
                ),
                (
                    "On guided tours, visitors learn a lot about the hard work in the brickworks. On "
                    "special days, the field railway that once moved clay and bricks is running."
                ),
                "In the pottery workshop, children and adults can work with clay themselves.",
            ],
        },
        "categories": ["museum", "sight"],
        "tags": ["industriekultur", "feldbahn", "toepfern"],
        "street": "Ziegelei 1",
        "postal_code": "39343",
        "locality": "Haldensleben OT Hundisburg",
        "lat": 52.2576,
        "lng": 11.4226,
        "phone": "+49 3904 0000-50",
        "email": "ziegelei@example.org",
        "website": "https://www.example.org/ziegelei-hundisburg/",
        "free": False,
        "prices": {
            "de": "Erwachsene 5 €, Kinder 2,50 €, Feldbahnfahrt 2 € zusätzlich",
            "en": "Adults €5, children €2.50, field railway ride €2 extra",
        },
        "hours": [
            {
                "days": ["We", "Th", "Fr", "Sa", "Su"],
                "opens": "10:00",
                "closes": "17:00",
                "season": ["04-01", "10-31"],
            }
        ],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": "Von November bis März geschlossen; Gruppen nach Vereinbarung.",
            "en": "Closed from November to March; groups by arrangement.",
        },
        "accessibility": {
            "wheelchair": "partial",
            "step_free_entrance": True,
            "accessible_toilet": True,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": True,
            "certification": "",
            "notes": {
                "de": (
                    "Das Außengelände ist überwiegend befahrbar; einige Gebäude haben Schwellen und enge "
                    "Durchgänge."
                ),
                "en": (
                    "The outdoor area is mostly passable; some buildings have thresholds and narrow passages."
                ),
            },
        },
        "image": {
            "motif": "factory",
            "alt": {
                "de": "Zeichnung eines langen Backsteingebäudes mit schlankem Schornstein",
                "en": "Drawing of a long brick building with a slender chimney",
            },
            "caption": {
                "de": "Ziegelei Hundisburg (Symbolgrafik)",
                "en": "Hundisburg Brickworks (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
        "gallery": ["people"],
        "related": ["schloss-hundisburg", "schulmuseum-hundisburg"],
    },
    {
        "key": "schulmuseum-hundisburg",
        "slug": {"de": "schulmuseum-hundisburg", "en": "hundisburg-school-museum"},
        "title": {"de": "Schulmuseum Hundisburg", "en": "Hundisburg School Museum"},
        "teaser": {
            "de": (
                "Schulalltag wie um 1900: Schiefertafeln, Holzbänke und strenge Regeln in einem "
                "originalgetreu eingerichteten Klassenzimmer."
            ),
            "en": (
                "School life as it was around 1900: slates, wooden benches and strict rules in a faithfully "
                "furnished classroom."
            ),
        },
        "body": {
            "de": [
                (
                    "Das Schulmuseum zeigt ein Klassenzimmer, wie es um 1900 ausgesehen hat, mit "
                    "Holzbänken, Schiefertafeln und Griffeln."
                ),
                (
                    "Bei einer historischen Schulstunde schlüpfen Schulklassen und Familien in die Rolle "
                    "der damaligen Schülerinnen und Schüler. Schönschrift inklusive."
                ),
            ],
            "en": [
                (
                    "The school museum shows a classroom as it looked around 1900, with wooden benches, "
                    "slates and slate pencils."
                ),
                (
                    "In a historic school lesson, school classes and families take on the role of the "
                    "pupils of the time. Handwriting practice included."
                ),
            ],
        },
        "categories": ["museum"],
        "tags": ["schule", "geschichte", "familie"],
        "street": "Schulstraße 2",
        "postal_code": "39343",
        "locality": "Haldensleben OT Hundisburg",
        "lat": 52.2612,
        "lng": 11.4166,
        "phone": "+49 3904 0000-55",
        "email": "schulmuseum@example.org",
        "website": "",
        "free": False,
        "prices": {"de": "Erwachsene 3 €, Kinder 1,50 €", "en": "Adults €3, children €1.50"},
        "hours": [{"days": ["Sa", "Su"], "opens": "13:00", "closes": "17:00", "season": ["04-01", "10-31"]}],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": "Historische Schulstunden für Gruppen das ganze Jahr nach Anmeldung.",
            "en": "Historic school lessons for groups all year round by appointment.",
        },
        "accessibility": {
            "wheelchair": "no",
            "step_free_entrance": False,
            "accessible_toilet": False,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": False,
            "certification": "",
            "notes": {
                "de": "Das Klassenzimmer liegt im Obergeschoss und ist nur über eine Treppe zu erreichen.",
                "en": "The classroom is on the upper floor and can only be reached by stairs.",
            },
        },
        "image": {
            "motif": "school",
            "alt": {
                "de": "Zeichnung eines rot gestrichenen Schulhauses mit zwei Fensterreihen",
                "en": "Drawing of a red-painted schoolhouse with two rows of windows",
            },
            "caption": {
                "de": "Schulmuseum Hundisburg (Symbolgrafik)",
                "en": "Hundisburg School Museum (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
        "related": ["schloss-hundisburg", "ziegelei-hundisburg"],
    },
    {
        "key": "ruine-nordhusen",
        "slug": {"de": "ruine-nordhusen", "en": "nordhusen-church-ruin"},
        "title": {"de": "Ruine Nordhusen", "en": "Nordhusen church ruin"},
        "teaser": {
            "de": (
                "Der romanische Kirchturm steht malerisch an einem Steinbruchsee und ist eine Station der "
                "Straße der Romanik am Aller-Elbe-Radweg."
            ),
            "en": (
                "The Romanesque church tower stands picturesquely by a quarry lake and is a site on the "
                "Romanesque Road, right on the Aller-Elbe cycle route."
            ),
        },
        "body": {
            "de": [
                (
                    "Von der romanischen Kirche Nordhusen ist vor allem der mächtige Turm erhalten. Er "
                    "spiegelt sich im Wasser eines ehemaligen Steinbruchs."
                ),
                (
                    "Die Ruine gehört zur Straße der Romanik, die bedeutende mittelalterliche Bauten in "
                    "Sachsen-Anhalt verbindet. Der Aller-Elbe-Radweg führt direkt daran vorbei."
                ),
                "Rund um die Ruine laden Bänke zur Rast ein. Die Uferkanten des Sees sind teilweise steil.",
            ],
            "en": [
                (
                    "Above all, the mighty tower of the Romanesque church of Nordhusen has survived. It is "
                    "reflected in the water of a former quarry."
                ),
                (
                    "The ruin is part of the Romanesque Road, which links important medieval buildings in "
                    "Saxony-Anhalt. The Aller-Elbe cycle route runs right past it."
                ),
                (
                    "Benches around the ruin invite you to take a break. The edges of the lake are steep in "
                    "places."
                ),
            ],
        },
        "categories": ["sight", "cycling"],
        "tags": ["romanik", "radweg", "ruine"],
        "street": "",
        "postal_code": "39343",
        "locality": "Haldensleben OT Hundisburg",
        "lat": 52.2536,
        "lng": 11.4331,
        "phone": "",
        "email": "",
        "website": "",
        "free": True,
        "prices": {"de": "", "en": ""},
        "hours": [],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": "Die Ruine ist jederzeit von außen zu besichtigen.",
            "en": "The ruin can be viewed from outside at any time.",
        },
        "accessibility": {
            "wheelchair": "partial",
            "step_free_entrance": False,
            "accessible_toilet": False,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": False,
            "certification": "",
            "notes": {
                "de": (
                    "Der Zugang führt über einen unbefestigten Weg, der bei Trockenheit mit Unterstützung "
                    "befahrbar ist."
                ),
                "en": "Access is via an unpaved path that can be managed with assistance in dry weather.",
            },
        },
        "image": {
            "motif": "ruin",
            "alt": {
                "de": "Zeichnung eines dachlosen Turmstumpfs aus Naturstein am Ufer eines blauen Sees",
                "en": "Drawing of a roofless stump of a stone tower on the shore of a blue lake",
            },
            "caption": {
                "de": "Ruine Nordhusen am Steinbruchsee (Symbolgrafik)",
                "en": "Nordhusen ruin by the quarry lake (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC0-1.0",
        },
        "related": ["radrastplatz-ohre", "schloss-hundisburg"],
    },
    {
        "key": "tourist-information",
        "slug": {"de": "tourist-information", "en": "tourist-information-centre"},
        "title": {"de": "Tourist-Information Haldensleben", "en": "Haldensleben Tourist Information"},
        "teaser": {
            "de": (
                "Stadtpläne, Ausflugstipps, Tickets und Souvenirs: Die Tourist-Information am Markt ist die "
                "erste Anlaufstelle für Gäste."
            ),
            "en": (
                "Town maps, tips for day trips, tickets and souvenirs: the tourist information on the "
                "market square is the first port of call for visitors."
            ),
        },
        "body": {
            "de": [
                (
                    "Das Team der Tourist-Information hilft bei der Planung von Ausflügen in Haldensleben "
                    "und Umgebung. Hier gibt es Karten, Broschüren und das Faltblatt zur Rolli-Runde."
                ),
                (
                    "Stadtführungen und Karten für viele Veranstaltungen lassen sich direkt vor Ort buchen. "
                    "Auch bei der Suche nach einer Unterkunft wird gern geholfen."
                ),
                "Im kleinen Laden warten Bücher zur Stadtgeschichte und Andenken mit dem Reitenden Roland.",
            ],
            "en": [
                (
                    "The tourist information team helps you plan trips in and around Haldensleben. Maps, "
                    "brochures and the Rolli trail leaflet are available here."
                ),
                (
                    "Town tours and tickets for many events can be booked on the spot. The team is also "
                    "happy to help you find accommodation."
                ),
                (
                    "The small shop offers books on the town's history and souvenirs featuring the Riding "
                    "Roland."
                ),
            ],
        },
        "categories": ["tourist-info"],
        "tags": ["information", "stadtfuehrung", "tickets"],
        "street": "Markt 22",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2891,
        "lng": 11.4091,
        "phone": "+49 3904 0000-10",
        "email": "tourismus@example.org",
        "website": "https://www.haldensleben.de/tourismus/",
        "free": True,
        "prices": {"de": "", "en": ""},
        "hours": [
            {
                "days": ["Mo", "Tu", "We", "Th", "Fr"],
                "opens": "09:00",
                "closes": "18:00",
                "season": ["04-01", "10-31"],
            },
            {"days": ["Sa"], "opens": "10:00", "closes": "14:00", "season": ["04-01", "10-31"]},
            {"days": ["Mo", "Tu", "We", "Th", "Fr"], "opens": "09:00", "closes": "17:00"},
        ],
        "exceptions": [
            {
                "date": "12-24",
                "closed": True,
                "label": {
                    "de": "Heiligabend: Tourist-Information geschlossen",
                    "en": "Christmas Eve: tourist information closed",
                },
            }
        ],
        "closed_on_public_holidays": True,
        "hours_note": {
            "de": "Von April bis Oktober auch samstags geöffnet.",
            "en": "From April to October also open on Saturdays.",
        },
        "accessibility": {
            "wheelchair": "yes",
            "step_free_entrance": True,
            "accessible_toilet": False,
            "hearing_loop": True,
            "guide_dogs": True,
            "disabled_parking": False,
            "certification": "",
            "notes": {
                "de": "Stufenloser Eingang vom Markt; Informationsmaterial gibt es auch in Großdruck.",
                "en": (
                    "Step-free entrance from the market square; information material is also available in "
                    "large print."
                ),
            },
        },
        "image": {
            "motif": "info",
            "alt": {
                "de": (
                    "Zeichnung eines Gebäudes mit einem großen runden Informationszeichen „i“ über dem Dach"
                ),
                "en": "Drawing of a building with a large round “i” information sign above the roof",
            },
            "caption": {
                "de": "Tourist-Information am Markt (Symbolgrafik)",
                "en": "Tourist information on the market square (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
        "related": ["rolli-runde", "reitender-roland", "e-bike-verleih-bahnhof"],
    },
    {
        "key": "e-bike-verleih-bahnhof",
        "slug": {"de": "e-bike-verleih-am-bahnhof", "en": "e-bike-rental-at-the-station"},
        "title": {"de": "E-Bike-Verleih am Bahnhof", "en": "E-bike rental at the railway station"},
        "teaser": {
            "de": (
                "Direkt am Bahnhof stehen Pedelecs zum Ausleihen bereit, für Ausflüge nach Hundisburg, in "
                "den Forst oder auf den Aller-Elbe-Radweg."
            ),
            "en": (
                "Pedelecs are ready for hire right at the station, for trips to Hundisburg, into the forest "
                "or along the Aller-Elbe cycle route."
            ),
        },
        "body": {
            "de": [
                (
                    "Am Bahnhof Haldensleben können Gäste und Einheimische E-Bikes stunden- oder tageweise "
                    "ausleihen. Der Verleih ist Teil des städtischen Mobilitätsprojekts."
                ),
                (
                    "Die Räder werden vor Ort übergeben; Helme, Schlösser und Packtaschen gibt es auf "
                    "Wunsch dazu. Eine Reservierung per E-Mail wird empfohlen."
                ),
                (
                    "Beliebte Ziele sind Schloss Hundisburg, die Großsteingräber im Haldensleber Forst und "
                    "die Ruine Nordhusen."
                ),
            ],
            "en": [
                (
                    "At Haldensleben station, visitors and locals can hire e-bikes by the hour or by the "
                    "day. The rental is part of the town's mobility project."
                ),
                (
                    "Bikes are handed over on site; helmets, locks and panniers are available on request. "
                    "Booking by e-mail is recommended."
                ),
                (
                    "Popular destinations include Hundisburg Palace, the megalithic graves in the "
                    "Haldensleber Forst and the Nordhusen ruin."
                ),
            ],
        },
        "categories": ["mobility", "cycling"],
        "tags": ["e-bike", "verleih", "bahnhof", "mobilitaet"],
        "street": "Bahnhofstraße",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2861,
        "lng": 11.4196,
        "phone": "+49 3904 0000-80",
        "email": "ebike@example.org",
        "website": "https://www.haldensleben.de/mobilitaet/",
        "free": False,
        "prices": {
            "de": "4 Stunden 15 €, ganzer Tag 25 €, Kaution 50 €",
            "en": "4 hours €15, full day €25, deposit €50",
        },
        "hours": [
            {
                "days": ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
                "opens": "08:00",
                "closes": "19:00",
                "season": ["04-01", "10-31"],
            },
            {"days": ["Mo", "Tu", "We", "Th", "Fr"], "opens": "09:00", "closes": "17:00"},
        ],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": "Im Winter nur werktags; Rückgabe bis spätestens zur Schließzeit.",
            "en": "In winter on weekdays only; bikes must be returned by closing time.",
        },
        "accessibility": {
            "wheelchair": "partial",
            "step_free_entrance": True,
            "accessible_toilet": False,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": True,
            "certification": "",
            "notes": {
                "de": (
                    "Die Ausgabestelle ist stufenlos erreichbar; Dreiräder oder Handbikes gehören nicht zum "
                    "Angebot."
                ),
                "en": "The rental desk is step-free; tricycles and handbikes are not available.",
            },
        },
        "image": {
            "motif": "bike",
            "alt": {
                "de": "Zeichnung eines Fahrrads in Seitenansicht mit zwei großen Rädern und farbigem Rahmen",
                "en": "Side-view drawing of a bicycle with two large wheels and a coloured frame",
            },
            "caption": {
                "de": "E-Bike-Verleih am Bahnhof (Symbolgrafik)",
                "en": "E-bike rental at the station (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
        "related": ["ladesaeule-bahnhofstrasse", "ruine-nordhusen", "tourist-information"],
    },
    {
        "key": "wlan-markt",
        "slug": {"de": "wlan-hotspot-markt", "en": "wifi-hotspot-market-square"},
        "title": {"de": "WLAN-Hotspot am Markt", "en": "Wi-Fi hotspot on the market square"},
        "teaser": {
            "de": (
                "Kostenloses Internet unter freiem Himmel: Das städtische WLAN deckt den Marktplatz rund um "
                "Rathaus und Roland ab."
            ),
            "en": (
                "Free internet in the open air: the town's Wi-Fi covers the market square around the town "
                "hall and the Roland."
            ),
        },
        "body": {
            "de": [
                (
                    "Der Hotspot am Markt ist Teil des kommunalen öffentlichen WLAN-Netzes. Die Nutzung ist "
                    "kostenlos und ohne Registrierung möglich."
                ),
                (
                    "Nach dem Verbinden mit dem Netz der Stadt genügt es, einmal die Nutzungsbedingungen zu "
                    "bestätigen. Der Zugang gilt dann für den ganzen Tag."
                ),
                (
                    "Öffentliche Netze sind unverschlüsselt. Für vertrauliche Vorgänge empfiehlt sich eine "
                    "zusätzlich gesicherte Verbindung."
                ),
            ],
            "en": [
                (
                    "The hotspot on the market square is part of the municipal public Wi-Fi network. It is "
                    "free to use and needs no registration."
                ),
                (
                    "After connecting to the town's network, you only need to accept the terms of use once. "
                    "Access is then valid for the whole day."
                ),
                (
                    "Public networks are unencrypted. For confidential matters, an additionally secured "
                    "connection is recommended."
                ),
            ],
        },
        "categories": ["wifi"],
        "tags": ["wlan", "internet", "digital"],
        "street": "Markt",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2892,
        "lng": 11.4088,
        "phone": "",
        "email": "",
        "website": "https://www.haldensleben.de/digitalisierung/",
        "free": True,
        "prices": {"de": "", "en": ""},
        "hours": [],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": "Rund um die Uhr verfügbar; bei Wartungsarbeiten sind kurze Unterbrechungen möglich.",
            "en": "Available around the clock; short interruptions are possible during maintenance.",
        },
        "accessibility": {
            "wheelchair": "yes",
            "step_free_entrance": True,
            "accessible_toilet": False,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": False,
            "certification": "",
            "notes": {
                "de": "Der Empfang reicht über den gesamten, ebenen Marktplatz.",
                "en": "Reception covers the whole level market square.",
            },
        },
        "image": {
            "motif": "wifi",
            "alt": {
                "de": "Grafik mit drei gebogenen Funkwellen über einem Punkt, dem bekannten WLAN-Symbol",
                "en": "Graphic of three curved radio waves above a dot, the familiar Wi-Fi symbol",
            },
            "caption": {
                "de": "Öffentliches WLAN am Markt (Symbolgrafik)",
                "en": "Public Wi-Fi on the market square (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC0-1.0",
        },
        "related": ["rathaus", "reitender-roland"],
    },
    {
        "key": "wlan-kulturfabrik",
        "slug": {"de": "wlan-hotspot-kulturfabrik", "en": "wifi-hotspot-kulturfabrik"},
        "title": {"de": "WLAN-Hotspot Kulturfabrik", "en": "Wi-Fi hotspot at the Kulturfabrik"},
        "teaser": {
            "de": (
                "Im Foyer, in der Stadtbibliothek und auf dem Vorplatz der Kulturfabrik surfen Gäste "
                "kostenlos im städtischen WLAN."
            ),
            "en": (
                "In the foyer, in the town library and on the forecourt of the Kulturfabrik, visitors can "
                "use the town's Wi-Fi free of charge."
            ),
        },
        "body": {
            "de": [
                (
                    "Auch an der Kulturfabrik steht das öffentliche WLAN der Stadt zur Verfügung. Besonders "
                    "gern wird es in der Bibliothek zum Lernen und Arbeiten genutzt."
                ),
                (
                    "Auf dem Vorplatz ist das Netz rund um die Uhr erreichbar, im Gebäude während der "
                    "Öffnungszeiten."
                ),
            ],
            "en": [
                (
                    "The town's public Wi-Fi is also available at the Kulturfabrik. It is especially "
                    "popular in the library for studying and working."
                ),
                (
                    "On the forecourt the network can be used around the clock, inside the building during "
                    "opening hours."
                ),
            ],
        },
        "categories": ["wifi"],
        "tags": ["wlan", "bibliothek", "digital"],
        "street": "Gerikestraße 3a",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2871,
        "lng": 11.4059,
        "phone": "",
        "email": "",
        "website": "https://www.haldensleben.de/digitalisierung/",
        "free": True,
        "prices": {"de": "", "en": ""},
        "hours": [],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": "Im Gebäude nur während der Öffnungszeiten der Kulturfabrik.",
            "en": "Inside the building only during the Kulturfabrik's opening hours.",
        },
        "accessibility": {
            "wheelchair": "yes",
            "step_free_entrance": True,
            "accessible_toilet": True,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": True,
            "certification": "",
            "notes": {
                "de": "Foyer und Bibliothek sind stufenlos zugänglich.",
                "en": "The foyer and library are step-free.",
            },
        },
        "image": {
            "motif": "wifi",
            "alt": {
                "de": "Grafik eines WLAN-Zeichens: ein Punkt, darüber drei ineinanderliegende Bögen",
                "en": "Graphic of a Wi-Fi sign: a dot with three nested arcs above it",
            },
            "caption": {
                "de": "WLAN an der Kulturfabrik (Symbolgrafik)",
                "en": "Wi-Fi at the Kulturfabrik (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC0-1.0",
        },
        "related": ["kulturfabrik", "wlan-markt"],
    },
    {
        "key": "ladesaeule-bahnhofstrasse",
        "slug": {"de": "e-ladesaeule-bahnhofstrasse", "en": "ev-charging-point-bahnhofstrasse"},
        "title": {"de": "E-Ladesäule Bahnhofstraße", "en": "EV charging point on Bahnhofstraße"},
        "teaser": {
            "de": (
                "Zwei Ladepunkte für Elektroautos in Bahnhofsnähe: praktisch für alle, die mit dem Auto "
                "anreisen und mit Bahn oder E-Bike weiterfahren."
            ),
            "en": (
                "Two charging points for electric cars near the station: handy for anyone who arrives by "
                "car and continues by train or e-bike."
            ),
        },
        "body": {
            "de": [
                (
                    "Die öffentliche Ladesäule bietet zwei Ladepunkte mit jeweils bis zu 22 Kilowatt. "
                    "Bezahlt wird per Ladekarte, App oder spontan über einen QR-Code."
                ),
                (
                    "Während das Auto lädt, sind es nur wenige Schritte zum Bahnhof, zum E-Bike-Verleih und "
                    "in die Innenstadt."
                ),
            ],
            "en": [
                (
                    "The public charging station has two charging points of up to 22 kilowatts each. You "
                    "can pay with a charging card, an app or on the spot via a QR code."
                ),
                (
                    "While the car charges, the station, the e-bike rental and the town centre are only a "
                    "few steps away."
                ),
            ],
        },
        "categories": ["mobility"],
        "tags": ["elektroauto", "laden", "mobilitaet"],
        "street": "Bahnhofstraße",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2866,
        "lng": 11.4184,
        "phone": "",
        "email": "",
        "website": "https://www.haldensleben.de/mobilitaet/",
        "free": False,
        "prices": {
            "de": "Preis je Kilowattstunde laut Anzeige an der Säule; Parken während des Ladens kostenfrei",
            "en": "Price per kilowatt hour as shown on the charger; parking free while charging",
        },
        "hours": [],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {"de": "Rund um die Uhr nutzbar.", "en": "Can be used around the clock."},
        "accessibility": {
            "wheelchair": "yes",
            "step_free_entrance": True,
            "accessible_toilet": False,
            "hearing_loop": False,
            "guide_dogs": False,
            "disabled_parking": True,
            "certification": "",
            "notes": {
                "de": "Ein Ladeplatz ist verbreitert und für Menschen mit Behinderung ausgewiesen.",
                "en": "One charging bay is extra wide and reserved for people with disabilities.",
            },
        },
        "image": {
            "motif": "info",
            "alt": {
                "de": (
                    "Zeichnung eines Servicegebäudes mit rundem Hinweisschild, Sinnbild für die Ladestation"
                ),
                "en": "Drawing of a service building with a round sign, a symbol of the charging station",
            },
            "caption": {
                "de": "E-Ladesäule in der Bahnhofstraße (Symbolgrafik)",
                "en": "Charging point on Bahnhofstraße (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
        "related": ["e-bike-verleih-bahnhof"],
    },
    {
        "key": "radrastplatz-ohre",
        "slug": {"de": "radrastplatz-an-der-ohre", "en": "cyclists-rest-area-on-the-ohre"},
        "title": {"de": "Radrastplatz an der Ohre", "en": "Cyclists' rest area on the Ohre"},
        "teaser": {
            "de": (
                "Bänke, Übersichtskarte und Reparatursäule: Der Rastplatz am Ufer der Ohre ist ein guter "
                "Ausgangspunkt für Touren auf dem Aller-Elbe-Radweg."
            ),
            "en": (
                "Benches, an overview map and a repair stand: the rest area on the bank of the Ohre is a "
                "good starting point for rides on the Aller-Elbe cycle route."
            ),
        },
        "body": {
            "de": [
                (
                    "Am Ufer der Ohre lädt ein kleiner Rastplatz Radfahrende zur Pause ein. Eine "
                    "Übersichtskarte zeigt den Verlauf des Aller-Elbe-Radwegs und lohnende Ziele in der "
                    "Umgebung."
                ),
                (
                    "Eine Reparatursäule mit Werkzeug und Luftpumpe hilft bei kleinen Pannen. Bis in die "
                    "Altstadt sind es nur wenige Minuten."
                ),
                "Von hier aus erreichen Sie über den Radweg die Ruine Nordhusen und Schloss Hundisburg.",
            ],
            "en": [
                (
                    "On the bank of the Ohre, a small rest area invites cyclists to take a break. An "
                    "overview map shows the route of the Aller-Elbe cycle path and worthwhile destinations "
                    "nearby."
                ),
                (
                    "A repair stand with tools and an air pump helps with minor breakdowns. The old town is "
                    "only a few minutes away."
                ),
                "From here the cycle route takes you to the Nordhusen ruin and Hundisburg Palace.",
            ],
        },
        "categories": ["cycling"],
        "tags": ["radweg", "rastplatz", "ohre"],
        "street": "",
        "postal_code": "39340",
        "locality": "Haldensleben",
        "lat": 52.2868,
        "lng": 11.4128,
        "phone": "",
        "email": "",
        "website": "",
        "free": True,
        "prices": {"de": "", "en": ""},
        "hours": [],
        "exceptions": [],
        "closed_on_public_holidays": False,
        "hours_note": {
            "de": "Frei zugänglich; die Reparatursäule steht das ganze Jahr bereit.",
            "en": "Open access; the repair stand is available all year.",
        },
        "accessibility": {
            "wheelchair": "yes",
            "step_free_entrance": True,
            "accessible_toilet": False,
            "hearing_loop": False,
            "guide_dogs": True,
            "disabled_parking": False,
            "certification": "",
            "notes": {
                "de": "Ein ebener, wassergebundener Weg führt bis zu den Bänken.",
                "en": "A level gravel path leads to the benches.",
            },
        },
        "image": {
            "motif": "bike",
            "alt": {
                "de": "Zeichnung eines Fahrrads mit dunklen Reifen vor hellem Himmel",
                "en": "Drawing of a bicycle with dark tyres against a bright sky",
            },
            "caption": {
                "de": "Radrastplatz an der Ohre (Symbolgrafik)",
                "en": "Cyclists' rest area on the Ohre (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC0-1.0",
        },
        "related": ["ruine-nordhusen", "e-bike-verleih-bahnhof"],
    },
]

# Events. The kiosk needs, on the day of loading: one all-day exhibition, one event running now and
# several later today. "venue" is a POI key; "location" is used when there is no venue.
# "exdate_days" must be occurrences of the rule; "rdate_days" add dates at the same start time.
EVENTS = [
    {
        "key": "ausstellung-alte-ansichten",
        "slug": {
            "de": "ausstellung-haldensleben-in-alten-ansichten",
            "en": "exhibition-haldensleben-in-old-views",
        },
        "title": {
            "de": "Ausstellung: Haldensleben in alten Ansichten",
            "en": "Exhibition: Haldensleben in old views",
        },
        "teaser": {
            "de": (
                "Postkarten, Stiche und Fotografien zeigen, wie sich Markt, Stadttore und Ohreufer im Lauf "
                "der Zeit verändert haben."
            ),
            "en": (
                "Postcards, engravings and photographs show how the market square, the town gates and the "
                "banks of the Ohre have changed over time."
            ),
        },
        "body": {
            "de": [
                (
                    "Die Sonderausstellung versammelt historische Ansichten der Stadt aus mehreren "
                    "Jahrhunderten. Viele Blätter stammen aus dem Bestand des Museums und sind zum ersten "
                    "Mal öffentlich zu sehen."
                ),
                (
                    "Eine Hörstation und eine Mitmachecke laden dazu ein, alte und neue Ansichten zu "
                    "vergleichen. Die Ausstellung ist zu den Öffnungszeiten des Museums zugänglich."
                ),
            ],
            "en": [
                (
                    "The special exhibition brings together historic views of the town from several "
                    "centuries. Many of the prints come from the museum's own holdings and are on public "
                    "display for the first time."
                ),
                (
                    "A listening station and a hands-on corner invite you to compare old and new views. The "
                    "exhibition is open during the museum's opening hours."
                ),
            ],
        },
        "categories": ["exhibition"],
        "tags": ["ausstellung", "stadtgeschichte", "fotografie"],
        "audience": "everyone",
        "day": 0,
        "start": None,
        "end": None,
        "end_day": 20,
        "all_day": True,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "museum-haldensleben",
        "location": None,
        "organizer": "museum",
        "free": False,
        "prices": {"de": "Im Museumseintritt enthalten", "en": "Included in museum admission"},
        "ticket_url": "",
        "image": {
            "motif": "museum",
            "alt": {
                "de": (
                    "Zeichnung eines Museumsgebäudes mit hellen Fenstern, Sinnbild für die Sonderausstellung"
                ),
                "en": "Drawing of a museum building with bright windows, a symbol of the special exhibition",
            },
            "caption": {
                "de": "Sonderausstellung im Museum (Symbolgrafik)",
                "en": "Special exhibition at the museum (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "sprechstunde-online-buergerservice",
        "slug": {
            "de": "sprechstunde-digitale-buergerservices",
            "en": "consultation-hour-digital-citizen-services",
        },
        "title": {
            "de": "Sprechstunde: Digitale Bürgerservices",
            "en": "Consultation hour: digital citizen services",
        },
        "teaser": {
            "de": (
                "Online einen Antrag stellen, das Bürgerkonto einrichten oder einen Termin buchen: Das "
                "Digitalisierungszentrum hilft persönlich weiter."
            ),
            "en": (
                "Submitting an application online, setting up your citizen account or booking an "
                "appointment: the digitalisation centre helps you in person."
            ),
        },
        "body": {
            "de": [
                (
                    "In der offenen Sprechstunde zeigt das Team des Digitalisierungszentrums, welche "
                    "Anliegen sich schon online erledigen lassen. Auf Wunsch richten wir gemeinsam Ihr "
                    "Bürgerkonto ein."
                ),
                (
                    "Bringen Sie gern Ihr eigenes Smartphone oder Tablet mit, Leihgeräte stehen aber "
                    "ebenfalls bereit. Eine Anmeldung ist nicht nötig."
                ),
            ],
            "en": [
                (
                    "In the drop-in consultation hour, the digitalisation centre team shows which matters "
                    "can already be dealt with online. If you like, we will set up your citizen account "
                    "together."
                ),
                (
                    "Feel free to bring your own smartphone or tablet, although loan devices are available "
                    "too. No registration is needed."
                ),
            ],
        },
        "categories": ["consultation"],
        "tags": ["digital", "buergerservice", "beratung"],
        "audience": "everyone",
        "day": 0,
        "start": "now-60",
        "end": "now+120",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "rathaus",
        "location": None,
        "organizer": "digitalisierungszentrum",
        "free": True,
        "prices": {"de": "", "en": ""},
        "ticket_url": "",
        "image": {
            "motif": "people",
            "alt": {
                "de": "Zeichnung mehrerer Menschen nebeneinander, die sich gemeinsam beraten lassen",
                "en": "Drawing of several people side by side getting advice together",
            },
            "caption": {
                "de": "Offene Sprechstunde im Rathaus (Symbolgrafik)",
                "en": "Drop-in consultation at the town hall (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "lesung-stadtbibliothek",
        "slug": {"de": "lesung-in-der-stadtbibliothek", "en": "reading-at-the-town-library"},
        "title": {
            "de": "Lesung in der Stadtbibliothek: Geschichten von der Ohre",
            "en": "Reading at the town library: stories from the Ohre",
        },
        "teaser": {
            "de": (
                "Eine Autorin aus der Region liest Erzählungen über Menschen und Orte entlang der Ohre, mit "
                "anschließendem Gespräch."
            ),
            "en": (
                "An author from the region reads stories about people and places along the Ohre, followed "
                "by a conversation."
            ),
        },
        "body": {
            "de": [
                (
                    "Die Stadtbibliothek in der Kulturfabrik lädt zu einem literarischen Abend ein. Im "
                    "Mittelpunkt stehen Geschichten, die an der Ohre, im Forst und in der Altstadt spielen."
                ),
                (
                    "Nach der Lesung bleibt Zeit für Fragen und ein Gespräch bei Tee. Die Plätze sind "
                    "begrenzt, eine Reservierung in der Bibliothek wird empfohlen."
                ),
            ],
            "en": [
                (
                    "The town library in the Kulturfabrik invites you to a literary evening. It centres on "
                    "stories set on the Ohre, in the forest and in the old town."
                ),
                (
                    "After the reading there is time for questions and a chat over tea. Seats are limited, "
                    "so booking at the library is recommended."
                ),
            ],
        },
        "categories": ["reading"],
        "tags": ["lesung", "bibliothek", "literatur"],
        "audience": "adults",
        "day": 0,
        "start": "now+60",
        "end": "now+150",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "kulturfabrik",
        "location": None,
        "organizer": "kulturfabrik",
        "free": False,
        "prices": {"de": "5 €, mit Bibliotheksausweis 3 €", "en": "€5, €3 with a library card"},
        "ticket_url": "",
        "image": {
            "motif": "news",
            "alt": {
                "de": "Grafik eines hellen Blattes mit farbigem Titelbalken und grauen Textzeilen",
                "en": "Graphic of a light page with a coloured title bar and grey lines of text",
            },
            "caption": {
                "de": "Lesung in der Stadtbibliothek (Symbolgrafik)",
                "en": "Reading at the town library (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "orgelmusik-feierabend",
        "slug": {"de": "orgelmusik-zum-feierabend", "en": "organ-music-after-work"},
        "title": {"de": "Orgelmusik zum Feierabend", "en": "Organ music after work"},
        "teaser": {
            "de": (
                "Eine Stunde Orgelklang in St. Marien: Werke aus Barock und Romantik zum Ausklang des "
                "Tages, bei freiem Eintritt."
            ),
            "en": (
                "An hour of organ music at St. Mary's: baroque and romantic works to round off the day, "
                "with free admission."
            ),
        },
        "body": {
            "de": [
                (
                    "Die Orgel von St. Marien erklingt zum Ausklang des Tages mit Werken aus Barock und "
                    "Romantik. Das Programm dauert etwa eine Stunde."
                ),
                "Der Eintritt ist frei; am Ausgang wird um eine Spende für die Pflege der Orgel gebeten.",
            ],
            "en": [
                (
                    "The organ of St. Mary's plays baroque and romantic works to round off the day. The "
                    "programme lasts about an hour."
                ),
                "Admission is free; a donation towards the upkeep of the organ is welcome at the exit.",
            ],
        },
        "categories": ["concert"],
        "tags": ["orgel", "kirche", "musik"],
        "audience": "everyone",
        "day": 0,
        "start": "now+150",
        "end": "now+210",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "st-marien",
        "location": None,
        "organizer": "kirchengemeinde",
        "free": True,
        "prices": {"de": "", "en": ""},
        "ticket_url": "",
        "image": {
            "motif": "music",
            "alt": {
                "de": "Grafik mit drei dunklen Musiknoten, verbunden durch einen schrägen Balken",
                "en": "Graphic of three dark musical notes joined by a slanting beam",
            },
            "caption": {
                "de": "Orgelmusik in St. Marien (Symbolgrafik)",
                "en": "Organ music at St. Mary's (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "vortrag-grosssteingraeber",
        "slug": {
            "de": "vortrag-wer-baute-die-grosssteingraeber",
            "en": "talk-who-built-the-megalithic-graves",
        },
        "title": {
            "de": "Vortrag: Wer baute die Großsteingräber?",
            "en": "Talk: Who built the megalithic graves?",
        },
        "teaser": {
            "de": (
                "Ein Abend über die Menschen der Jungsteinzeit im Haldensleber Forst, anschaulich erklärt "
                "mit Funden, Karten und Rekonstruktionen."
            ),
            "en": (
                "An evening about the Neolithic people of the Haldensleber Forst, vividly explained with "
                "finds, maps and reconstructions."
            ),
        },
        "body": {
            "de": [
                (
                    "Warum bewegten Menschen vor Jahrtausenden tonnenschwere Findlinge durch die "
                    "Landschaft? Der Vortrag stellt aktuelle Forschungsergebnisse zu den Großsteingräbern "
                    "vor."
                ),
                (
                    "Zu sehen sind Fundstücke aus der Sammlung des Museums und Rekonstruktionszeichnungen. "
                    "Im Anschluss ist Zeit für Fragen."
                ),
            ],
            "en": [
                (
                    "Why did people thousands of years ago move boulders weighing many tonnes across the "
                    "landscape? The talk presents current research on the megalithic graves."
                ),
                (
                    "Finds from the museum's collection and reconstruction drawings will be on show. There "
                    "is time for questions afterwards."
                ),
            ],
        },
        "categories": ["lecture"],
        "tags": ["archaeologie", "steinzeit", "vortrag"],
        "audience": "adults",
        "day": 0,
        "start": "now+240",
        "end": "now+330",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "museum-haldensleben",
        "location": None,
        "organizer": "museum",
        "free": False,
        "prices": {"de": "3 €", "en": "€3"},
        "ticket_url": "",
        "image": {
            "motif": "stones",
            "alt": {
                "de": (
                    "Zeichnung eines Großsteingrabs mit schweren Tragsteinen und langem Deckstein vor Bäumen"
                ),
                "en": (
                    "Drawing of a megalithic grave with heavy supporting stones and a long capstone in "
                    "front of trees"
                ),
            },
            "caption": {
                "de": "Vortrag zu den Großsteingräbern (Symbolgrafik)",
                "en": "Talk on the megalithic graves (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "kurzfilmabend-jugend",
        "slug": {"de": "kurzfilmabend-junge-filme", "en": "short-film-night-young-films"},
        "title": {
            "de": "Kurzfilmabend: Junge Filme aus der Region",
            "en": "Short film night: young films from the region",
        },
        "teaser": {
            "de": (
                "Jugendliche aus Haldensleben und der Börde zeigen ihre Kurzfilme auf der großen "
                "Kinoleinwand, am Ende vergibt das Publikum einen Preis."
            ),
            "en": (
                "Young people from Haldensleben and the Börde show their short films on the big cinema "
                "screen, and the audience awards a prize at the end."
            ),
        },
        "body": {
            "de": [
                (
                    "Beim Kurzfilmabend präsentieren junge Filmemacherinnen und Filmemacher ihre Arbeiten "
                    "im Kino der Kulturfabrik. Von der Dokumentation bis zum Animationsfilm ist alles dabei."
                ),
                (
                    "Zum Schluss stimmt das Publikum über seinen Lieblingsfilm ab. Für Jugendliche unter 18 "
                    "Jahren ist der Eintritt frei."
                ),
            ],
            "en": [
                (
                    "At the short film night, young filmmakers present their work in the Kulturfabrik "
                    "cinema. Everything from documentary to animation is included."
                ),
                (
                    "At the end, the audience votes for its favourite film. Admission is free for young "
                    "people under 18."
                ),
            ],
        },
        "categories": ["cinema"],
        "tags": ["kino", "kurzfilm", "jugend"],
        "audience": "youth",
        "day": 0,
        "start": "now+330",
        "end": "now+450",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "kulturfabrik",
        "location": None,
        "organizer": "kulturfabrik",
        "free": False,
        "prices": {"de": "Erwachsene 4 €, unter 18 Jahren frei", "en": "Adults €4, free for under-18s"},
        "ticket_url": "https://www.example.org/tickets/kurzfilmabend",
        "image": {
            "motif": "people",
            "alt": {
                "de": "Zeichnung junger Leute in bunter Kleidung, die in einer Reihe stehen",
                "en": "Drawing of young people in colourful clothes standing in a row",
            },
            "caption": {
                "de": "Kurzfilmabend in der Kulturfabrik (Symbolgrafik)",
                "en": "Short film night at the Kulturfabrik (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "wochenmarkt",
        "slug": {"de": "wochenmarkt-auf-dem-marktplatz", "en": "weekly-market"},
        "title": {"de": "Wochenmarkt auf dem Marktplatz", "en": "Weekly market on the market square"},
        "teaser": {
            "de": (
                "Jeden Dienstag und Freitag: Obst, Gemüse, Käse, Brot und Blumen von Händlern aus der Börde "
                "rund um den Reitenden Roland."
            ),
            "en": (
                "Every Tuesday and Friday: fruit, vegetables, cheese, bread and flowers from traders of the "
                "Börde around the Riding Roland."
            ),
        },
        "body": {
            "de": [
                (
                    "Zweimal pro Woche wird der Marktplatz zum lebendigen Treffpunkt. Händlerinnen und "
                    "Händler aus Haldensleben und der Börde bieten frische, regionale Waren an."
                ),
                (
                    "Neben Obst und Gemüse gibt es Backwaren, Fleisch und Wurst, Käse und Blumen. Ein "
                    "Imbissstand sorgt für das Mittagessen."
                ),
            ],
            "en": [
                (
                    "Twice a week the market square becomes a lively meeting place. Traders from "
                    "Haldensleben and the Börde sell fresh regional produce."
                ),
                (
                    "Besides fruit and vegetables there are baked goods, meat and sausages, cheese and "
                    "flowers. A snack stall takes care of lunch."
                ),
            ],
        },
        "categories": ["market"],
        "tags": ["markt", "regional", "einkaufen"],
        "audience": "everyone",
        "day": 1,
        "start": "08:00",
        "end": "13:00",
        "end_day": None,
        "all_day": False,
        "rrule": "FREQ=WEEKLY;BYDAY=TU,FR",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": None,
        "location": {
            "name": "Marktplatz Haldensleben",
            "name_i18n": {"de": "Marktplatz Haldensleben", "en": "Haldensleben market square"},
            "street": "Markt",
            "postal_code": "39340",
            "locality": "Haldensleben",
            "lat": 52.2892,
            "lng": 11.4083,
        },
        "organizer": "stadt",
        "free": True,
        "prices": {"de": "", "en": ""},
        "ticket_url": "",
        "image": {
            "motif": "market",
            "alt": {
                "de": "Zeichnung einer Reihe weißer Marktstände mit farbigen, spitzen Dächern",
                "en": "Drawing of a row of white market stalls with colourful pointed roofs",
            },
            "caption": {
                "de": "Wochenmarkt am Roland (Symbolgrafik)",
                "en": "Weekly market by the Roland (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "rolli-kinderfuehrung",
        "slug": {"de": "rolli-kinderfuehrung-mit-quiz", "en": "rolli-childrens-tour-with-quiz"},
        "title": {"de": "Rolli-Kinderführung mit Quiz", "en": "Rolli children's tour with quiz"},
        "teaser": {
            "de": (
                "Am ersten Samstag im Monat folgen Kinder den Rolli-Plaketten durch die Altstadt und lösen "
                "unterwegs ein kniffliges Quiz."
            ),
            "en": (
                "On the first Saturday of the month, children follow the Rolli plaques through the old town "
                "and solve a tricky quiz along the way."
            ),
        },
        "body": {
            "de": [
                (
                    "Bei dieser Führung entdecken Kinder zwischen sechs und zwölf Jahren die Altstadt auf "
                    "den Spuren von Rolli. An jeder Station wartet eine Quizfrage."
                ),
                (
                    "Wer alle Fragen richtig beantwortet, bekommt am Ende eine kleine Überraschung in der "
                    "Tourist-Information. Eltern dürfen gern mitkommen."
                ),
            ],
            "en": [
                (
                    "On this tour, children aged six to twelve explore the old town in Rolli's footsteps. A "
                    "quiz question awaits at every stop."
                ),
                (
                    "Anyone who answers all the questions correctly gets a small surprise at the tourist "
                    "information at the end. Parents are welcome to come along."
                ),
            ],
        },
        "categories": ["guided-tour", "family"],
        "tags": ["kinder", "altstadt", "quiz"],
        "audience": "children",
        "day": 3,
        "start": "14:00",
        "end": "15:30",
        "end_day": None,
        "all_day": False,
        "rrule": "FREQ=MONTHLY;BYDAY=1SA;COUNT=12",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "rolli-runde",
        "location": None,
        "organizer": "tourist-info",
        "free": False,
        "prices": {"de": "Kinder 3 €, Begleitpersonen frei", "en": "Children €3, accompanying adults free"},
        "ticket_url": "",
        "image": {
            "motif": "people",
            "alt": {
                "de": (
                    "Zeichnung von Kindern und Erwachsenen in farbigen Jacken, die gemeinsam unterwegs sind"
                ),
                "en": "Drawing of children and adults in coloured jackets out and about together",
            },
            "caption": {
                "de": "Rolli-Kinderführung (Symbolgrafik)",
                "en": "Rolli children's tour (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "altstadtfuehrung",
        "slug": {"de": "oeffentliche-altstadtfuehrung", "en": "public-old-town-tour"},
        "title": {"de": "Öffentliche Altstadtführung", "en": "Public guided tour of the old town"},
        "teaser": {
            "de": (
                "Einmal pro Woche in der Saison: in 90 Minuten vom Roland über St. Marien bis zu den "
                "Stadttoren, mit Geschichten aus mehr als 1.050 Jahren."
            ),
            "en": (
                "Once a week in the season: 90 minutes from the Roland via St. Mary's to the town gates, "
                "with stories from more than 1,050 years."
            ),
        },
        "body": {
            "de": [
                (
                    "Die Altstadtführung beginnt am Reitenden Roland und führt über den Markt zur Kirche "
                    "St. Marien und an der Stadtmauer entlang bis zum Stendaler Tor."
                ),
                (
                    "Unterwegs erfahren Sie, warum Haldensleben einen reitenden Roland hat und wie die "
                    "Stadt gewachsen ist. An zwei Terminen entfällt die Führung wegen anderer "
                    "Veranstaltungen."
                ),
            ],
            "en": [
                (
                    "The old-town tour starts at the Riding Roland and leads across the market square to "
                    "St. Mary's Church and along the town wall to the Stendal Gate."
                ),
                (
                    "On the way you will learn why Haldensleben has a Roland on horseback and how the town "
                    "grew. The tour does not take place on two dates because of other events."
                ),
            ],
        },
        "categories": ["guided-tour"],
        "tags": ["altstadt", "stadtfuehrung", "geschichte"],
        "audience": "tourists",
        "day": 4,
        "start": "11:00",
        "end": "12:30",
        "end_day": None,
        "all_day": False,
        "rrule": "FREQ=WEEKLY;COUNT=16",
        "exdate_days": [18, 46],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "reitender-roland",
        "location": None,
        "organizer": "tourist-info",
        "free": False,
        "prices": {
            "de": "Erwachsene 6 €, Kinder bis 12 Jahre frei",
            "en": "Adults €6, children up to 12 free",
        },
        "ticket_url": "",
        "image": {
            "motif": "statue",
            "alt": {
                "de": (
                    "Zeichnung einer Reiterfigur auf einem Steinsockel, daneben ein Haus mit vielen Fenstern"
                ),
                "en": "Drawing of an equestrian figure on a stone plinth next to a house with many windows",
            },
            "caption": {
                "de": "Treffpunkt am Reitenden Roland (Symbolgrafik)",
                "en": "Meeting point at the Riding Roland (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "logistik-4-0-infoabend",
        "slug": {"de": "inforeihe-logistik-4-0", "en": "logistics-4-0-information-series"},
        "title": {
            "de": "Inforeihe „Logistik 4.0“ für Unternehmen",
            "en": "“Logistik 4.0” information series for businesses",
        },
        "teaser": {
            "de": (
                "Sensoren, Sendungsverfolgung und digitale Lieferketten: monatliche Impulsvorträge und "
                "Austausch für Unternehmen aus Haldensleben und der Region."
            ),
            "en": (
                "Sensors, shipment tracking and digital supply chains: monthly short talks and networking "
                "for businesses from Haldensleben and the region."
            ),
        },
        "body": {
            "de": [
                (
                    "Die Inforeihe des Regionalen Digitalisierungszentrums zeigt, wie kleine und mittlere "
                    "Unternehmen von digitalen Lösungen in Lager, Transport und Verwaltung profitieren."
                ),
                (
                    "Jeder Abend beginnt mit einem kurzen Fachvortrag aus der Praxis, danach bleibt Zeit "
                    "für Fragen und Kontakte. Die Teilnahme ist kostenfrei, um Anmeldung wird gebeten."
                ),
                (
                    "Durch die Lage am Mittellandkanal spielt die Logistik für die Wirtschaft der Region "
                    "eine wichtige Rolle."
                ),
            ],
            "en": [
                (
                    "The information series of the regional digitalisation centre shows how small and "
                    "medium-sized companies benefit from digital solutions in warehousing, transport and "
                    "administration."
                ),
                (
                    "Each evening starts with a short expert talk from practice, followed by time for "
                    "questions and networking. Participation is free; please register."
                ),
                (
                    "Thanks to its location on the Mittelland Canal, logistics plays an important role in "
                    "the region's economy."
                ),
            ],
        },
        "categories": ["business"],
        "tags": ["logistik", "wirtschaft", "digitalisierung"],
        "audience": "business",
        "day": 8,
        "start": "18:00",
        "end": "20:00",
        "end_day": None,
        "all_day": False,
        "rrule": "FREQ=MONTHLY;BYDAY=2WE;COUNT=6",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "rathaus",
        "location": None,
        "organizer": "digitalisierungszentrum",
        "free": True,
        "prices": {"de": "", "en": ""},
        "ticket_url": "https://www.example.org/anmeldung/logistik-4-0",
        "image": {
            "motif": "factory",
            "alt": {
                "de": (
                    "Zeichnung einer Werkshalle aus Backstein mit Schornstein, Sinnbild für Industrie und "
                    "Logistik"
                ),
                "en": "Drawing of a brick factory hall with a chimney, a symbol of industry and logistics",
            },
            "caption": {
                "de": "Inforeihe Logistik 4.0 (Symbolgrafik)",
                "en": "Logistik 4.0 information series (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "roland-kurzfuehrung",
        "slug": {"de": "kurzfuehrung-zum-roland-original", "en": "short-tour-of-the-original-roland"},
        "title": {"de": "Kurzführung zum Roland-Original", "en": "Short tour: the original Roland"},
        "teaser": {
            "de": (
                "Täglich außer montags erklärt eine zwanzigminütige Führung im Museum, was es mit dem "
                "Original des Reitenden Roland von 1528 auf sich hat."
            ),
            "en": (
                "Every day except Monday, a twenty-minute tour at the museum explains the story of the 1528 "
                "original of the Riding Roland."
            ),
        },
        "body": {
            "de": [
                (
                    "Die Kurzführung stellt das Original des Reitenden Roland vor und erklärt, wie die "
                    "Figur entstand und restauriert wurde. Sie dauert etwa zwanzig Minuten."
                ),
                "Treffpunkt ist das Foyer des Museums; die Führung ist im Eintritt bereits enthalten.",
            ],
            "en": [
                (
                    "The short tour introduces the original of the Riding Roland and explains how the "
                    "figure was made and restored. It takes about twenty minutes."
                ),
                "The meeting point is the museum foyer; the tour is already included in the admission price.",
            ],
        },
        "categories": ["guided-tour", "exhibition"],
        "tags": ["roland", "museum", "fuehrung"],
        "audience": "everyone",
        "day": 1,
        "start": "11:30",
        "end": "11:50",
        "end_day": None,
        "all_day": False,
        "rrule": "FREQ=WEEKLY;BYDAY=TU,WE,TH,FR,SA,SU;COUNT=30",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "museum-haldensleben",
        "location": None,
        "organizer": "museum",
        "free": False,
        "prices": {
            "de": "Im regulären Museumseintritt inbegriffen",
            "en": "Included in the regular museum ticket",
        },
        "ticket_url": "",
        "image": {
            "motif": "statue",
            "alt": {
                "de": (
                    "Zeichnung eines Reiters mit Schwert auf einem Pferd, Sinnbild der originalen Rolandfigur"
                ),
                "en": "Drawing of a rider with a sword on a horse, a symbol of the original Roland figure",
            },
            "caption": {
                "de": "Kurzführung zum Roland-Original (Symbolgrafik)",
                "en": "Short tour of the original Roland (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "feldbahntage-ziegelei",
        "slug": {"de": "feldbahntage-in-der-ziegelei", "en": "field-railway-days-at-the-brickworks"},
        "title": {
            "de": "Feldbahntage in der Ziegelei Hundisburg",
            "en": "Field railway days at Hundisburg Brickworks",
        },
        "teaser": {
            "de": (
                "Mitfahren auf der historischen Feldbahn, Ziegelformen zum Ausprobieren und Töpfern für "
                "Kinder: Aktionstag im Technischen Denkmal."
            ),
            "en": (
                "Rides on the historic field railway, brick moulds to try out and pottery for children: a "
                "special day at the industrial monument."
            ),
        },
        "body": {
            "de": [
                (
                    "An den Feldbahntagen bringt die kleine Feldbahn Gäste über das Gelände, auf dem früher "
                    "Lehm und fertige Ziegel transportiert wurden."
                ),
                (
                    "Dazu gibt es Führungen durch die Ziegelei, eine offene Töpferwerkstatt sowie Kaffee "
                    "und Kuchen. Ein zusätzlicher Sondertermin ergänzt die monatliche Reihe."
                ),
            ],
            "en": [
                (
                    "On field railway days, the little field railway carries visitors across the site where "
                    "clay and finished bricks were once transported."
                ),
                (
                    "There are also tours of the brickworks, an open pottery workshop, and coffee and cake. "
                    "An additional special date complements the monthly series."
                ),
            ],
        },
        "categories": ["family", "guided-tour"],
        "tags": ["feldbahn", "industriekultur", "familie"],
        "audience": "families",
        "day": 10,
        "start": "10:00",
        "end": "17:00",
        "end_day": None,
        "all_day": False,
        "rrule": "FREQ=MONTHLY;BYDAY=3SU;COUNT=5",
        "exdate_days": [],
        "rdate_days": [52],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "ziegelei-hundisburg",
        "location": None,
        "organizer": "ziegelei",
        "free": False,
        "prices": {
            "de": "Erwachsene 6 €, Kinder 3 €, Familien 14 €",
            "en": "Adults €6, children €3, families €14",
        },
        "ticket_url": "",
        "image": {
            "motif": "factory",
            "alt": {
                "de": (
                    "Zeichnung einer Ziegelei: rotes Backsteingebäude und hoher Schornstein vor blauem Himmel"
                ),
                "en": "Drawing of a brickworks: a red-brick building and a tall chimney against a blue sky",
            },
            "caption": {
                "de": "Feldbahntag in der Ziegelei (Symbolgrafik)",
                "en": "Field railway day at the brickworks (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "smartphone-sprechstunde",
        "slug": {
            "de": "smartphone-sprechstunde-fuer-seniorinnen-und-senioren",
            "en": "smartphone-help-for-seniors",
        },
        "title": {
            "de": "Smartphone-Sprechstunde für Seniorinnen und Senioren",
            "en": "Smartphone help desk for seniors",
        },
        "teaser": {
            "de": (
                "Fragen zu Smartphone, Tablet oder Videotelefonie? Ehrenamtliche Digitallotsen nehmen sich "
                "in der Stadtbibliothek Zeit für Sie."
            ),
            "en": (
                "Questions about your smartphone, tablet or video calls? Volunteer digital guides take time "
                "for you at the town library."
            ),
        },
        "body": {
            "de": [
                (
                    "Wie installiere ich eine App, wie wähle ich sichere Passwörter, und wie telefoniere "
                    "ich per Video mit den Enkeln? In der Sprechstunde gibt es Antworten in Ruhe und ohne "
                    "Fachchinesisch."
                ),
                (
                    "Die Beratung findet in kleinen Gruppen statt. Bitte bringen Sie Ihr Gerät und, falls "
                    "vorhanden, Ihre Zugangsdaten mit."
                ),
            ],
            "en": [
                (
                    "How do I install an app, how do I choose safe passwords, and how do I make a video "
                    "call to my grandchildren? The help desk gives calm answers without jargon."
                ),
                (
                    "Advice is given in small groups. Please bring your device and, if you have them, your "
                    "login details."
                ),
            ],
        },
        "categories": ["consultation"],
        "tags": ["senioren", "smartphone", "digital"],
        "audience": "seniors",
        "day": 1,
        "start": "10:00",
        "end": "12:00",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "kulturfabrik",
        "location": None,
        "organizer": "digitalisierungszentrum",
        "free": True,
        "prices": {"de": "", "en": ""},
        "ticket_url": "",
        "image": {
            "motif": "people",
            "alt": {
                "de": (
                    "Zeichnung älterer und jüngerer Menschen in einer Reihe, Sinnbild für gegenseitige Hilfe"
                ),
                "en": "Drawing of older and younger people in a row, a symbol of helping one another",
            },
            "caption": {
                "de": "Smartphone-Sprechstunde in der Bibliothek (Symbolgrafik)",
                "en": "Smartphone help desk at the library (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "historische-schulstunde",
        "slug": {"de": "historische-schulstunde", "en": "historic-school-lesson"},
        "title": {"de": "Historische Schulstunde wie um 1900", "en": "A school lesson like around 1900"},
        "teaser": {
            "de": (
                "Stillsitzen, Schönschrift und Griffel auf der Schiefertafel: Familien erleben im "
                "Schulmuseum einen Schultag wie zu Urgroßvaters Zeiten."
            ),
            "en": (
                "Sitting still, neat handwriting and a slate pencil on the slate: families experience a "
                "school day as in great-grandfather's time."
            ),
        },
        "body": {
            "de": [
                (
                    "Die gestrenge Lehrerin bittet zum Unterricht: Im historischen Klassenzimmer wird "
                    "gerechnet, gelesen und mit dem Griffel geschrieben."
                ),
                (
                    "Die Schulstunde dauert etwa 45 Minuten und eignet sich für Kinder ab sieben Jahren mit "
                    "ihren Eltern oder Großeltern."
                ),
            ],
            "en": [
                (
                    "The stern schoolmistress calls the class to order: in the historic classroom, pupils "
                    "do sums, read and write with a slate pencil."
                ),
                (
                    "The lesson lasts about 45 minutes and suits children from seven with their parents or "
                    "grandparents."
                ),
            ],
        },
        "categories": ["family"],
        "tags": ["schule", "geschichte", "kinder"],
        "audience": "families",
        "day": 2,
        "start": "14:00",
        "end": "14:45",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "schulmuseum-hundisburg",
        "location": None,
        "organizer": None,
        "free": False,
        "prices": {"de": "3 € pro Person", "en": "€3 per person"},
        "ticket_url": "",
        "image": {
            "motif": "school",
            "alt": {
                "de": "Zeichnung eines roten Schulgebäudes mit Satteldach und hellen Fenstern",
                "en": "Drawing of a red school building with a gabled roof and bright windows",
            },
            "caption": {
                "de": "Historische Schulstunde (Symbolgrafik)",
                "en": "Historic school lesson (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "nachtwaechterfuehrung",
        "slug": {"de": "nachtwaechterfuehrung", "en": "night-watchman-tour"},
        "title": {
            "de": "Nachtwächterführung durch die Altstadt",
            "en": "Night watchman's tour of the old town",
        },
        "teaser": {
            "de": (
                "Mit Laterne und Hellebarde durch die dunklen Gassen: Der Nachtwächter erzählt schaurige "
                "und heitere Geschichten aus alter Zeit."
            ),
            "en": (
                "With lantern and halberd through the dark lanes: the night watchman tells spooky and "
                "cheerful tales from times past."
            ),
        },
        "body": {
            "de": [
                (
                    "Bei Einbruch der Dunkelheit führt der Nachtwächter seine Gäste an der Stadtmauer "
                    "entlang zu den Toren der Altstadt. Unterwegs erfährt man, wie das Leben nach "
                    "Sonnenuntergang früher aussah."
                ),
                "Die Führung dauert etwa 90 Minuten und endet mit einem kleinen Umtrunk am Markt.",
            ],
            "en": [
                (
                    "As darkness falls, the night watchman leads his guests along the town wall to the "
                    "gates of the old town. On the way you find out what life after sunset used to be like."
                ),
                "The tour takes about 90 minutes and ends with a small drink on the market square.",
            ],
        },
        "categories": ["guided-tour"],
        "tags": ["nachtwaechter", "altstadt", "abend"],
        "audience": "adults",
        "day": 4,
        "start": "19:30",
        "end": "21:00",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "cancelled",
        "status_note": {
            "de": (
                "Die Führung muss leider krankheitsbedingt entfallen. Bereits gekaufte Karten erstattet die "
                "Tourist-Information."
            ),
            "en": (
                "Unfortunately the tour has to be cancelled due to illness. The tourist information will "
                "refund tickets already bought."
            ),
        },
        "venue": "stadtmauer",
        "location": None,
        "organizer": "tourist-info",
        "free": False,
        "prices": {"de": "Erwachsene 9 €", "en": "Adults €9"},
        "ticket_url": "",
        "image": {
            "motif": "tower",
            "alt": {
                "de": (
                    "Zeichnung eines Turms mit Zinnen in der Abenddämmerung, links und rechts niedrige Mauern"
                ),
                "en": "Drawing of a crenellated tower at dusk with low walls to the left and right",
            },
            "caption": {
                "de": "Nachtwächterführung an der Stadtmauer (Symbolgrafik)",
                "en": "Night watchman's tour at the town wall (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "toepferkurs-jugend",
        "slug": {"de": "toepferkurs-fuer-jugendliche", "en": "pottery-course-for-young-people"},
        "title": {
            "de": "Töpferkurs für Jugendliche in der Ziegelei",
            "en": "Pottery course for young people at the brickworks",
        },
        "teaser": {
            "de": (
                "Drehscheibe, Ton und eigene Ideen: Jugendliche ab zwölf Jahren gestalten in der "
                "Töpferwerkstatt ihre eigenen Gefäße."
            ),
            "en": (
                "Potter's wheel, clay and your own ideas: young people aged twelve and over make their own "
                "vessels in the pottery workshop."
            ),
        },
        "body": {
            "de": [
                (
                    "In der Töpferwerkstatt der Ziegelei lernen Jugendliche die Grundlagen des Töpferns an "
                    "der Drehscheibe und von Hand. Die fertigen Stücke werden gebrannt und können später "
                    "abgeholt werden."
                ),
                "Material und Schürzen werden gestellt, Vorkenntnisse sind nicht nötig.",
            ],
            "en": [
                (
                    "In the brickworks' pottery workshop, young people learn the basics of pottery on the "
                    "wheel and by hand. The finished pieces are fired and can be collected later."
                ),
                "Materials and aprons are provided, and no previous experience is needed.",
            ],
        },
        "categories": ["workshop"],
        "tags": ["toepfern", "jugend", "kreativ"],
        "audience": "youth",
        "day": 5,
        "start": "15:00",
        "end": "18:00",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "ziegelei-hundisburg",
        "location": None,
        "organizer": "ziegelei",
        "free": False,
        "prices": {"de": "15 € inklusive Material und Brand", "en": "€15 including materials and firing"},
        "ticket_url": "",
        "image": {
            "motif": "factory",
            "alt": {
                "de": (
                    "Zeichnung eines Backsteinbaus mit Schornstein, in dem die Töpferwerkstatt "
                    "untergebracht ist"
                ),
                "en": "Drawing of a brick building with a chimney that houses the pottery workshop",
            },
            "caption": {
                "de": "Töpferkurs in der Ziegelei (Symbolgrafik)",
                "en": "Pottery course at the brickworks (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "grimm-maerchennachmittag",
        "slug": {"de": "maerchennachmittag-im-museum", "en": "fairy-tale-afternoon-at-the-museum"},
        "title": {
            "de": "Märchennachmittag mit den Brüdern Grimm",
            "en": "Fairy-tale afternoon with the Brothers Grimm",
        },
        "teaser": {
            "de": (
                "Vorlesen, Zuhören, Basteln: Kinder und ihre Familien erleben Grimms Märchen inmitten der "
                "Grimm-Sammlung des Museums."
            ),
            "en": (
                "Reading aloud, listening and crafts: children and their families enjoy Grimms' fairy tales "
                "surrounded by the museum's Grimm collection."
            ),
        },
        "body": {
            "de": [
                (
                    "Im Museum Haldensleben wird eine besondere Sammlung zu den Brüdern Grimm bewahrt. Beim "
                    "Märchennachmittag werden bekannte und weniger bekannte Märchen vorgelesen."
                ),
                "Danach basteln die Kinder Figuren aus den Geschichten. Für Saft und Kekse ist gesorgt.",
            ],
            "en": [
                (
                    "The Haldensleben Museum holds a special collection on the Brothers Grimm. At the "
                    "fairy-tale afternoon, well-known and less familiar tales are read aloud."
                ),
                "Afterwards, the children make figures from the stories. Juice and biscuits are provided.",
            ],
        },
        "categories": ["family"],
        "tags": ["maerchen", "grimm", "kinder"],
        "audience": "families",
        "day": 6,
        "start": "15:00",
        "end": "16:30",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "museum-haldensleben",
        "location": None,
        "organizer": "museum",
        "free": False,
        "prices": {"de": "Kinder 2 €, Erwachsene 4 €", "en": "Children €2, adults €4"},
        "ticket_url": "",
        "image": {
            "motif": "people",
            "alt": {
                "de": "Zeichnung einer Familie mit Kindern, die nebeneinander stehen und zuhören",
                "en": "Drawing of a family with children standing side by side and listening",
            },
            "caption": {
                "de": "Märchennachmittag im Museum (Symbolgrafik)",
                "en": "Fairy-tale afternoon at the museum (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "grimm-vortrag-online",
        "slug": {
            "de": "vortrag-die-brueder-grimm-und-haldensleben",
            "en": "talk-the-brothers-grimm-and-haldensleben",
        },
        "title": {
            "de": "Vortrag: Die Brüder Grimm und Haldensleben",
            "en": "Talk: The Brothers Grimm and Haldensleben",
        },
        "teaser": {
            "de": (
                "Wie kam eine Grimm-Sammlung in die Börde? Der Vortrag erzählt die Geschichte der Schenkung "
                "von 1963, jetzt als Online-Veranstaltung."
            ),
            "en": (
                "How did a Grimm collection come to the Börde? The talk tells the story of the 1963 gift, "
                "now as an online event."
            ),
        },
        "body": {
            "de": [
                (
                    "1963 schenkte Albertine Plock, eine Enkelin Wilhelm Grimms, dem Museum Haldensleben "
                    "Stücke aus dem Familienbesitz. Der Vortrag stellt die wichtigsten Objekte vor."
                ),
                (
                    "Außerdem geht es darum, wie Märchen früher gesammelt und aufgeschrieben wurden. Fragen "
                    "können im Anschluss über den Chat gestellt werden."
                ),
            ],
            "en": [
                (
                    "In 1963 Albertine Plock, a granddaughter of Wilhelm Grimm, gave the Haldensleben "
                    "Museum items from the family's possession. The talk presents the most important "
                    "objects."
                ),
                (
                    "It also looks at how fairy tales used to be collected and written down. Questions can "
                    "be asked in the chat afterwards."
                ),
            ],
        },
        "categories": ["lecture"],
        "tags": ["grimm", "online", "museum"],
        "audience": "adults",
        "day": 7,
        "start": "19:00",
        "end": "20:30",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "moved_online",
        "status_note": {
            "de": (
                "Der Vortrag findet nur online statt. Den Zugangslink erhalten Sie nach Anmeldung unter "
                "https://www.example.org/grimm-online."
            ),
            "en": (
                "The talk takes place online only. You will receive the access link after registering at "
                "https://www.example.org/grimm-online."
            ),
        },
        "venue": "museum-haldensleben",
        "location": None,
        "organizer": "museum",
        "free": True,
        "prices": {"de": "", "en": ""},
        "ticket_url": "https://www.example.org/grimm-online",
        "image": {
            "motif": "news",
            "alt": {
                "de": (
                    "Grafik einer Bildschirmseite mit Überschrift und Textzeilen, Sinnbild für ein "
                    "Online-Angebot"
                ),
                "en": (
                    "Graphic of a screen page with a heading and lines of text, a symbol of an online event"
                ),
            },
            "caption": {
                "de": "Grimm-Vortrag online (Symbolgrafik)",
                "en": "Grimm talk online (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "wanderung-zeitspuren",
        "slug": {"de": "gefuehrte-wanderung-zeitspuren", "en": "guided-hike-zeitspuren-trail"},
        "title": {
            "de": "Geführte Wanderung zu den Großsteingräbern",
            "en": "Guided hike to the megalithic graves",
        },
        "teaser": {
            "de": (
                "Auf dem Pfad „Zeitspuren“ zum Königsgrab und zur Teufelsküche: Eine Archäologin erklärt "
                "unterwegs, was die Steine erzählen."
            ),
            "en": (
                "Along the “Zeitspuren” trail to the Königsgrab and the Teufelsküche: an archaeologist "
                "explains what the stones have to tell."
            ),
        },
        "body": {
            "de": [
                (
                    "Die etwa zehn Kilometer lange Wanderung folgt dem archäologischen Pfad „Zeitspuren“ "
                    "durch den Haldensleber Forst. Höhepunkte sind das Königsgrab und die Teufelsküche."
                ),
                (
                    "Festes Schuhwerk und Proviant werden empfohlen. Treffpunkt ist der Beginn des Pfades "
                    "am Waldrand."
                ),
            ],
            "en": [
                (
                    "The hike of about ten kilometres follows the “Zeitspuren” archaeological trail through "
                    "the Haldensleber Forst. Highlights are the Königsgrab and the Teufelsküche."
                ),
                (
                    "Sturdy shoes and a packed lunch are recommended. The meeting point is the start of the "
                    "trail at the edge of the forest."
                ),
            ],
        },
        "categories": ["guided-tour", "excursion"],
        "tags": ["wandern", "steinzeit", "zeitspuren"],
        "audience": "adults",
        "day": 9,
        "start": "10:00",
        "end": "14:00",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "zeitspuren-pfad",
        "location": None,
        "organizer": "museum",
        "free": False,
        "prices": {"de": "8 €, Kinder bis 14 Jahre 4 €", "en": "€8, children up to 14 €4"},
        "ticket_url": "",
        "image": {
            "motif": "stones",
            "alt": {
                "de": "Zeichnung großer, grauer Steinblöcke am Waldrand, über denen ein Deckstein liegt",
                "en": "Drawing of large grey stone blocks at the edge of a forest, topped by a capstone",
            },
            "caption": {
                "de": "Wanderung auf dem Pfad „Zeitspuren“ (Symbolgrafik)",
                "en": "Hike on the “Zeitspuren” trail (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "vortrag-stadtgeschichte",
        "slug": {
            "de": "vortrag-ueber-1050-jahre-haldensleben",
            "en": "talk-more-than-1050-years-of-haldensleben",
        },
        "title": {
            "de": "Vortrag: Über 1.050 Jahre Haldensleben",
            "en": "Talk: More than 1,050 years of Haldensleben",
        },
        "teaser": {
            "de": (
                "Von der ersten Erwähnung bis zur Kreisstadt der Börde: ein Streifzug durch die "
                "Stadtgeschichte mit Bildern aus dem Museumsarchiv."
            ),
            "en": (
                "From the first mention to district town of the Börde: a journey through the town's history "
                "with pictures from the museum archive."
            ),
        },
        "body": {
            "de": [
                (
                    "Der Vortrag spannt den Bogen über mehr als tausend Jahre Stadtgeschichte. Themen sind "
                    "unter anderem die Stadtbefestigung, der Reitende Roland und der Weg zur modernen "
                    "Kreisstadt."
                ),
                "Zahlreiche Abbildungen aus dem Archiv des Museums machen die Geschichte lebendig.",
            ],
            "en": [
                (
                    "The talk spans more than a thousand years of town history. Topics include the "
                    "fortifications, the Riding Roland and the path to becoming a modern district town."
                ),
                "Numerous pictures from the museum archive bring the history to life.",
            ],
        },
        "categories": ["lecture"],
        "tags": ["stadtgeschichte", "vortrag", "museum"],
        "audience": "seniors",
        "day": 10,
        "start": "18:00",
        "end": "19:30",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "postponed",
        "status_note": {
            "de": (
                "Der Vortrag wird verschoben, weil der Saal renoviert wird. Der neue Termin wird hier und "
                "in der Tagespresse bekannt gegeben."
            ),
            "en": (
                "The talk has been postponed because the hall is being renovated. The new date will be "
                "announced here and in the local press."
            ),
        },
        "venue": "kulturfabrik",
        "location": None,
        "organizer": "museum",
        "free": False,
        "prices": {"de": "4 €, ermäßigt 2 €", "en": "€4, reduced €2"},
        "ticket_url": "",
        "image": {
            "motif": "news",
            "alt": {
                "de": (
                    "Grafik eines Dokuments mit farbigem Kopfbalken und mehreren Zeilen, Sinnbild für "
                    "Stadtgeschichte"
                ),
                "en": (
                    "Graphic of a document with a coloured header and several lines, a symbol of town history"
                ),
            },
            "caption": {
                "de": "Vortrag zur Stadtgeschichte (Symbolgrafik)",
                "en": "Talk on the town's history (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "radtour-nordhusen",
        "slug": {"de": "radtour-zur-ruine-nordhusen", "en": "bike-tour-to-nordhusen-ruin"},
        "title": {
            "de": "Radtour auf dem Aller-Elbe-Radweg zur Ruine Nordhusen",
            "en": "Bike tour on the Aller-Elbe route to the Nordhusen ruin",
        },
        "teaser": {
            "de": (
                "Gemütliche geführte Tour vom Bahnhof über Hundisburg zur romanischen Turmruine am "
                "Steinbruchsee. E-Bikes können ausgeliehen werden."
            ),
            "en": (
                "A leisurely guided tour from the station via Hundisburg to the Romanesque tower ruin by "
                "the quarry lake. E-bikes can be hired."
            ),
        },
        "body": {
            "de": [
                (
                    "Die Tour beginnt am E-Bike-Verleih am Bahnhof und folgt dem Aller-Elbe-Radweg in "
                    "Richtung Hundisburg. Ziel ist die Ruine Nordhusen am Steinbruchsee."
                ),
                (
                    "Unterwegs gibt es Pausen mit Erläuterungen zur Straße der Romanik. Die Strecke ist "
                    "etwa 25 Kilometer lang und auch für weniger geübte Radfahrende geeignet."
                ),
            ],
            "en": [
                (
                    "The tour starts at the e-bike rental at the station and follows the Aller-Elbe cycle "
                    "route towards Hundisburg. Its destination is the Nordhusen ruin by the quarry lake."
                ),
                (
                    "There are breaks along the way with explanations of the Romanesque Road. The route is "
                    "about 25 kilometres long and suits less experienced cyclists too."
                ),
            ],
        },
        "categories": ["excursion"],
        "tags": ["radtour", "romanik", "e-bike"],
        "audience": "tourists",
        "day": 12,
        "start": "10:00",
        "end": "14:30",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "e-bike-verleih-bahnhof",
        "location": None,
        "organizer": "tourist-info",
        "free": False,
        "prices": {
            "de": "Tourbegleitung 5 €, E-Bike-Leihe zusätzlich",
            "en": "Guided tour €5, e-bike hire extra",
        },
        "ticket_url": "",
        "image": {
            "motif": "bike",
            "alt": {
                "de": "Zeichnung eines Tourenrads mit kräftigem Rahmen vor hellem Hintergrund",
                "en": "Drawing of a touring bike with a sturdy frame against a light background",
            },
            "caption": {
                "de": "Radtour zur Ruine Nordhusen (Symbolgrafik)",
                "en": "Bike tour to the Nordhusen ruin (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "familienfest-landschaftspark",
        "slug": {"de": "familienfest-im-landschaftspark", "en": "family-festival-in-the-landscape-park"},
        "title": {"de": "Familienfest im Landschaftspark", "en": "Family festival in the landscape park"},
        "teaser": {
            "de": (
                "Spiele, Picknick und Naturerlebnis-Stationen zwischen Althaldensleben und Hundisburg: ein "
                "Nachmittag für Groß und Klein."
            ),
            "en": (
                "Games, a picnic and nature discovery stations between Althaldensleben and Hundisburg: an "
                "afternoon for young and old."
            ),
        },
        "body": {
            "de": [
                (
                    "Beim Familienfest wird der Landschaftspark zum großen Spielplatz. "
                    "Naturerlebnis-Stationen, Kinderschminken und ein Picknick auf der Wiese laden zum "
                    "Mitmachen ein."
                ),
                "Vereine aus Haldensleben stellen sich vor und bieten Mitmachaktionen an.",
            ],
            "en": [
                (
                    "At the family festival, the landscape park becomes one big playground. Nature "
                    "discovery stations, face painting and a picnic on the meadow invite everyone to join "
                    "in."
                ),
                "Local clubs from Haldensleben introduce themselves and offer hands-on activities.",
            ],
        },
        "categories": ["family", "festival"],
        "tags": ["familie", "park", "picknick"],
        "audience": "families",
        "day": 13,
        "start": "13:00",
        "end": "18:00",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "cancelled",
        "status_note": {
            "de": "Wegen einer Unwetterwarnung abgesagt. Ein Ersatztermin wird rechtzeitig bekannt gegeben.",
            "en": (
                "Cancelled because of a severe weather warning. A replacement date will be announced in "
                "good time."
            ),
        },
        "venue": "landschaftspark-althaldensleben-hundisburg",
        "location": None,
        "organizer": "stadt",
        "free": True,
        "prices": {"de": "", "en": ""},
        "ticket_url": "",
        "image": {
            "motif": "park",
            "alt": {
                "de": "Zeichnung einer offenen Parklandschaft mit zahlreichen runden Baumkronen",
                "en": "Drawing of open parkland with numerous round treetops",
            },
            "caption": {
                "de": "Familienfest im Landschaftspark (Symbolgrafik)",
                "en": "Family festival in the landscape park (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "weihnachtsmarkt",
        "slug": {"de": "weihnachtsmarkt-haldensleben", "en": "haldensleben-christmas-market"},
        "title": {"de": "Weihnachtsmarkt auf dem Marktplatz", "en": "Christmas market on the market square"},
        "teaser": {
            "de": (
                "Glühwein, Kunsthandwerk und Lichterglanz rund um Rathaus und Roland: drei Tage "
                "Weihnachtsmarkt mit Bühnenprogramm für die ganze Familie."
            ),
            "en": (
                "Mulled wine, handicrafts and festive lights around the town hall and the Roland: three "
                "days of Christmas market with a stage programme for the whole family."
            ),
        },
        "body": {
            "de": [
                (
                    "Zum Weihnachtsmarkt leuchtet die Altstadt: Buden mit Kunsthandwerk, gebrannten Mandeln "
                    "und Glühwein reihen sich um den Reitenden Roland."
                ),
                (
                    "Auf der Bühne singen Chöre und Schulklassen, für Kinder gibt es ein Karussell und eine "
                    "Märchenecke. Am Abend lädt St. Marien zum Adventskonzert ein."
                ),
            ],
            "en": [
                (
                    "The old town lights up for the Christmas market: stalls with handicrafts, roasted "
                    "almonds and mulled wine line up around the Riding Roland."
                ),
                (
                    "Choirs and school classes sing on the stage, and children can enjoy a carousel and a "
                    "fairy-tale corner. In the evening, St. Mary's invites you to an Advent concert."
                ),
            ],
        },
        "categories": ["market", "festival"],
        "tags": ["weihnachten", "advent", "markt"],
        "audience": "families",
        "day": 24,
        "start": "11:00",
        "end": "21:00",
        "end_day": 26,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": None,
        "location": {
            "name": "Marktplatz und Rathausvorplatz",
            "name_i18n": {
                "de": "Marktplatz und Rathausvorplatz",
                "en": "Market square and town hall forecourt",
            },
            "street": "Markt",
            "postal_code": "39340",
            "locality": "Haldensleben",
            "lat": 52.2894,
            "lng": 11.4086,
        },
        "organizer": "stadt",
        "free": True,
        "prices": {"de": "", "en": ""},
        "ticket_url": "",
        "image": {
            "motif": "market",
            "alt": {
                "de": "Zeichnung festlich aufgereihter Marktbuden mit bunten Giebeldächern",
                "en": "Drawing of festive rows of market stalls with colourful gabled roofs",
            },
            "caption": {
                "de": "Weihnachtsmarkt am Rathaus (Symbolgrafik)",
                "en": "Christmas market by the town hall (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "altstadtfest",
        "slug": {"de": "altstadtfest-haldensleben", "en": "haldensleben-old-town-festival"},
        "title": {"de": "Altstadtfest rund um den Roland", "en": "Old-town festival around the Roland"},
        "teaser": {
            "de": (
                "Drei Tage Musik, Markttreiben und Kinderprogramm in den Gassen zwischen Stendaler Tor und "
                "Bülstringer Tor."
            ),
            "en": (
                "Three days of music, market bustle and children's activities in the lanes between the "
                "Stendal Gate and the Bülstringer Gate."
            ),
        },
        "body": {
            "de": [
                (
                    "Beim Altstadtfest feiert Haldensleben mit Live-Musik auf zwei Bühnen, einem "
                    "Handwerkermarkt und vielen Ständen der örtlichen Vereine."
                ),
                (
                    "Für Kinder gibt es ein Mitmachprogramm am Rathaus. Am zweiten Abend beschließt ein "
                    "Konzert auf dem Marktplatz den Festtag."
                ),
            ],
            "en": [
                (
                    "At the old-town festival, Haldensleben celebrates with live music on two stages, a "
                    "craft market and many stalls run by local clubs."
                ),
                (
                    "There is a hands-on programme for children at the town hall. On the second evening, a "
                    "concert on the market square brings the day to a close."
                ),
            ],
        },
        "categories": ["festival", "concert"],
        "tags": ["fest", "musik", "altstadt"],
        "audience": "everyone",
        "day": 60,
        "start": "12:00",
        "end": "23:00",
        "end_day": 62,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": None,
        "location": {
            "name": "Altstadt Haldensleben",
            "name_i18n": {"de": "Altstadt Haldensleben", "en": "Haldensleben old town"},
            "street": "Markt",
            "postal_code": "39340",
            "locality": "Haldensleben",
            "lat": 52.2897,
            "lng": 11.4079,
        },
        "organizer": "stadt",
        "free": True,
        "prices": {"de": "", "en": ""},
        "ticket_url": "",
        "image": {
            "motif": "people",
            "alt": {
                "de": "Zeichnung einer feiernden Menschenmenge in bunter Kleidung",
                "en": "Drawing of a celebrating crowd in colourful clothes",
            },
            "caption": {
                "de": "Altstadtfest (Symbolgrafik)",
                "en": "Old-town festival (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "sommermusikakademie",
        "slug": {"de": "internationale-sommermusikakademie", "en": "international-summer-music-academy"},
        "title": {
            "de": "Internationale SommerMusikAkademie Schloss Hundisburg",
            "en": "International Summer Music Academy at Hundisburg Palace",
        },
        "teaser": {
            "de": (
                "Junge Musikerinnen und Musiker aus aller Welt arbeiten eine Woche lang im Schloss, mit "
                "Meisterkursen, offenen Proben und Abendkonzerten."
            ),
            "en": (
                "Young musicians from all over the world spend a week working at the palace, with master "
                "classes, open rehearsals and evening concerts."
            ),
        },
        "body": {
            "de": [
                (
                    "Jeden Sommer wird Schloss Hundisburg zum Treffpunkt junger Talente aus vielen Ländern. "
                    "In Meisterkursen arbeiten sie mit erfahrenen Lehrenden an Kammermusik und Solowerken."
                ),
                (
                    "Die Abschlusskonzerte und mehrere Abendkonzerte in Schloss und Barockgarten sind "
                    "öffentlich. Karten gibt es in der Tourist-Information und online."
                ),
                (
                    "Viele Proben sind für Zuhörende geöffnet, eine seltene Gelegenheit, Musik beim "
                    "Entstehen zu erleben."
                ),
            ],
            "en": [
                (
                    "Every summer, Hundisburg Palace becomes a meeting place for young talent from many "
                    "countries. In master classes they work on chamber music and solo pieces with "
                    "experienced teachers."
                ),
                (
                    "The final concerts and several evening concerts in the palace and the baroque garden "
                    "are open to the public. Tickets are available from the tourist information and online."
                ),
                "Many rehearsals are open to listeners, a rare chance to experience music as it takes shape.",
            ],
        },
        "categories": ["concert", "festival"],
        "tags": ["klassik", "musik", "schloss", "sommer"],
        "audience": "everyone",
        "day": 210,
        "start": "10:00",
        "end": "22:00",
        "end_day": 217,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "schloss-hundisburg",
        "location": None,
        "organizer": "schloss",
        "free": False,
        "prices": {
            "de": "Abendkonzerte 18 €, ermäßigt 12 €; offene Proben frei",
            "en": "Evening concerts €18, reduced €12; open rehearsals free",
        },
        "ticket_url": "https://www.example.org/tickets/sommermusikakademie",
        "image": {
            "motif": "music",
            "alt": {
                "de": "Grafik mit drei Achtelnoten auf hellem Hintergrund, Sinnbild für Konzertmusik",
                "en": "Graphic of three quavers on a light background, a symbol of concert music",
            },
            "caption": {
                "de": "SommerMusikAkademie im Schloss (Symbolgrafik)",
                "en": "Summer Music Academy at the palace (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "wlan-eroeffnung",
        "slug": {"de": "eroeffnung-wlan-am-markt", "en": "launch-of-wifi-on-the-market-square"},
        "title": {
            "de": "Eröffnung des öffentlichen WLANs am Markt",
            "en": "Launch of public Wi-Fi on the market square",
        },
        "teaser": {
            "de": (
                "Mit einem kleinen Fest wurde der erste Hotspot des städtischen WLAN-Netzes am Markt "
                "offiziell freigeschaltet."
            ),
            "en": (
                "With a small celebration, the first hotspot of the town's Wi-Fi network was officially "
                "switched on at the market square."
            ),
        },
        "body": {
            "de": [
                (
                    "Bei der Eröffnung probierten Bürgerinnen und Bürger das neue WLAN gleich gemeinsam "
                    "aus. Das Team des Digitalisierungszentrums beantwortete Fragen zu Technik und "
                    "Datenschutz."
                ),
                (
                    "Der Hotspot am Markt ist der Anfang eines Netzes, das Schritt für Schritt weitere "
                    "öffentliche Orte erreichen soll."
                ),
            ],
            "en": [
                (
                    "At the launch, residents tried out the new Wi-Fi together straight away. The "
                    "digitalisation centre team answered questions about technology and data protection."
                ),
                (
                    "The hotspot on the market square is the start of a network that is to reach more "
                    "public places step by step."
                ),
            ],
        },
        "categories": ["festival"],
        "tags": ["wlan", "digital", "eroeffnung"],
        "audience": "everyone",
        "day": -12,
        "start": "16:00",
        "end": "18:00",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "wlan-markt",
        "location": None,
        "organizer": "digitalisierungszentrum",
        "free": True,
        "prices": {"de": "", "en": ""},
        "ticket_url": "",
        "image": {
            "motif": "wifi",
            "alt": {
                "de": "Grafik mit einem kräftigen WLAN-Zeichen aus drei Bögen auf farbigem Verlauf",
                "en": "Graphic of a bold Wi-Fi sign made of three arcs on a coloured gradient",
            },
            "caption": {
                "de": "Freischaltung des WLANs am Markt (Symbolgrafik)",
                "en": "Switching on the Wi-Fi on the market square (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "lesenacht-bibliothek",
        "slug": {"de": "lesenacht-fuer-kinder", "en": "reading-night-for-children"},
        "title": {
            "de": "Lesenacht für Kinder in der Stadtbibliothek",
            "en": "Reading night for children at the town library",
        },
        "teaser": {
            "de": (
                "Mit Taschenlampe, Schlafsack und spannenden Büchern verbrachten Kinder eine Nacht zwischen "
                "den Regalen."
            ),
            "en": "With torches, sleeping bags and exciting books, children spent a night among the shelves.",
        },
        "body": {
            "de": [
                (
                    "Zwanzig Kinder erlebten in der Stadtbibliothek eine ganz besondere Nacht mit Vorlesen, "
                    "Rätseln und einer Schatzsuche zwischen den Regalen."
                ),
                (
                    "Am Morgen gab es ein gemeinsames Frühstück, bevor die Eltern ihre müden Leseratten "
                    "abholten."
                ),
            ],
            "en": [
                (
                    "Twenty children had a very special night at the town library, with stories read aloud, "
                    "puzzles and a treasure hunt among the shelves."
                ),
                (
                    "In the morning everyone had breakfast together before the parents collected their "
                    "sleepy bookworms."
                ),
            ],
        },
        "categories": ["reading", "family"],
        "tags": ["kinder", "bibliothek", "lesen"],
        "audience": "children",
        "day": -20,
        "start": "18:00",
        "end": "09:00",
        "end_day": -19,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "kulturfabrik",
        "location": None,
        "organizer": "kulturfabrik",
        "free": False,
        "prices": {"de": "Teilnahme 5 € inklusive Frühstück", "en": "€5 per child including breakfast"},
        "ticket_url": "",
        "image": {
            "motif": "news",
            "alt": {
                "de": "Grafik eines aufgeschlagenen Buchblattes mit grauen Zeilen auf hellem Grund",
                "en": "Graphic of an open book page with grey lines on a light background",
            },
            "caption": {
                "de": "Lesenacht in der Stadtbibliothek (Symbolgrafik)",
                "en": "Reading night at the town library (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "herbstkonzert-st-marien",
        "slug": {"de": "herbstkonzert-in-st-marien", "en": "autumn-concert-at-st-marys"},
        "title": {"de": "Herbstkonzert in St. Marien", "en": "Autumn concert at St. Mary's"},
        "teaser": {
            "de": (
                "Chor und Kammerorchester gestalteten ein festliches Konzert mit geistlicher Musik in der "
                "Stadtkirche."
            ),
            "en": "A choir and chamber orchestra gave a festive concert of sacred music in the town church.",
        },
        "body": {
            "de": [
                (
                    "Zum Herbstkonzert war St. Marien bis auf den letzten Platz gefüllt. Ein Chor und ein "
                    "Kammerorchester aus der Region musizierten gemeinsam."
                ),
                "Die Kollekte des Abends kommt der Sanierung der Kirchenfenster zugute.",
            ],
            "en": [
                (
                    "St. Mary's was full to the last seat for the autumn concert. A choir and a chamber "
                    "orchestra from the region performed together."
                ),
                "The evening's collection goes towards restoring the church windows.",
            ],
        },
        "categories": ["concert"],
        "tags": ["chor", "kirche", "konzert"],
        "audience": "seniors",
        "day": -30,
        "start": "17:00",
        "end": "18:30",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "st-marien",
        "location": None,
        "organizer": "kirchengemeinde",
        "free": False,
        "prices": {"de": "12 €, ermäßigt 8 €", "en": "€12, reduced €8"},
        "ticket_url": "",
        "image": {
            "motif": "church",
            "alt": {
                "de": "Zeichnung einer Kirche mit langem Schiff und schlankem Turm unter klarem Himmel",
                "en": "Drawing of a church with a long nave and a slender tower under a clear sky",
            },
            "caption": {
                "de": "Herbstkonzert in St. Marien (Symbolgrafik)",
                "en": "Autumn concert at St. Mary's (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "tag-des-offenen-denkmals",
        "slug": {"de": "tag-des-offenen-denkmals-an-den-stadttoren", "en": "heritage-day-at-the-town-gates"},
        "title": {"de": "Tag des offenen Denkmals an den Stadttoren", "en": "Heritage Day at the town gates"},
        "teaser": {
            "de": (
                "Stendaler Tor und Bülstringer Tor öffneten ihre Türen: Viele Gäste nutzten die Gelegenheit "
                "für einen Blick hinter die alten Mauern."
            ),
            "en": (
                "The Stendal Gate and the Bülstringer Gate opened their doors: many visitors took the "
                "chance to look behind the old walls."
            ),
        },
        "body": {
            "de": [
                (
                    "Zum Tag des offenen Denkmals waren beide Tortürme der Stadtmauer geöffnet. Fachleute "
                    "erklärten Bauweise und Geschichte der Befestigung."
                ),
                (
                    "Besonders gefragt war der Aufstieg im Stendaler Tor mit dem Blick über die Dächer der "
                    "Altstadt."
                ),
            ],
            "en": [
                (
                    "For Heritage Day, both gate towers of the town wall were open. Experts explained how "
                    "the fortifications were built and their history."
                ),
                (
                    "The climb up the Stendal Gate, with its view over the roofs of the old town, was "
                    "especially popular."
                ),
            ],
        },
        "categories": ["guided-tour"],
        "tags": ["denkmal", "stadtmauer", "altstadt"],
        "audience": "tourists",
        "day": -80,
        "start": "10:00",
        "end": "17:00",
        "end_day": None,
        "all_day": False,
        "rrule": "",
        "exdate_days": [],
        "rdate_days": [],
        "status": "scheduled",
        "status_note": {"de": "", "en": ""},
        "venue": "stendaler-tor",
        "location": None,
        "organizer": "stadt",
        "free": True,
        "prices": {"de": "", "en": ""},
        "ticket_url": "",
        "image": {
            "motif": "tower",
            "alt": {
                "de": (
                    "Zeichnung eines mittelalterlichen Torturms mit Ziegeldach und Mauerstücken auf beiden "
                    "Seiten"
                ),
                "en": "Drawing of a medieval gate tower with a tiled roof and pieces of wall on both sides",
            },
            "caption": {
                "de": "Tag des offenen Denkmals (Symbolgrafik)",
                "en": "Heritage Day (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
]

# News articles, dated "days_ago" before the day of loading; "related" names POI or event keys.
NEWS = [
    {
        "key": "digitale-stadtpraesenz",
        "slug": {"de": "neue-digitale-stadtpraesenz-ist-online", "en": "new-digital-city-presence-is-online"},
        "title": {"de": "Neue digitale Stadtpräsenz ist online", "en": "New digital city presence is online"},
        "teaser": {
            "de": (
                "Sehenswürdigkeiten, Öffnungszeiten und Veranstaltungen auf Deutsch und Englisch: Die neue "
                "Stadtpräsenz entwickelt die touristischen Angebote weiter."
            ),
            "en": (
                "Sights, opening hours and events in German and English: the new city presence develops the "
                "town's tourism offers further."
            ),
        },
        "body": {
            "de": [
                (
                    "Mit der neuen digitalen Stadtpräsenz bündelt Haldensleben Informationen für Gäste und "
                    "Einheimische an einem Ort. Öffnungszeiten, Termine und Nachrichten sind auf allen "
                    "Geräten abrufbar."
                ),
                (
                    "Das Angebot ist ein Projekt des Regionalen Digitalisierungszentrums und baut auf den "
                    "bestehenden Tourismuskonzepten der Stadt auf. Die Inhalte erscheinen auch auf "
                    "Infoterminals in der Stadt."
                ),
                "Rückmeldungen und Verbesserungsvorschläge nimmt die Tourist-Information gern entgegen.",
            ],
            "en": [
                (
                    "With its new digital city presence, Haldensleben brings together information for "
                    "visitors and residents in one place. Opening hours, dates and news can be viewed on "
                    "any device."
                ),
                (
                    "The service is a project of the regional digitalisation centre and builds on the "
                    "town's existing tourism concepts. The content also appears on information terminals "
                    "around town."
                ),
                "The tourist information welcomes feedback and suggestions for improvement.",
            ],
        },
        "days_ago": 0,
        "categories": ["digital", "tourism"],
        "tags": ["digitalisierung", "website", "tourismus"],
        "related": ["tourist-information"],
        "image": {
            "motif": "news",
            "alt": {
                "de": "Grafik einer Nachrichtenseite mit blauem Titelbalken und mehreren grauen Textzeilen",
                "en": "Graphic of a news page with a blue title bar and several grey lines of text",
            },
            "caption": {
                "de": "Die neue Stadtpräsenz (Symbolgrafik)",
                "en": "The new city presence (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "news-weihnachtsmarkt",
        "slug": {
            "de": "weihnachtsmarkt-programm-und-oeffnungszeiten",
            "en": "christmas-market-programme-and-opening-times",
        },
        "title": {
            "de": "Weihnachtsmarkt: Programm und Öffnungszeiten",
            "en": "Christmas market: programme and opening times",
        },
        "teaser": {
            "de": (
                "Drei Tage Lichterglanz am Roland mit Chören, Kinderkarussell und Kunsthandwerk: alle Infos "
                "zum Weihnachtsmarkt auf einen Blick."
            ),
            "en": (
                "Three days of festive lights by the Roland with choirs, a children's carousel and "
                "handicrafts: all the information about the Christmas market at a glance."
            ),
        },
        "body": {
            "de": [
                (
                    "Der Weihnachtsmarkt auf dem Marktplatz ist täglich von 11 bis 21 Uhr geöffnet. Rund um "
                    "den Reitenden Roland bieten Händler Kunsthandwerk, Leckereien und Geschenkideen an."
                ),
                (
                    "Das Bühnenprogramm gestalten Chöre, Schulen und Vereine aus Haldensleben. Für die "
                    "Kleinen dreht sich ein nostalgisches Karussell."
                ),
            ],
            "en": [
                (
                    "The Christmas market on the market square is open daily from 11 am to 9 pm. Around the "
                    "Riding Roland, traders offer handicrafts, treats and gift ideas."
                ),
                (
                    "The stage programme is provided by choirs, schools and clubs from Haldensleben. A "
                    "nostalgic carousel turns for the little ones."
                ),
            ],
        },
        "days_ago": 1,
        "categories": ["town"],
        "tags": ["weihnachten", "markt", "advent"],
        "related": ["weihnachtsmarkt", "wochenmarkt"],
        "image": {
            "motif": "market",
            "alt": {
                "de": "Zeichnung von Marktständen mit weißen Wänden und spitzen, farbigen Dächern",
                "en": "Drawing of market stalls with white walls and pointed, coloured roofs",
            },
            "caption": {
                "de": "Weihnachtsmarkt auf dem Marktplatz (Symbolgrafik)",
                "en": "Christmas market on the market square (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "sommermusikakademie-programm",
        "slug": {
            "de": "programm-der-sommermusikakademie-veroeffentlicht",
            "en": "summer-music-academy-programme-published",
        },
        "title": {
            "de": "Programm der SommerMusikAkademie veröffentlicht",
            "en": "Summer Music Academy programme published",
        },
        "teaser": {
            "de": (
                "Meisterkurse, offene Proben und Abendkonzerte: Das Programm der Internationalen "
                "SommerMusikAkademie auf Schloss Hundisburg steht fest."
            ),
            "en": (
                "Master classes, open rehearsals and evening concerts: the programme of the International "
                "Summer Music Academy at Hundisburg Palace has been set."
            ),
        },
        "body": {
            "de": [
                (
                    "Auch in diesem Sommer kommen junge Musikerinnen und Musiker aus vielen Ländern nach "
                    "Hundisburg. Das Programm der Internationalen SommerMusikAkademie ist ab sofort online."
                ),
                (
                    "Der Vorverkauf für die Abendkonzerte hat begonnen. Die offenen Proben sind kostenlos "
                    "und geben einen besonderen Einblick in die Arbeit der Meisterkurse."
                ),
            ],
            "en": [
                (
                    "This summer, too, young musicians from many countries are coming to Hundisburg. The "
                    "programme of the International Summer Music Academy is now online."
                ),
                (
                    "Advance ticket sales for the evening concerts have begun. The open rehearsals are free "
                    "and offer a special insight into the work of the master classes."
                ),
            ],
        },
        "days_ago": 3,
        "categories": ["tourism"],
        "tags": ["musik", "schloss", "sommer"],
        "related": ["sommermusikakademie", "schloss-hundisburg"],
        "image": {
            "motif": "music",
            "alt": {
                "de": "Grafik dreier Notenköpfe mit Hälsen, verbunden durch einen breiten Balken",
                "en": "Graphic of three note heads with stems joined by a wide beam",
            },
            "caption": {
                "de": "Programm der SommerMusikAkademie (Symbolgrafik)",
                "en": "Summer Music Academy programme (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "online-buergerservices",
        "slug": {"de": "neue-online-buergerservices", "en": "new-online-citizen-services"},
        "title": {
            "de": "Neue Online-Bürgerservices: weniger Wege ins Rathaus",
            "en": "New online citizen services: fewer trips to the town hall",
        },
        "teaser": {
            "de": (
                "Meldebescheinigung, Anwohnerparkausweis und mehr: Mehrere Anträge lassen sich jetzt rund "
                "um die Uhr online stellen."
            ),
            "en": (
                "Certificates of registration, residents' parking permits and more: several applications "
                "can now be made online around the clock."
            ),
        },
        "body": {
            "de": [
                (
                    "Die Stadt erweitert ihr digitales Angebot: Mehrere häufig genutzte "
                    "Verwaltungsleistungen können ab sofort online beantragt werden, darunter "
                    "Meldebescheinigungen und Anwohnerparkausweise."
                ),
                (
                    "Wer Hilfe beim Einrichten des Bürgerkontos braucht, ist in der Sprechstunde des "
                    "Digitalisierungszentrums willkommen. Das Bürgerbüro bleibt selbstverständlich auch "
                    "persönlich erreichbar."
                ),
            ],
            "en": [
                (
                    "The town is expanding its digital services: several frequently used administrative "
                    "services can now be requested online, including certificates of registration and "
                    "residents' parking permits."
                ),
                (
                    "Anyone who needs help setting up a citizen account is welcome at the digitalisation "
                    "centre's consultation hour. Of course, the citizens' office can still be visited in "
                    "person."
                ),
            ],
        },
        "days_ago": 5,
        "categories": ["digital", "town"],
        "tags": ["buergerservice", "verwaltung", "online"],
        "related": ["rathaus", "sprechstunde-online-buergerservice"],
        "image": {
            "motif": "building",
            "alt": {
                "de": "Zeichnung eines Verwaltungsgebäudes mit zwei Fensterreihen und rotem Dach",
                "en": "Drawing of an administrative building with two rows of windows and a red roof",
            },
            "caption": {
                "de": "Online-Bürgerservices der Stadt (Symbolgrafik)",
                "en": "The town's online citizen services (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "zeitspuren-qr-codes",
        "slug": {"de": "neue-qr-codes-am-pfad-zeitspuren", "en": "new-qr-codes-on-the-zeitspuren-trail"},
        "title": {"de": "Neue QR-Codes am Pfad „Zeitspuren“", "en": "New QR codes on the “Zeitspuren” trail"},
        "teaser": {
            "de": (
                "Die Stationen des archäologischen Pfades haben neue QR-Codes erhalten; die Inhalte wurden "
                "überarbeitet und um Englisch ergänzt."
            ),
            "en": (
                "The stations of the archaeological trail have new QR codes; the content has been revised "
                "and English has been added."
            ),
        },
        "body": {
            "de": [
                (
                    "Wind und Wetter hatten den alten Schildern zugesetzt. Nun wurden alle QR-Codes am "
                    "archäologischen Pfad „Zeitspuren“ erneuert."
                ),
                (
                    "Die digitalen Inhalte zu den Großsteingräbern wurden aktualisiert und liegen jetzt "
                    "auch auf Englisch vor. Bereitgestellt werden sie über diese Stadtpräsenz."
                ),
            ],
            "en": [
                (
                    "Wind and weather had taken their toll on the old signs. Now all the QR codes on the "
                    "“Zeitspuren” archaeological trail have been renewed."
                ),
                (
                    "The digital content on the megalithic graves has been updated and is now also "
                    "available in English. It is provided through this city presence."
                ),
            ],
        },
        "days_ago": 7,
        "categories": ["digital", "tourism"],
        "tags": ["qr-code", "zeitspuren", "archaeologie"],
        "related": ["zeitspuren-pfad", "grosssteingraeber-forst", "wanderung-zeitspuren"],
        "image": {
            "motif": "stones",
            "alt": {
                "de": "Zeichnung einer Reihe rundlicher Findlinge mit aufliegendem Deckstein im Wald",
                "en": "Drawing of a row of rounded boulders with a capstone on top in a forest",
            },
            "caption": {
                "de": "Neue QR-Codes am Pfad „Zeitspuren“ (Symbolgrafik)",
                "en": "New QR codes on the “Zeitspuren” trail (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "news-logistik-4-0",
        "slug": {"de": "inforeihe-logistik-4-0-startet", "en": "logistik-4-0-series-launches"},
        "title": {"de": "Inforeihe „Logistik 4.0“ startet", "en": "“Logistik 4.0” series launches"},
        "teaser": {
            "de": (
                "Das Digitalisierungszentrum lädt Unternehmen zu sechs Abenden über digitale Lieferketten, "
                "Lagertechnik und Datenaustausch ein."
            ),
            "en": (
                "The digitalisation centre invites businesses to six evenings on digital supply chains, "
                "warehouse technology and data exchange."
            ),
        },
        "body": {
            "de": [
                (
                    "Mit der Inforeihe „Logistik 4.0“ wendet sich das Regionale Digitalisierungszentrum an "
                    "kleine und mittlere Unternehmen. An sechs Abenden geht es um Beispiele aus Lager, "
                    "Transport und Verwaltung."
                ),
                (
                    "Die Termine finden jeweils am zweiten Mittwoch des Monats im Rathaus statt. Eine "
                    "Anmeldung erleichtert die Planung."
                ),
            ],
            "en": [
                (
                    "With the “Logistik 4.0” information series, the regional digitalisation centre "
                    "addresses small and medium-sized companies. Six evenings cover examples from "
                    "warehousing, transport and administration."
                ),
                (
                    "The sessions take place on the second Wednesday of each month at the town hall. "
                    "Registering makes planning easier."
                ),
            ],
        },
        "days_ago": 9,
        "categories": ["digital", "town"],
        "tags": ["logistik", "wirtschaft", "digitalisierung"],
        "related": ["logistik-4-0-infoabend"],
        "image": {
            "motif": "factory",
            "alt": {
                "de": "Zeichnung einer Fabrikhalle mit flachem Dach, Fensterband und Schornstein",
                "en": "Drawing of a factory hall with a flat roof, a band of windows and a chimney",
            },
            "caption": {
                "de": "Inforeihe „Logistik 4.0“ (Symbolgrafik)",
                "en": "“Logistik 4.0” series (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "news-wlan-markt",
        "slug": {"de": "kostenloses-wlan-auf-dem-marktplatz", "en": "free-wifi-on-the-market-square"},
        "title": {"de": "Kostenloses WLAN auf dem Marktplatz", "en": "Free Wi-Fi on the market square"},
        "teaser": {
            "de": (
                "Der erste Hotspot des städtischen WLAN-Netzes ist in Betrieb: Auf dem Marktplatz surfen "
                "Gäste und Einheimische ab sofort kostenlos."
            ),
            "en": (
                "The first hotspot of the town's Wi-Fi network is up and running: visitors and residents "
                "can now surf free of charge on the market square."
            ),
        },
        "body": {
            "de": [
                (
                    "Seit Kurzem gibt es auf dem Marktplatz ein kostenloses öffentliches WLAN. Eine "
                    "Registrierung ist nicht nötig, es genügt die Zustimmung zu den Nutzungsbedingungen."
                ),
                (
                    "Der Hotspot ist ein Baustein des kommunalen WLAN-Netzes, das das Regionale "
                    "Digitalisierungszentrum aufbaut. Als Nächstes folgt die Kulturfabrik."
                ),
                (
                    "So können Gäste unterwegs Veranstaltungen finden oder den Weg zur nächsten "
                    "Sehenswürdigkeit nachschlagen."
                ),
            ],
            "en": [
                (
                    "Free public Wi-Fi has recently become available on the market square. No registration "
                    "is needed; you only have to accept the terms of use."
                ),
                (
                    "The hotspot is one building block of the municipal Wi-Fi network being set up by the "
                    "regional digitalisation centre. The Kulturfabrik is next."
                ),
                "This lets visitors find events on the go or look up the way to the next sight.",
            ],
        },
        "days_ago": 11,
        "categories": ["digital"],
        "tags": ["wlan", "digital", "markt"],
        "related": ["wlan-markt", "wlan-eroeffnung"],
        "image": {
            "motif": "wifi",
            "alt": {
                "de": "Grafik eines großen WLAN-Symbols mit Punkt und drei Bögen vor farbigem Hintergrund",
                "en": "Graphic of a large Wi-Fi symbol with a dot and three arcs on a coloured background",
            },
            "caption": {
                "de": "Kostenloses WLAN auf dem Marktplatz (Symbolgrafik)",
                "en": "Free Wi-Fi on the market square (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC0-1.0",
        },
    },
    {
        "key": "rolli-runde-neue-plaketten",
        "slug": {"de": "neue-plaketten-fuer-die-rolli-runde", "en": "new-plaques-for-the-rolli-trail"},
        "title": {"de": "Neue Plaketten für die Rolli-Runde", "en": "New plaques for the Rolli trail"},
        "teaser": {
            "de": (
                "Abgetretene Bronzeplaketten wurden ersetzt und drei Stationen ergänzt: Die Rolli-Runde ist "
                "damit noch leichter zu finden."
            ),
            "en": (
                "Worn bronze plaques have been replaced and three stations added, making the Rolli trail "
                "even easier to follow."
            ),
        },
        "body": {
            "de": [
                (
                    "Viele Füße haben Spuren hinterlassen: Mehrere Rolli-Plaketten im Pflaster waren kaum "
                    "noch zu erkennen. Der städtische Bauhof hat sie nun gegen neue Bronzeplaketten "
                    "getauscht."
                ),
                (
                    "Zusätzlich weisen drei neue Plaketten den Weg zu bisher fehlenden Stationen. Das "
                    "überarbeitete Faltblatt liegt in der Tourist-Information bereit."
                ),
            ],
            "en": [
                (
                    "Many feet have left their mark: several Rolli plaques in the pavement had become hard "
                    "to make out. The municipal works depot has now replaced them with new bronze plaques."
                ),
                (
                    "In addition, three new plaques point the way to stations that were missing until now. "
                    "The revised leaflet is available at the tourist information."
                ),
            ],
        },
        "days_ago": 14,
        "categories": ["tourism", "town"],
        "tags": ["rolli", "altstadt", "rundgang"],
        "related": ["rolli-runde", "rolli-kinderfuehrung"],
        "image": {
            "motif": "statue",
            "alt": {
                "de": "Zeichnung einer kleinen Reiterfigur auf einem Sockel vor einer Häuserfassade",
                "en": "Drawing of a small equestrian figure on a plinth in front of a house façade",
            },
            "caption": {
                "de": "Neue Rolli-Plaketten in der Altstadt (Symbolgrafik)",
                "en": "New Rolli plaques in the old town (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "news-ladesaeule",
        "slug": {"de": "neue-ladesaeule-in-der-bahnhofstrasse", "en": "new-charging-point-on-bahnhofstrasse"},
        "title": {"de": "Neue Ladesäule in der Bahnhofstraße", "en": "New charging point on Bahnhofstraße"},
        "teaser": {
            "de": (
                "Zwei zusätzliche Ladepunkte für Elektroautos ergänzen das Mobilitätsangebot rund um den "
                "Bahnhof."
            ),
            "en": (
                "Two additional charging points for electric cars complement the mobility services around "
                "the station."
            ),
        },
        "body": {
            "de": [
                (
                    "In der Bahnhofstraße ist eine neue öffentliche Ladesäule in Betrieb gegangen. Sie hat "
                    "zwei Ladepunkte, einer davon ist barrierefrei gestaltet."
                ),
                (
                    "Zusammen mit dem E-Bike-Verleih entsteht am Bahnhof so ein kleiner Mobilitätsknoten, "
                    "an dem sich Auto, Rad und Bahn gut kombinieren lassen."
                ),
            ],
            "en": [
                (
                    "A new public charging station has gone into operation on Bahnhofstraße. It has two "
                    "charging points, one of which is designed to be accessible."
                ),
                (
                    "Together with the e-bike rental, this creates a small mobility hub at the station "
                    "where car, bike and train can easily be combined."
                ),
            ],
        },
        "days_ago": 16,
        "categories": ["town", "digital"],
        "tags": ["elektromobilitaet", "laden", "bahnhof"],
        "related": ["ladesaeule-bahnhofstrasse", "e-bike-verleih-bahnhof"],
        "image": {
            "motif": "info",
            "alt": {
                "de": (
                    "Zeichnung eines flachen Gebäudes mit großem Info-Zeichen, Hinweis auf die neue Ladesäule"
                ),
                "en": (
                    "Drawing of a low building with a large info sign, pointing to the new charging station"
                ),
            },
            "caption": {
                "de": "Neue Ladesäule am Bahnhof (Symbolgrafik)",
                "en": "New charging point at the station (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "news-e-bike-verleih",
        "slug": {"de": "e-bike-verleih-am-bahnhof-eroeffnet", "en": "e-bike-rental-opens-at-the-station"},
        "title": {"de": "E-Bike-Verleih am Bahnhof eröffnet", "en": "E-bike rental opens at the station"},
        "teaser": {
            "de": (
                "Als Teil des städtischen Mobilitätsprojekts können am Bahnhof jetzt Pedelecs ausgeliehen "
                "werden, ideal für Ausflüge ins Umland."
            ),
            "en": (
                "As part of the town's mobility project, pedelecs can now be hired at the station, ideal "
                "for trips into the surrounding countryside."
            ),
        },
        "body": {
            "de": [
                (
                    "Wer mit der Bahn nach Haldensleben kommt, kann jetzt direkt am Bahnhof aufs E-Bike "
                    "umsteigen. Der neue Verleih ist ein Baustein des kommunalen Mobilitätsprojekts."
                ),
                (
                    "Zur Auswahl stehen Pedelecs in verschiedenen Rahmengrößen, auf Wunsch mit Kindersitz. "
                    "Ein Tipp für die erste Tour: über den Aller-Elbe-Radweg zur Ruine Nordhusen."
                ),
            ],
            "en": [
                (
                    "Anyone arriving in Haldensleben by train can now switch to an e-bike right at the "
                    "station. The new rental is one building block of the municipal mobility project."
                ),
                (
                    "Pedelecs are available in various frame sizes, with a child seat on request. A tip for "
                    "your first ride: along the Aller-Elbe cycle route to the Nordhusen ruin."
                ),
            ],
        },
        "days_ago": 18,
        "categories": ["town", "tourism"],
        "tags": ["e-bike", "mobilitaet", "radfahren"],
        "related": ["e-bike-verleih-bahnhof", "radtour-nordhusen"],
        "image": {
            "motif": "bike",
            "alt": {
                "de": "Zeichnung eines Elektrofahrrads in Seitenansicht mit breitem Sattel",
                "en": "Side-view drawing of an electric bicycle with a wide saddle",
            },
            "caption": {
                "de": "Neuer E-Bike-Verleih (Symbolgrafik)",
                "en": "New e-bike rental (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "grimm-sammlung-highlight",
        "slug": {"de": "schaetze-der-grimm-sammlung", "en": "treasures-of-the-grimm-collection"},
        "title": {
            "de": "Schätze der Grimm-Sammlung im Museum",
            "en": "Treasures of the Grimm collection at the museum",
        },
        "teaser": {
            "de": (
                "Erinnerungsstücke aus Familienbesitz in neuer Vitrine: warum das Museum Haldensleben eine "
                "besondere Grimm-Sammlung besitzt."
            ),
            "en": (
                "Family mementoes in a new display case: why the Haldensleben Museum owns a special Grimm "
                "collection."
            ),
        },
        "body": {
            "de": [
                (
                    "Die Grimm-Sammlung des Museums geht auf das Jahr 1963 zurück. Damals übergab Albertine "
                    "Plock, Enkelin von Wilhelm Grimm, dem Haus Stücke aus dem Besitz ihrer Familie."
                ),
                (
                    "In einer neu gestalteten Vitrine sind jetzt ausgewählte Objekte zu sehen. Kinder "
                    "können die Sammlung beim Märchennachmittag spielerisch entdecken."
                ),
            ],
            "en": [
                (
                    "The museum's Grimm collection dates back to 1963. At that time Albertine Plock, a "
                    "granddaughter of Wilhelm Grimm, gave the museum items from her family's possession."
                ),
                (
                    "Selected objects can now be seen in a newly designed display case. Children can "
                    "discover the collection through play at the fairy-tale afternoon."
                ),
            ],
        },
        "days_ago": 21,
        "categories": ["tourism"],
        "tags": ["grimm", "museum", "maerchen"],
        "related": ["museum-haldensleben", "grimm-maerchennachmittag"],
        "image": {
            "motif": "museum",
            "alt": {
                "de": "Zeichnung eines hellen Museumsgebäudes mit Ziegeldach und gleichmäßigen Fenstern",
                "en": "Drawing of a light museum building with a tiled roof and evenly spaced windows",
            },
            "caption": {
                "de": "Grimm-Sammlung im Museum Haldensleben (Symbolgrafik)",
                "en": "Grimm collection at the Haldensleben Museum (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "saisonstart-schloss-hundisburg",
        "slug": {"de": "saisonstart-auf-schloss-hundisburg", "en": "season-opens-at-hundisburg-palace"},
        "title": {"de": "Saisonstart auf Schloss Hundisburg", "en": "Season opens at Hundisburg Palace"},
        "teaser": {
            "de": (
                "Von April bis Oktober sind die Ausstellungen im Schloss wieder dienstags bis sonntags "
                "geöffnet, mit neuen Führungen durch die barocken Räume."
            ),
            "en": (
                "From April to October the exhibitions in the palace are open again from Tuesday to Sunday, "
                "with new tours of the baroque rooms."
            ),
        },
        "body": {
            "de": [
                (
                    "Mit dem Frühling beginnt auf Schloss Hundisburg die neue Saison. Bis Ende Oktober sind "
                    "die Ausstellungen dienstags bis sonntags geöffnet."
                ),
                (
                    "Neu im Programm sind Themenführungen zur Baugeschichte ab 1693 und zum Barockgarten. "
                    "Der Garten selbst bleibt frei zugänglich."
                ),
            ],
            "en": [
                (
                    "With spring, the new season begins at Hundisburg Palace. Until the end of October, the "
                    "exhibitions are open from Tuesday to Sunday."
                ),
                (
                    "New to the programme are themed tours on the building history from 1693 and on the "
                    "baroque garden. The garden itself remains freely accessible."
                ),
            ],
        },
        "days_ago": 25,
        "categories": ["tourism"],
        "tags": ["schloss", "barock", "saison"],
        "related": ["schloss-hundisburg", "landschaftspark-althaldensleben-hundisburg"],
        "image": {
            "motif": "castle",
            "alt": {
                "de": "Zeichnung eines barocken Schlosses mit vielen Fenstern und kleinem Turm auf dem Dach",
                "en": "Drawing of a baroque palace with many windows and a small tower on the roof",
            },
            "caption": {
                "de": "Saisonstart auf Schloss Hundisburg (Symbolgrafik)",
                "en": "Season opening at Hundisburg Palace (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "ziegelei-saisonstart",
        "slug": {
            "de": "ziegelei-hundisburg-startet-in-die-saison",
            "en": "hundisburg-brickworks-opens-for-the-season",
        },
        "title": {
            "de": "Ziegelei Hundisburg startet in die Saison",
            "en": "Hundisburg Brickworks opens for the season",
        },
        "teaser": {
            "de": (
                "Von April bis Oktober ist das Technische Denkmal wieder geöffnet; an Feldbahntagen fahren "
                "Gäste mit der historischen Bahn über das Gelände."
            ),
            "en": (
                "The industrial monument is open again from April to October; on field railway days, "
                "visitors ride the historic railway across the site."
            ),
        },
        "body": {
            "de": [
                (
                    "Nach der Winterpause öffnet das Technische Denkmal Ziegelei Hundisburg wieder seine "
                    "Tore. Besuchen können Sie es von Mittwoch bis Sonntag."
                ),
                (
                    "Einmal im Monat finden Feldbahntage mit Mitfahrgelegenheit und offener Töpferwerkstatt "
                    "statt. Die Termine stehen im Veranstaltungskalender."
                ),
            ],
            "en": [
                (
                    "After the winter break, the Hundisburg Brickworks industrial monument is opening its "
                    "gates again. You can visit from Wednesday to Sunday."
                ),
                (
                    "Once a month there are field railway days with rides and an open pottery workshop. The "
                    "dates are listed in the events calendar."
                ),
            ],
        },
        "days_ago": 30,
        "categories": ["tourism"],
        "tags": ["ziegelei", "feldbahn", "saison"],
        "related": ["ziegelei-hundisburg", "feldbahntage-ziegelei"],
        "image": {
            "motif": "factory",
            "alt": {
                "de": "Zeichnung eines Ziegeleigebäudes aus rotem Backstein mit schmalen Fenstern",
                "en": "Drawing of a brickworks building of red brick with narrow windows",
            },
            "caption": {
                "de": "Saisonstart in der Ziegelei (Symbolgrafik)",
                "en": "Season start at the brickworks (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC-BY-4.0",
        },
    },
    {
        "key": "foerderbescheid-digitalisierungszentrum",
        "slug": {
            "de": "wie-das-digitalisierungszentrum-entstand",
            "en": "how-the-digitalisation-centre-began",
        },
        "title": {
            "de": "Wie das Regionale Digitalisierungszentrum entstand",
            "en": "How the regional digitalisation centre began",
        },
        "teaser": {
            "de": (
                "Im Januar 2019 erhielt Haldensleben den ersten Förderbescheid dieser Art in "
                "Sachsen-Anhalt. Ein Rückblick auf den Start des Digitalisierungszentrums."
            ),
            "en": (
                "In January 2019 Haldensleben received the first funding notice of its kind in "
                "Saxony-Anhalt. A look back at how the digitalisation centre started."
            ),
        },
        "body": {
            "de": [
                (
                    "Im Januar 2019 ging in Haldensleben der landesweit erste Förderbescheid dieser Art "
                    "ein: Rund 170.000 Euro stellte das Land für ein regionales Digitalisierungszentrum "
                    "bereit, die Stadt steuerte etwa 42.600 Euro bei."
                ),
                (
                    "Möglich wurde das durch den Breitbandausbau, der Ende 2018 in der Kernstadt und nahezu "
                    "allen Ortsteilen abgeschlossen war. Damit lag das schnelle Netz bereit, auf dem neue "
                    "Angebote aufbauen."
                ),
                (
                    "Leitbild ist eine zukunftsfähige Kommune, ein starker Wirtschaftsstandort und ein "
                    "lebenswerter Wohnort. Das öffentliche WLAN, die Online-Bürgerservices und diese "
                    "Stadtpräsenz gehen darauf zurück."
                ),
            ],
            "en": [
                (
                    "In January 2019 Haldensleben received the first funding notice of its kind in the "
                    "state: about EUR 170,000 from the state for a regional digitalisation centre, with the "
                    "town contributing about EUR 42,600."
                ),
                (
                    "This was made possible by the broadband roll-out, completed at the end of 2018 in the "
                    "core town and nearly all districts. The fast network was in place for new services to "
                    "build on."
                ),
                (
                    "The guiding vision is a future-proof municipality, a strong business location and a "
                    "good place to live. The public Wi-Fi, the online citizen services and this city "
                    "presence all stem from it."
                ),
            ],
        },
        "days_ago": 40,
        "categories": ["digital", "town"],
        "tags": ["digitalisierung", "foerderung", "breitband"],
        "related": ["wlan-markt", "sprechstunde-online-buergerservice"],
        "image": {
            "motif": "news",
            "alt": {
                "de": "Grafik eines amtlichen Schreibens mit farbigem Briefkopf und Textzeilen",
                "en": "Graphic of an official letter with a coloured letterhead and lines of text",
            },
            "caption": {
                "de": "Förderbescheid für das Digitalisierungszentrum (Symbolgrafik)",
                "en": "Funding notice for the digitalisation centre (symbolic illustration)",
            },
            "credit": "Stadt Haldensleben (Demo-Grafik)",
            "license": "CC0-1.0",
        },
    },
]


# Search synonyms per language: irregular plurals and everyday words the stemmer cannot join.
SYNONYMS = {
    "de": [
        "Museum, Museen",
        "Fahrrad, Rad",
        "Gaststätte, Restaurant, Gasthaus, Gasthof",
        "Stadtführung, Führung, Rundgang",
        "WC, Toilette",
    ],
    "en": [
        "bicycle, bike, cycling",
        "restroom, toilet, WC",
        "guided tour, city tour, walking tour",
    ],
}

# The information screen on the market square (Marktplatz, in front of the town hall).
KIOSKS = [
    {
        "slug": "markt",
        "name": "Infosäule Marktplatz",
        "venue": "rathaus",
        "radius_km": "5",
        "languages": ["de", "en"],
        "categories": [],
    },
]
