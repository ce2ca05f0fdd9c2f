"""Short news reports in French, German, Spanish and English, two events per language.

Written for the tests (no outlet's text): each event is told by three outlets in its own
words, as a wire story is retold, so that a language's reports of one event share their names
and key words and nothing else. Keyed by language, then by event.
"""

from __future__ import annotations

REPORTS: dict[str, dict[str, list[str]]] = {
    "fr": {
        "blinken": [
            "Antony Blinken à Paris pour parler de l'Ukraine\n\n"
            "Le secrétaire d'État américain Antony Blinken est arrivé mardi à Paris, où il doit "
            "rencontrer le président Emmanuel Macron à l'Élysée. La guerre en Ukraine et l'aide "
            "militaire à Kiev seront au cœur des entretiens.\n\n"
            "« Nous sommes aux côtés de l'Ukraine aussi longtemps qu'il le faudra », a déclaré "
            "le chef de la diplomatie américaine à son arrivée. Il s'entretiendra ensuite avec "
            "le ministre des Affaires étrangères, Jean-Noël Barrot, au Quai d'Orsay.",
            "Visite de Blinken à l'Élysée : Kiev au menu\n\n"
            "Reçu mardi à l'Élysée par Emmanuel Macron, Antony Blinken a réaffirmé le soutien "
            "des États-Unis à l'Ukraine. Le secrétaire d'État a évoqué de nouvelles livraisons "
            "d'armes et de munitions pour l'armée ukrainienne.\n\n"
            "Selon l'entourage du président, les deux hommes ont aussi parlé du Proche-Orient. "
            "Antony Blinken doit retrouver Jean-Noël Barrot mercredi au Quai d'Orsay avant de "
            "s'envoler pour Bruxelles.",
            "Ukraine : Blinken et Macron affichent leur unité à Paris\n\n"
            "Emmanuel Macron et Antony Blinken ont affiché mardi à Paris leur unité sur "
            "l'Ukraine. Le secrétaire d'État américain a promis que Washington continuerait "
            "d'aider Kiev à se défendre.\n\n"
            "La rencontre à l'Élysée a duré plus d'une heure. Mercredi, Antony Blinken verra "
            "Jean-Noël Barrot au Quai d'Orsay, puis rejoindra Bruxelles pour une réunion de "
            "l'OTAN.",
        ],
        "tempete": [
            "Tempête Ciarán : la Bretagne privée d'électricité\n\n"
            "La tempête Ciarán a balayé la Bretagne dans la nuit de mercredi à jeudi, avec des "
            "rafales à plus de 200 km/h à la pointe du Finistère. Plus d'un million de foyers "
            "sont privés d'électricité, selon Enedis.\n\n"
            "Les trains ont été supprimés dans toute la région et les écoles sont restées "
            "fermées. Les pompiers sont intervenus des milliers de fois pour des arbres tombés "
            "sur les routes.",
            "Ciarán : rafales record et coupures de courant dans le Finistère\n\n"
            "Des rafales de 207 km/h ont été mesurées à la pointe du Raz, dans le Finistère, au "
            "passage de la tempête Ciarán. Enedis compte plus d'un million de clients sans "
            "électricité en Bretagne et en Normandie.\n\n"
            "La SNCF a suspendu la circulation des trains. Les pompiers du Finistère ont "
            "dégagé des centaines d'arbres tombés et de toitures arrachées.",
            "Bretagne : après la tempête Ciarán, le long retour du courant\n\n"
            "Au lendemain de la tempête Ciarán, des centaines de milliers de foyers bretons "
            "attendent toujours le retour de l'électricité. Enedis a mobilisé trois mille "
            "techniciens dans le Finistère et les Côtes-d'Armor.\n\n"
            "Les arbres tombés bloquent encore de nombreuses routes, et les trains ne "
            "circulent que partiellement. Les écoles du Finistère rouvriront lundi.",
        ],
    },
    "de": {
        "streik": [
            "GDL-Streik legt Bahnverkehr in ganz Deutschland lahm\n\n"
            "Die Lokführergewerkschaft GDL hat am Mittwoch den Bahnverkehr in ganz Deutschland "
            "weitgehend zum Erliegen gebracht. Die Deutsche Bahn strich rund achtzig Prozent "
            "der Fernzüge, auch im Regionalverkehr fielen viele Verbindungen aus.\n\n"
            "GDL-Chef Claus Weselsky verteidigte den Streik: Die Bahn habe kein ernsthaftes "
            "Angebot vorgelegt. Der Streik soll bis Freitagabend dauern.",
            "Bahnstreik: Fernverkehr fast vollständig eingestellt\n\n"
            "Wegen des Streiks der GDL fährt bei der Deutschen Bahn nur noch ein Notfahrplan. "
            "Reisende an den Bahnhöfen in Berlin, Hamburg und München standen am Mittwoch vor "
            "leeren Gleisen.\n\n"
            "Claus Weselsky kündigte an, der Arbeitskampf gehe bis Freitag weiter. Die Bahn "
            "nannte den Streik unverhältnismäßig und forderte die Gewerkschaft zu Gesprächen "
            "auf.",
            "Weselsky lässt streiken – Pendler stranden an Bahnhöfen\n\n"
            "Der Streik der Lokführer trifft Millionen Pendler. Die GDL von Claus Weselsky "
            "fordert eine kürzere Arbeitszeit bei vollem Lohn, die Deutsche Bahn lehnt das "
            "ab.\n\n"
            "Im Fernverkehr fallen nach Angaben der Bahn vier von fünf Zügen aus. Der "
            "Ausstand soll am Freitagabend enden, neue Streiks schließt die Gewerkschaft "
            "nicht aus.",
        ],
        "heizung": [
            "Bundestag beschließt umstrittenes Heizungsgesetz\n\n"
            "Der Bundestag hat am Freitag das Gebäudeenergiegesetz verabschiedet. Neue "
            "Heizungen sollen künftig zu mindestens 65 Prozent mit erneuerbaren Energien "
            "betrieben werden. Wirtschaftsminister Robert Habeck sprach von einem wichtigen "
            "Schritt für den Klimaschutz.\n\n"
            "Die Union kritisierte das Gesetz scharf und kündigte an, es nach einem "
            "Regierungswechsel wieder abzuschaffen.",
            "Heizungsgesetz: Habeck setzt sich im Bundestag durch\n\n"
            "Nach monatelangem Streit in der Ampel-Koalition hat der Bundestag das "
            "Heizungsgesetz beschlossen. Robert Habeck verteidigte die Pflicht zu "
            "erneuerbaren Energien beim Einbau neuer Heizungen.\n\n"
            "Eigentümer sollen mit Zuschüssen von bis zu 70 Prozent unterstützt werden. Die "
            "Opposition warf der Regierung vor, Hausbesitzer zu überfordern.",
            "Gebäudeenergiegesetz verabschiedet: Was Hausbesitzer jetzt wissen müssen\n\n"
            "Mit dem vom Bundestag beschlossenen Gebäudeenergiegesetz ändern sich die Regeln "
            "für neue Heizungen. Ab dem kommenden Jahr müssen sie in Neubaugebieten zu 65 "
            "Prozent mit erneuerbaren Energien laufen.\n\n"
            "Wirtschaftsminister Habeck verspricht eine Förderung für den Austausch alter "
            "Öl- und Gasheizungen. Für bestehende Gebäude gelten lange Übergangsfristen.",
        ],
    },
    "es": {
        "incendio": [
            "Un incendio forestal obliga a evacuar a 1.500 vecinos en Castellón\n\n"
            "Un incendio forestal declarado el jueves en la sierra de Villanueva de Viver, en "
            "Castellón, ha obligado a evacuar a unos 1.500 vecinos de cinco municipios. Las "
            "llamas han quemado ya más de 4.000 hectáreas.\n\n"
            "El presidente de la Generalitat, Carlos Mazón, ha pedido prudencia. Más de "
            "quinientos bomberos y varios hidroaviones trabajan para frenar el fuego.",
            "Castellón: el fuego de Villanueva de Viver arrasa 4.000 hectáreas\n\n"
            "El incendio de Villanueva de Viver sigue sin control y ha calcinado más de "
            "cuatro mil hectáreas de monte en Castellón. Los vecinos evacuados pasan la noche "
            "en pabellones de la comarca.\n\n"
            "Carlos Mazón visitó el puesto de mando y aseguró que los bomberos cuentan con "
            "todos los medios. El viento complica la extinción.",
            "Bomberos y hidroaviones luchan contra el incendio de Castellón\n\n"
            "Medio millar de bomberos, con la ayuda de hidroaviones, intentan frenar el "
            "incendio forestal que arde desde el jueves en Villanueva de Viver. Unas 1.500 "
            "personas han sido evacuadas.\n\n"
            "El presidente Carlos Mazón explicó que el fuego avanza hacia Teruel empujado por "
            "el viento de poniente. Se han quemado más de 4.000 hectáreas.",
        ],
        "liga": [
            "El Real Madrid gana al Barcelona en el Bernabéu y se afianza como líder\n\n"
            "El Real Madrid venció por 3-1 al Barcelona en el clásico disputado el sábado en "
            "el Santiago Bernabéu. Vinícius Júnior marcó dos goles y Jude Bellingham cerró el "
            "marcador en el descuento.\n\n"
            "Con esta victoria, el equipo de Carlo Ancelotti aventaja en seis puntos al "
            "Barcelona en la clasificación de LaLiga.",
            "Clásico: Vinícius y Bellingham tumban al Barcelona\n\n"
            "Un doblete de Vinícius Júnior y un gol de Jude Bellingham dieron al Real Madrid "
            "la victoria por 3-1 ante el Barcelona en el Bernabéu. Lewandowski había "
            "adelantado a los azulgranas.\n\n"
            "Carlo Ancelotti elogió a sus jugadores: el Real Madrid es más líder que nunca, "
            "con seis puntos de ventaja.",
            "El Barcelona cae en el Bernabéu y se aleja del liderato\n\n"
            "El Barcelona perdió 3-1 en el Santiago Bernabéu y queda a seis puntos del Real "
            "Madrid. Lewandowski marcó el único gol azulgrana antes de la remontada "
            "blanca.\n\n"
            "Vinícius Júnior, con dos goles, y Jude Bellingham fueron los protagonistas del "
            "clásico. El entrenador del Barcelona reconoció la superioridad del rival.",
        ],
    },
    "en": {
        "chips": [
            "Chipmaker Altura posts record quarterly profit on data-centre demand\n\n"
            "Altura Semiconductor reported a record quarterly profit on Wednesday as demand "
            "for its data-centre processors kept growing. Revenue rose 38 percent to 9.2 "
            "billion dollars, beating analysts' forecasts.\n\n"
            "Chief executive Dana Whitfield said orders from cloud providers would keep "
            "rising through next year. Shares of Altura rose 6 percent in late trading.",
            "Altura beats forecasts as cloud giants buy its chips\n\n"
            "Shares of Altura Semiconductor climbed after the company said quarterly revenue "
            "jumped 38 percent to 9.2 billion dollars. Cloud providers bought record numbers "
            "of its data-centre processors.\n\n"
            "Dana Whitfield, the chief executive, told analysts that demand would stay strong "
            "next year and that a new factory in Arizona would open in the spring.",
        ],
        "marathon": [
            "Kenyan runner breaks Boston Marathon course record\n\n"
            "Kenya's Peter Mwangi won the Boston Marathon on Monday in 2 hours 3 minutes and "
            "2 seconds, breaking the course record by more than a minute. Thousands of "
            "spectators lined the route from Hopkinton to Boylston Street.\n\n"
            "Mwangi said he had trained for the Heartbreak Hill climbs for months and thanked "
            "his coach in Eldoret.",
            "Mwangi smashes Boston record on a cool, windless Monday\n\n"
            "Peter Mwangi of Kenya ran the fastest Boston Marathon in history, finishing in 2 "
            "hours 3 minutes and 2 seconds. Cool weather and no headwind helped the runners "
            "on the course from Hopkinton.\n\n"
            "The 27-year-old pulled away on Heartbreak Hill and crossed the line on Boylston "
            "Street more than a minute ahead of the old course record.",
        ],
    },
}
