#!/usr/bin/python3
"""Writes a synthetic news corpus for benchmarking eventgraph, with its gold.

A world of stories: each story is a few events (meeting, vote, airstrike,
statement, directive, deployment) on nearby days, with actors the built-in
lexicon knows (lib/extract/lexicon/*.json). Several outlets tell overlapping
events of a story, each in its own words: different sentence templates,
actor forms ("Russian President Vladimir Putin", "Putin"), and date forms
relative to the article's publication day ("on Monday", "yesterday",
"Sept. 28", "September 28, 2015", "last week"), with quotations attributed
to their speakers and background sentences that report no event. Some
articles report no event at all.

Writes OUT/corpus.jsonl (the JSONL `eventgraph build` reads: id, outlet,
url, title, published, text) and OUT/gold.json (the format of
shared/eval/seeds.gold.json, plus per event "mentions": [{"doc", "span":
[begin, end]}], the trigger's UTF-8 byte span in the article text). The
text is already in eventgraph's normal form (ASCII, straight quotes, no
page chrome), so spans hold after normalize_text.

Deterministic: the same --seed and --megabytes give the same bytes.

  /usr/bin/python3 tools/bench/generate_corpus.py --megabytes 20 --seed 1 -o build/bench
"""

import argparse
import datetime
import json
import os
import random
import sys

# --- The world: actors as the lexicon names them -------------------------

# People: canonical name (lexicon "name"), full forms that identify them on
# their own, and short forms used after a full mention in the same article.
PEOPLE = {
    "obama": ("Barack Obama", ["U.S. President Barack Obama", "President Barack Obama"], ["Obama"], "his"),
    "putin": ("Vladimir Putin", ["Russian President Vladimir Putin", "President Vladimir Putin"], ["Putin"], "his"),
    "carter": ("Ash Carter", ["Defense Secretary Ash Carter", "Secretary of Defense Ashton Carter"], ["Carter"], "his"),
    "kerry": ("John Kerry", ["Secretary of State John Kerry", "U.S. Secretary of State John Kerry"], ["Kerry"], "his"),
    "lavrov": ("Sergei Lavrov", ["Russian Foreign Minister Sergei Lavrov", "Foreign Minister Sergei Lavrov"], ["Lavrov"], "his"),
    "shoigu": ("Sergei Shoigu", ["Russian Defense Minister Sergei Shoigu", "Defense Minister Sergei Shoigu"], ["Shoigu"], "his"),
    "peskov": ("Dmitry Peskov", ["Kremlin spokesman Dmitry Peskov"], ["Peskov"], "his"),
    "earnest": ("Josh Earnest", ["White House press secretary Josh Earnest"], ["Earnest"], "his"),
    "cook": ("Peter Cook", ["Pentagon press secretary Peter Cook", "Pentagon spokesman Peter Cook"], ["Cook"], "his"),
    "merkel": ("Angela Merkel", ["German Chancellor Angela Merkel", "Chancellor Angela Merkel"], ["Merkel"], "her"),
    "hollande": ("Fran\u00e7ois Hollande", ["French President Francois Hollande", "President Francois Hollande"], ["Hollande"], "his"),
    "cameron": ("David Cameron", ["British Prime Minister David Cameron", "Prime Minister David Cameron"], ["Cameron"], "his"),
    "erdogan": ("Recep Tayyip Erdo\u011fan", ["Turkish President Recep Tayyip Erdogan", "President Tayyip Erdogan"], ["Erdogan"], "his"),
    "netanyahu": ("Benjamin Netanyahu", ["Israeli Prime Minister Benjamin Netanyahu", "Prime Minister Benjamin Netanyahu"], ["Netanyahu"], "his"),
    "rouhani": ("Hassan Rouhani", ["Iranian President Hassan Rouhani", "President Hassan Rouhani"], ["Rouhani"], "his"),
    "poroshenko": ("Petro Poroshenko", ["Ukrainian President Petro Poroshenko", "President Petro Poroshenko"], ["Poroshenko"], "his"),
    "xi": ("Xi Jinping", ["Chinese President Xi Jinping", "President Xi Jinping"], ["Xi Jinping"], "his"),
    "ban": ("Ban Ki-moon", ["U.N. Secretary-General Ban Ki-moon", "UN Secretary-General Ban Ki-moon"], ["Ban Ki-moon"], "his"),
    "medvedev": ("Dmitry Medvedev", ["Russian Prime Minister Dmitry Medvedev", "Prime Minister Dmitry Medvedev"], ["Medvedev"], "his"),
    "assad": ("Bashar al-Assad", ["Syrian President Bashar al-Assad", "President Bashar Assad"], ["Assad"], "his"),
}

# Title back-references, used after a full mention in the same article.
TITLE_REFS = {"putin": "the Russian president", "merkel": "the German chancellor", "obama": "the U.S. president",
              "erdogan": "the Turkish president", "hollande": "the French president",
              "lavrov": "the Russian foreign minister", "kerry": "the secretary of state"}

# Countries: canonical name, forms as subject, demonym.
COUNTRIES = {
    "RUS": ("Russia", ["Russia"], "Russian"),
    "USA": ("United States", ["The United States", "The U.S."], "U.S."),
    "GBR": ("United Kingdom", ["Britain"], "British"),
    "FRA": ("France", ["France"], "French"),
    "TUR": ("Turkey", ["Turkey"], "Turkish"),
    "ISR": ("Israel", ["Israel"], "Israeli"),
    "SAU": ("Saudi Arabia", ["Saudi Arabia"], "Saudi"),
    "DEU": ("Germany", ["Germany"], "German"),
    "IRN": ("Iran", ["Iran"], "Iranian"),
    "CHN": ("China", ["China"], "Chinese"),
}

# Legislatures and councils that vote: canonical name, subject forms.
LEGISLATURES = {
    "us-senate": ("U.S. Senate", ["The U.S. Senate", "The Senate"]),
    "us-house": ("U.S. House of Representatives", ["The House of Representatives", "The U.S. House"]),
    "uk-parliament": ("Parliament of the United Kingdom", ["British lawmakers", "The British Parliament"]),
    "bundestag": ("Bundestag", ["German lawmakers", "The Bundestag"]),
    "knesset": ("Knesset", ["The Knesset", "Israeli lawmakers"]),
    "rada": ("Verkhovna Rada", ["Ukrainian lawmakers", "The Verkhovna Rada"]),
    "duma": ("Federal Assembly of Russia", ["Russian lawmakers", "The Russian parliament"]),
    "europarl": ("European Parliament", ["The European Parliament"]),
    "unsc": ("United Nations Security Council", ["The U.N. Security Council", "The UN Security Council"]),
}

GROUPS = {
    "isis": ("Islamic State", ["Islamic State", "ISIS"]),
    "nusra": ("Nusra Front", ["Nusra Front", "al-Nusra"]),
    "hamas": ("Hamas", ["Hamas"]),
    "houthis": ("Houthis", ["Houthi"]),
    "pkk": ("Kurdistan Workers' Party", ["PKK"]),
}

# Places: canonical name, text form.
PLACES = {
    "geneva": ("Geneva", "Geneva"), "brussels": ("Brussels", "Brussels"), "munich": ("Munich", "Munich"),
    "sochi": ("Sochi", "Sochi"), "new-york": ("New York", "New York"), "moscow": ("Moscow", "Moscow"),
    "paris": ("Paris", "Paris"), "berlin": ("Berlin", "Berlin"), "london": ("London", "London"),
    "ankara": ("Ankara", "Ankara"), "beijing": ("Beijing", "Beijing"), "vienna": ("Vienna", "Vienna"),
    "aleppo": ("Aleppo", "Aleppo"), "raqqa": ("Raqqa", "Raqqa"), "idlib": ("Idlib", "Idlib"),
    "homs": ("Homs", "Homs"), "palmyra": ("Palmyra", "Palmyra"), "latakia": ("Latakia", "Latakia"),
    "mosul": ("Mosul", "Mosul"), "gaza": ("Gaza Strip", "Gaza"), "syria": ("Syria", "Syria"),
    "iraq": ("Iraq", "Iraq"), "yemen": ("Yemen", "Yemen"), "libya": ("Libya", "Libya"),
    "crimea": ("Crimea", "Crimea"), "donbas": ("Donbas", "Donbas"), "jordan": ("Jordan", "Jordan"),
    "baltics-estonia": ("Estonia", "Estonia"), "poland": ("Poland", "Poland"),
    "south-china-sea": ("South China Sea", "the South China Sea"),
}

# Story themes: who can act in them. Each theme lists meeting pairs with
# venues, voting bodies with motions, strike makers with targets, deployers
# with destinations, directive givers, and speakers.
THEMES = [
    {
        "name": "Syria",
        "meetings": [("obama", "putin", ["new-york", "geneva"]), ("kerry", "lavrov", ["geneva", "vienna", "moscow"]),
                     ("putin", "erdogan", ["sochi", "moscow"]), ("putin", "assad", ["moscow"]),
                     ("carter", "shoigu", ["geneva"]), ("merkel", "hollande", ["berlin", "paris"])],
        "votes": [("duma", "to let President Vladimir Putin use the armed forces abroad"),
                  ("uk-parliament", "to extend military operations against Islamic State to Syria"),
                  ("bundestag", "to join the campaign against Islamic State with reconnaissance jets"),
                  ("unsc", "to endorse a road map for peace talks on Syria"),
                  ("us-house", "to tighten screening of refugees from Syria and Iraq")],
        "strikes": [("RUS", "isis", ["raqqa", "palmyra", "homs"]), ("RUS", "nusra", ["idlib", "aleppo", "latakia"]),
                    ("USA", "isis", ["raqqa", "mosul"]), ("FRA", "isis", ["raqqa"]),
                    ("GBR", "isis", ["raqqa", "mosul"]), ("TUR", "pkk", ["iraq"])],
        "deployments": [("RUS", ["syria", "latakia"]), ("USA", ["syria", "iraq"]), ("FRA", ["syria", "jordan"]),
                        ("GBR", ["jordan", "iraq"])],
        "directives": ["carter", "putin", "obama", "shoigu", "assad"],
        "speakers": ["obama", "putin", "carter", "kerry", "lavrov", "peskov", "earnest", "cook", "ban", "assad", "erdogan"],
        "background": "syria",
    },
    {
        "name": "Ukraine",
        "meetings": [("merkel", "putin", ["berlin", "moscow"]), ("poroshenko", "merkel", ["berlin", "munich"]),
                     ("hollande", "poroshenko", ["paris"]), ("kerry", "lavrov", ["geneva", "munich"]),
                     ("obama", "poroshenko", ["new-york"])],
        "votes": [("rada", "to approve a new cabinet"), ("europarl", "to extend sanctions against Russia"),
                  ("us-senate", "to extend sanctions against Russia"),
                  ("duma", "to ratify a treaty on the border")],
        "strikes": [],
        "deployments": [("USA", ["poland", "baltics-estonia"]), ("RUS", ["crimea"]), ("GBR", ["baltics-estonia"]),
                        ("DEU", ["baltics-estonia"])],
        "directives": ["putin", "poroshenko", "carter", "medvedev"],
        "speakers": ["putin", "merkel", "poroshenko", "peskov", "lavrov", "kerry", "hollande", "earnest", "medvedev"],
        "background": "ukraine",
    },
    {
        "name": "Middle East",
        "meetings": [("netanyahu", "kerry", ["moscow", "new-york"]), ("netanyahu", "putin", ["moscow"]),
                     ("rouhani", "hollande", ["paris"]), ("erdogan", "merkel", ["ankara", "berlin"]),
                     ("obama", "netanyahu", ["new-york"])],
        "votes": [("knesset", "to approve the state budget"), ("unsc", "to impose new sanctions on North Korea"),
                  ("us-senate", "to approve a new defense budget")],
        "strikes": [("ISR", "hamas", ["gaza"]), ("SAU", "houthis", ["yemen"]), ("TUR", "pkk", ["iraq"])],
        "deployments": [("USA", ["iraq", "jordan"]), ("TUR", ["iraq"]), ("IRN", ["syria"])],
        "directives": ["netanyahu", "erdogan", "rouhani", "carter", "obama"],
        "speakers": ["netanyahu", "rouhani", "erdogan", "kerry", "obama", "ban", "earnest", "merkel"],
        "background": "mideast",
    },
    {
        "name": "Asia",
        "meetings": [("obama", "xi", ["beijing", "new-york"]), ("xi", "putin", ["beijing", "moscow"]),
                     ("kerry", "xi", ["beijing"]), ("cameron", "xi", ["london"]), ("merkel", "xi", ["beijing", "berlin"])],
        "votes": [("unsc", "to impose new sanctions on North Korea"), ("us-house", "to approve new sanctions on North Korea")],
        "strikes": [],
        "deployments": [("CHN", ["south-china-sea"]), ("USA", ["south-china-sea"])],
        "directives": ["xi", "obama", "carter"],
        "speakers": ["xi", "obama", "kerry", "earnest", "cameron", "ban", "carter"],
        "background": "asia",
    },
]

OUTLETS = [
    ("wire.example.com", "-04:00"), ("dailyglobe.example.com", "-05:00"), ("moscowtimes.example.org", "+03:00"),
    ("eurodesk.example.eu", "+01:00"), ("gulfpost.example.net", "+04:00"), ("capitolnews.example.com", "-04:00"),
    ("asiaobserver.example.org", "+08:00"), ("londonherald.example.co.uk", "+00:00"),
]

BACKGROUND = {
    "syria": [
        "The civil war in Syria has killed more than 250,000 people since 2011.",
        "Millions of Syrians have fled their homes, many of them to Turkey, Lebanon and Jordan.",
        "Islamic State still holds large parts of eastern Syria, including the city of Raqqa.",
        "The fighting around Aleppo has cut off food and medicine for tens of thousands of civilians.",
        "Western governments have long maintained that any political transition must begin without Assad.",
        "Diplomats in Geneva have spent months trying to agree on a framework for a ceasefire.",
        "The Russian air base near Latakia has grown steadily over the past year.",
        "Aid groups fear that the winter will make conditions in the camps even worse.",
        "The opposition is divided between dozens of armed factions with competing backers.",
        "Oil smuggling has been one of the main sources of income for the militants.",
    ],
    "ukraine": [
        "Fighting in eastern Ukraine has killed more than 9,000 people since April 2014.",
        "The Minsk agreements of February 2015 set out a ceasefire and a political settlement for the Donbas.",
        "Kiev and Moscow blame each other for repeated violations of the truce.",
        "Western sanctions on Russia were first imposed after the annexation of Crimea in March 2014.",
        "The Ukrainian economy shrank by about 10 percent last year.",
        "Observers from the OSCE monitor the line of contact between the two sides.",
        "The conflict has driven more than a million people from their homes in the east.",
        "Gas supplies through Ukraine remain a concern for several European countries.",
    ],
    "mideast": [
        "The nuclear agreement between Iran and six world powers took effect in January.",
        "Tensions along the border have risen sharply in recent months.",
        "The war in Yemen has left millions of people short of food.",
        "Peace talks between Israelis and Palestinians collapsed in 2014.",
        "Turkey shelters more than 2.5 million refugees from the war in Syria.",
        "The Kurdish militants have fought a three-decade insurgency in southeastern Turkey.",
        "Oil prices fell sharply last year, straining the budgets of Gulf states.",
        "The region has seen a wave of attacks on civilians in recent weeks.",
    ],
    "asia": [
        "Beijing regards nearly all of the South China Sea as its own; about $5 trillion in trade passes through it each year.",
        "Several neighbours contest the Chinese position on the islands and reefs.",
        "North Korea carried on with its nuclear program despite years of sanctions.",
        "Trade between the two largest economies in the world reached new records last year.",
        "Chinese growth slowed to 6.9 percent last year, the weakest pace in a quarter century.",
        "The artificial islands now hold runways long enough for military aircraft.",
        "Analysts expect the dispute to dominate the regional agenda for years.",
    ],
}

# Context sentences for any story; {country} is a country of the story's
# world, {city} a city, {n} a number. None of them holds an event trigger.
CONTEXT = [
    "Relations between the two governments have been strained for years.",
    "Diplomats expect further contacts in the coming weeks.",
    "The issue is likely to come up again at the next round of talks in {city}.",
    "Officials in {city} have been cautious in public about the next steps.",
    "Critics of the government have questioned the cost of the operation.",
    "The defense budget for this year stands at about {n} billion dollars.",
    "The economy of {country} grew by {small} percent last year, well below earlier forecasts.",
    "Public opinion in {country} remains divided on the question.",
    "Analysts see little chance of a quick breakthrough.",
    "The decision follows weeks of intense diplomatic activity.",
    "Neither side has given details of a timetable.",
    "Opposition politicians in {country} have called for a debate in parliament.",
    "Newspapers in {city} gave the news prominent coverage on their front pages.",
    "Security has been tightened around government buildings in {city}.",
    "The next steps will depend on the situation on the ground, officials believe.",
    "Markets showed little reaction to the news.",
    "More than {n} people have been displaced by the fighting in recent weeks.",
    "The government in {city} has repeatedly rejected such criticism.",
    "Human rights groups have raised concerns about the fate of civilians.",
    "Former diplomats describe the current period as one of the most dangerous in decades.",
]
CONTEXT_COUNTRIES = ["Russia", "the United States", "Germany", "France", "Turkey", "Britain", "Iran", "China"]
CONTEXT_CITIES = ["Moscow", "Washington", "Berlin", "Paris", "Ankara", "London", "Tehran", "Beijing", "Brussels"]

# Articles with no event at all: markets, weather, culture.
NO_EVENT_TOPICS = [
    ("Markets close higher as oil prices recover", [
        "Stocks in New York closed higher as oil prices recovered from a three-week low.",
        "The Dow Jones industrial average gained 1.2 percent, while the broader S&P 500 index rose 1.1 percent.",
        "Energy shares led the gains, with several large producers up more than 3 percent.",
        "Brent crude, the international benchmark, rose to $41.50 a barrel.",
        "Traders remain cautious ahead of new figures on employment and consumer spending.",
        "The dollar was little changed against the euro and slightly weaker against the yen.",
        "Gold prices edged lower as investors moved back into riskier assets.",
        "Analysts expect volatility to persist until the central bank gives clearer guidance on interest rates.",
        "Trading volumes were below average for the season.",
        "Shares of technology companies were mixed after a week of losses.",
    ]),
    ("Storm brings heavy snow to the Northeast", [
        "A winter storm brought heavy snow and strong winds to much of the Northeast.",
        "Forecasters expect up to 30 centimeters of snow in some areas before the weekend.",
        "Hundreds of flights were cancelled at airports in the region.",
        "Schools in several cities stayed closed as crews cleared the roads.",
        "Temperatures are expected to stay below freezing for several days.",
        "Power companies have crews on standby to deal with outages.",
        "The storm is the first major snowfall of the season.",
        "Drivers were asked to stay off the roads unless their trips were necessary.",
    ]),
    ("Film festival opens with a record number of entries", [
        "The film festival opened with a record number of entries from more than 80 countries.",
        "Organizers selected 22 films for the main competition.",
        "The opening film, a drama about a family on a remote island, drew long applause.",
        "Tickets for the public screenings sold out within hours.",
        "The jury is led by an acclaimed director and includes actors, writers and a composer.",
        "Critics expect a strong year for documentaries.",
        "The festival runs for ten days and ends with an awards ceremony.",
        "Several of the films deal with migration and life in exile.",
    ]),
    ("Football: late goal keeps title race open", [
        "A late goal kept the title race open on a dramatic afternoon.",
        "The home side had dominated possession but struggled to create chances.",
        "The winning goal came from a corner in the 89th minute.",
        "The result leaves the two leaders level on points with five games to play.",
        "The visiting coach praised the spirit of the team after a difficult month.",
        "The stadium was sold out for the fifth game in a row.",
        "Injuries have left both squads short of experienced defenders.",
    ]),
]

QUOTES = [
    "We want a political solution, and we want it soon",
    "Nobody has an interest in letting this conflict spread",
    "This is a question of our national security",
    "The situation on the ground remains very difficult",
    "We are ready to work with all our partners",
    "There is no military solution to this crisis",
    "We have to protect civilians first of all",
    "Our position has not changed",
    "The door to dialogue remains open",
    "We cannot accept a situation in which innocent people pay the price",
    "This is a serious step, and we take it seriously",
    "We have made our concerns very clear",
    "The coming weeks will be decisive",
    "Our goal is stability in the region",
    "We expect our partners to keep their commitments",
    "It is too early to draw conclusions",
]

INDIRECT = [
    "the talks had been constructive",
    "the government would not accept foreign interference",
    "the situation on the ground remained difficult",
    "there could be no military solution to the crisis",
    "the country was ready to work with its partners",
    "the priority was the protection of civilians",
    "the position of the government had not changed",
    "the door to dialogue remained open",
]

TOPICS = ["the crisis", "the conflict", "a ceasefire", "security cooperation", "trade and security",
          "the refugee crisis", "the political transition", "economic ties"]

DIRECTIVE_ACTIONS = [
    ("ordered", "the armed forces to prepare options for {place}"),
    ("ordered", "a review of security measures at military bases"),
    ("directed", "{pos} staff to open lines of communication with {country}"),
    ("instructed", "the government to prepare new measures on {place}"),
    ("signed a decree", "on new rules for the armed forces"),
    ("issued an order", "to raise the readiness of air defense units"),
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# The roles in the lexicon of everyone here hold from 2015-02-17 (Carter
# defense secretary) to 2016-07-13 (Cameron prime minister): stories are
# dated within.
WORLD_START = datetime.date(2015, 2, 23)
WORLD_DAYS = 500

T_OPEN, T_CLOSE = "\x01", "\x02"  # mark a trigger inside a rendered sentence


def trig(words):
    return T_OPEN + words + T_CLOSE


class Article:
    """Sentences of one article; remembers who it has introduced."""

    def __init__(self, rng, doc_id, outlet, published):
        self.rng = rng
        self.id = doc_id
        self.outlet = outlet
        self.published = published
        self.paragraphs = []     # list of lists of (sentence, event_id or None)
        self.introduced = set()  # people named in full already

    def person(self, key):
        """A full form at the first mention, else a surname or title."""
        name, fulls, shorts, _ = PEOPLE[key]
        if key in self.introduced:
            refs = shorts + ([TITLE_REFS[key]] if key in TITLE_REFS else [])
            return self.rng.choice(refs)
        self.introduced.add(key)
        return self.rng.choice(fulls)

    def add(self, sentences, event_id=None):
        self.paragraphs.append([(s, event_id) for s in sentences])


def date_phrase(rng, day, pub):
    """A date expression for `day` as an article published on `pub` says it."""
    delta = (pub - day).days
    forms = ["weekday", "ap", "full"]
    if delta == 1:
        forms += ["yesterday", "yesterday"]
    if delta == 0:
        forms = ["weekday", "ap", "today"]
    pub_monday = pub - datetime.timedelta(days=pub.weekday())
    if pub_monday - datetime.timedelta(days=7) <= day < pub_monday:
        forms.append("lastweek")
    form = rng.choice(forms)
    if form == "weekday":
        return "on " + WEEKDAYS[day.weekday()]
    if form == "ap":
        return "on %s %d" % (MONTHS_AP[day.month - 1], day.day)
    if form == "full":
        return "on %s %d, %d" % (MONTHS[day.month - 1], day.day, day.year)
    if form == "yesterday":
        return "yesterday"
    if form == "today":
        return "today"
    return "last week"


def cap(s):
    return s[0].upper() + s[1:]


class World:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.story_count = 0
        self.event_count = 0
        self.doc_count = 0
        self.occupied = {}  # (type, actor) -> days taken by an event
        self.dropped_stories = 0  # stories whose every event collided
        self.dropped_events = 0

    # --- stories and their events ---

    def make_story(self):
        rng = self.rng
        theme = rng.choice(THEMES)
        start = WORLD_START + datetime.timedelta(days=rng.randrange(WORLD_DAYS))
        kinds = ["meeting", "statement", "statement", "directive", "deployment", "vote"]
        if theme["strikes"]:
            kinds += ["airstrike", "airstrike"]
        n = rng.choice([2, 3, 3, 4, 4, 5])
        events = []
        used_speakers = set()
        for _ in range(n):
            for _attempt in range(20):
                ev = self.make_event(rng, theme, rng.choice(kinds), start, used_speakers)
                if self.claim(ev):
                    break
            else:
                self.dropped_events += 1  # the world is crowded here: a story with one event fewer
                continue
            self.event_count += 1
            ev["id"] = "E%d" % self.event_count
            if ev["type"] == "statement":
                used_speakers.add(ev["people"][0])
            events.append(ev)
        events.sort(key=lambda e: (e["day"], e["id"]))
        return theme, events

    def claim(self, ev):
        """Reserves `ev`'s (type, actor, day); False when another event of the
        type has one of its actors that day, or both of them a day before or
        after. eventgraph's merger rightly joins such events (README,
        Merge), so the gold must not hold two of them."""
        day = ev["day"]
        keys = [(ev["type"], a) for a in ev["actors"]]
        if any(day in self.occupied.get(k, ()) for k in keys):
            return False
        pair = (ev["type"], tuple(sorted(ev["actors"])))
        if len(ev["actors"]) > 1 and any(day + datetime.timedelta(days=k) in self.occupied.get(pair, ())
                                         for k in (-1, 1)):
            return False
        for k in keys + [pair]:
            self.occupied.setdefault(k, set()).add(day)
        return True

    def make_event(self, rng, theme, kind, start, used_speakers):
        day = start + datetime.timedelta(days=rng.randrange(3))
        ev = {"type": kind, "day": day}
        if kind == "meeting":
            a, b, venues = rng.choice(theme["meetings"])
            if rng.random() < 0.5:
                a, b = b, a
            place = rng.choice(venues)
            ev.update(people=[a, b], place=place, topic=rng.choice(TOPICS),
                      actors=[PEOPLE[a][0], PEOPLE[b][0]])
        elif kind == "statement":
            choices = [s for s in theme["speakers"] if s not in used_speakers] or theme["speakers"]
            s = rng.choice(choices)
            ev.update(people=[s], quotes=rng.sample(QUOTES, 3), indirect=rng.choice(INDIRECT),
                      actors=[PEOPLE[s][0]], place=None)
        elif kind == "directive":
            p = rng.choice(theme["directives"])
            country = rng.choice(["Russia", "Turkey", "China", "Iran", "the United States"])
            place = rng.choice([d for _, ds in theme["deployments"] for d in ds] or ["syria"])
            ev.update(people=[p], action=rng.choice(DIRECTIVE_ACTIONS), country=country, target=place,
                      actors=[PEOPLE[p][0]], place=None)
        elif kind == "deployment":
            c, dests = rng.choice(theme["deployments"])
            place = rng.choice(dests)
            ev.update(country=c, place=place, number=rng.choice([150, 200, 250, 300, 450, 600, 1000, 1200]),
                      actors=[COUNTRIES[c][0]])
        elif kind == "vote":
            body, motion = rng.choice(theme["votes"])
            ev.update(body=body, motion=motion, tally=rng.choice(["unanimously", "397 to 223", "by a wide margin", None]),
                      actors=[LEGISLATURES[body][0]], place=None)
        elif kind == "airstrike":
            c, g, targets = rng.choice(theme["strikes"])
            place = rng.choice(targets)
            ev.update(country=c, group=g, place=place, number=rng.choice([8, 12, 20, 24, 30]),
                      killed=rng.choice([None, 7, 12, 19, 27]),
                      actors=[COUNTRIES[c][0], GROUPS[g][0]])
        return ev

    # --- rendering one event in one article ---

    def render(self, art, ev, pub):
        rng = self.rng
        d = date_phrase(rng, ev["day"], pub)
        t = ev["type"]
        if t == "meeting":
            a, b = ev["people"]
            pa, pb = art.person(a), art.person(b)
            place = PLACES[ev["place"]][1]
            form = rng.randrange(7)
            if form == 0:
                s = "%s %s with %s in %s %s to discuss %s." % (pa, trig("met"), pb, place, d, ev["topic"])
            elif form == 5 and rng.random() < 0.3:
                s = "%s, who arrived in %s the day before, %s %s %s." % (pa, place, trig("met"), pb, d)
            elif form == 5:
                s = "The %s between %s and %s in %s %s lasted more than two hours." % (trig("meeting"), pa, pb, place, d)
            elif form == 6:
                s = "%s %s %s in %s %s for talks on %s." % (pa, trig("hosted"), pb, place, d, ev["topic"])
            elif form == 1:
                s = "%s and %s %s in %s %s." % (pa, pb, trig("met"), place, d)
            elif form == 2:
                s = "%s %s with %s %s in %s." % (pa, trig("held talks"), pb, d, place)
            elif form == 3:
                s = "%s %s %s in %s %s for talks on %s." % (pa, trig("met"), pb, place, d, ev["topic"])
            else:
                s = "%s %s %s in %s %s, their first talks in months." % (pa, trig("sat down with"), pb, place, d)
            follow = "The two leaders discussed %s and agreed to stay in contact." % ev["topic"]
            return [[s, follow]]
        if t == "statement":
            (s,) = ev["people"]
            q = ev["quotes"]
            form = rng.randrange(7)
            full = art.person(s)
            paragraphs = []
            if form == 4:
                paragraphs.append(['"%s," %s %s %s.' % (q[0], trig("said"), full, d)])
            elif form == 5:
                paragraphs.append(["%s, %s %s, %s." % (cap(ev["indirect"]), trig("according to"), full, d)])
            elif form == 6:
                paragraphs.append(["%s, %s %s reporters that %s." % (cap(d), full, trig("told"), ev["indirect"])])
            elif form == 0:
                paragraphs.append(['"%s," %s %s %s.' % (q[0], full, trig("said"), d)])
            elif form == 1:
                paragraphs.append(["%s %s %s that %s." % (full, trig("said"), d, ev["indirect"])])
            elif form == 2:
                paragraphs.append(["%s %s reporters %s that %s." % (full, trig("told"), d, ev["indirect"])])
            else:
                paragraphs.append(['"%s," %s %s reporters %s.' % (q[0], full, trig("told"), d)])
            if rng.random() < 0.7:
                short = PEOPLE[s][2][0]
                verb = rng.choice(["said", "added"])
                paragraphs.append(['"%s. %s," %s %s.' % (q[1], q[2], short, trig(verb))])
            return paragraphs
        if t == "directive":
            (p,) = ev["people"]
            verb, what = ev["action"]
            what = what.format(place=PLACES[ev["target"]][1], country=ev["country"], pos=PEOPLE[p][3])
            who = art.person(p)
            if verb == "signed a decree" or verb == "issued an order":
                s = "%s %s %s %s." % (who, trig(verb), d, what)
            elif what.startswith("a review"):
                s = "%s %s %s %s." % (who, trig(verb), what, d)
            else:
                obj, rest = what.split(" to ", 1)
                s = "%s %s %s %s to %s." % (who, trig(verb), obj, d, rest)
            return [[s]]
        if t == "deployment":
            cname, forms, dem = COUNTRIES[ev["country"]]
            place = PLACES[ev["place"]][1]
            n = ev["number"]
            form = rng.randrange(5)
            if form == 4:
                s = "%s's %s troops to %s began %s." % (cname if cname != "United States" else "America", trig("deployment of"), place, d)
            elif form == 0:
                s = "%s %s %d troops to %s %s." % (rng.choice(forms), trig("deployed"), n, place, d)
            elif form == 1:
                s = "%s %s to %s %s, bringing the total to about %d." % (
                    rng.choice(forms), trig("sent %s troops" % rng.choice(["more", "additional"])), place, d, n * 3)
            elif form == 2:
                s = "%s %s warships and aircraft to %s %s." % (rng.choice(forms), trig("dispatched"), place, d)
            else:
                s = "%s began %s %d soldiers to %s %s." % (rng.choice(forms), trig("deploying"), n, place, d)
            return [[s]]
        if t == "vote":
            name, forms = LEGISLATURES[ev["body"]]
            subj = rng.choice(forms)
            tally = ev["tally"]
            form = rng.randrange(5)
            if form == 0 and tally:
                s = "%s %s %s %s %s." % (subj, trig("voted"), tally, d, ev["motion"])
            elif form == 1:
                s = "%s, %s %s %s." % (cap(d), subj[0].lower() + subj[1:] if subj.startswith("The") else subj,
                                       trig("voted"), ev["motion"])
            elif form == 2:
                s = "%s %s %s %s." % (subj, trig("passed a resolution"), d, ev["motion"].replace("to ", "calling on the government to ", 1))
            elif form == 3:
                s = "In a %s %s, %s agreed %s." % (trig("vote"), d, subj[0].lower() + subj[1:] if subj.startswith("The") else subj, ev["motion"])
            else:
                s = "%s %s %s %s." % (subj, trig("voted"), d, ev["motion"])
            return [[s]]
        if t == "airstrike":
            cname, forms, dem = COUNTRIES[ev["country"]]
            gname, gforms = GROUPS[ev["group"]]
            g = rng.choice(gforms)
            place = PLACES[ev["place"]][1]
            form = rng.randrange(5)
            if form == 0:
                s = "%s %s on %s positions in %s %s." % (rng.choice(forms), trig("launched airstrikes"), g, place, d)
            elif form == 1:
                s = "%s %s against %s in %s %s." % (rng.choice(forms), trig("carried out new air strikes"), g, place, d)
            elif form == 4:
                s = "%s positions in %s were hit by %s %s %s." % (g, place, dem, trig("air strikes"), d)
            elif form == 2:
                s = "%s %s %s targets near %s %s." % (dem, trig("warplanes hit"), g, place, d)
            else:
                s = "%s %s %s positions in %s %s." % (dem, trig("jets struck"), g, place, d)
            if ev["killed"]:
                return [[s, "At least %d people were killed, local sources put the number higher." % ev["killed"]]]
            return [[s]]
        raise ValueError(t)

    def context(self, n):
        rng = self.rng
        return [c.format(country=rng.choice(CONTEXT_COUNTRIES), city=rng.choice(CONTEXT_CITIES),
                         n="{:,}".format(rng.randrange(2, 90) * 1000), small=rng.choice(["1.5", "2.1", "0.8", "3"]))
                for c in rng.sample(CONTEXT, n)]

    # --- articles ---

    def event_article(self, theme, events, outlet, offset):
        rng = self.rng
        self.doc_count += 1
        last = max(e["day"] for e in events)
        pub = last + datetime.timedelta(days=rng.choice([0, 1, 1, 1, 2, 3]))
        hour = rng.randrange(6, 23)
        published = "%sT%02d:%02d:00%s" % (pub.isoformat(), hour, rng.randrange(60), offset)
        doc_id = "%s-%s-%06d" % (outlet.split(".")[0], pub.strftime("%Y%m%d"), self.doc_count)
        art = Article(rng, doc_id, outlet, published)
        bg = BACKGROUND[theme["background"]]
        # Background and context sentences, none twice in an article while
        # the theme has more: shuffled pools taken from the end.
        pool = []

        def take(n):
            while len(pool) < n:
                pool[:0] = rng.sample(bg, len(bg)) + self.context(len(CONTEXT))
                rng.shuffle(pool)
            return [pool.pop() for _ in range(n)]

        for ev in events:
            for para in self.render(art, ev, pub):
                art.add(para, ev["id"])
            if rng.random() < 0.8:
                art.add(take(rng.randrange(2, 5)))
        for _ in range(rng.randrange(4, 8)):
            art.add(take(rng.randrange(2, 5)))
        first = events[0]
        title = "%s: %s" % (theme["name"], {"meeting": "leaders hold talks", "statement": "officials speak out",
                                            "directive": "new orders", "deployment": "more forces on the move",
                                            "vote": "lawmakers decide", "airstrike": "strikes reported"}[first["type"]])
        return art, title

    def quiet_article(self, outlet, offset):
        rng = self.rng
        self.doc_count += 1
        pub = WORLD_START + datetime.timedelta(days=rng.randrange(WORLD_DAYS))
        published = "%sT%02d:%02d:00%s" % (pub.isoformat(), rng.randrange(6, 23), rng.randrange(60), offset)
        doc_id = "%s-%s-%06d" % (outlet.split(".")[0], pub.strftime("%Y%m%d"), self.doc_count)
        art = Article(rng, doc_id, outlet, published)
        title, sentences = rng.choice(NO_EVENT_TOPICS)
        pool = list(sentences)
        rng.shuffle(pool)
        for i in range(0, len(pool), 3):
            art.add(pool[i:i + 3])
        return art, title


def finish(art, title, gold_events):
    """Joins the article's paragraphs; records trigger spans in bytes."""
    out = bytearray()
    for pi, para in enumerate(art.paragraphs):
        if pi:
            out += b"\n\n"
        for si, (sentence, event_id) in enumerate(para):
            if si:
                out += b" "
            sentence = cap(sentence)  # "the Russian president met ..." opening a sentence
            pos = 0
            while True:
                i = sentence.find(T_OPEN, pos)
                if i < 0:
                    out += sentence[pos:].encode("utf-8")
                    break
                j = sentence.index(T_CLOSE, i)
                out += sentence[pos:i].encode("utf-8")
                begin = len(out)
                out += sentence[i + 1:j].encode("utf-8")
                gold_events[event_id]["mentions"].append({"doc": art.id, "span": [begin, len(out)]})
                gold_events[event_id]["reported_by"].add(art.id)
                pos = j + 1
    text = out.decode("utf-8")
    url = "https://%s/news/%s" % (art.outlet, art.id)
    return {"id": art.id, "outlet": art.outlet, "url": url, "title": title,
            "published": art.published, "text": text}


def generate(megabytes, seed, out_dir):
    world = World(seed)
    rng = world.rng
    target = int(megabytes * 1024 * 1024)
    os.makedirs(out_dir, exist_ok=True)
    corpus_path = os.path.join(out_dir, "corpus.jsonl")
    gold_docs, gold_events = [], {}
    written = 0
    with open(corpus_path + ".tmp", "w", encoding="utf-8", newline="\n") as out:
        while written < target:
            if rng.random() < 0.25:
                outlet, offset = rng.choice(OUTLETS)
                arts = [world.quiet_article(outlet, offset)]
            else:
                theme, events = world.make_story()
                if not events:
                    world.dropped_stories += 1
                    continue
                world.story_count += 1
                for ev in events:
                    gold_events[ev["id"]] = {"ev": ev, "mentions": [], "reported_by": set()}
                outlets = rng.sample(OUTLETS, rng.choice([2, 3, 3, 4]))
                arts = []
                for outlet, offset in outlets:
                    k = rng.randint(1, len(events))
                    chosen = sorted(rng.sample(events, k), key=lambda e: (e["day"], e["id"]))
                    arts.append(world.event_article(theme, chosen, outlet, offset))
            for art, title in arts:
                record = finish(art, title, gold_events)
                line = json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                gold_docs.append({"id": record["id"], "outlet": record["outlet"], "published": record["published"]})
    os.replace(corpus_path + ".tmp", corpus_path)

    events_out = []
    for eid, g in gold_events.items():
        ev = g["ev"]
        if not g["mentions"]:
            continue  # an event no outlet chose to tell
        place = PLACES[ev["place"]][0] if ev.get("place") else None
        entry = {"id": eid, "status": "required", "type": ev["type"], "date": ev["day"].isoformat(),
                 "actors": ev["actors"]}
        if place:
            entry["place"] = place
        entry["reported_by"] = sorted(g["reported_by"])
        entry["mentions"] = g["mentions"]
        events_out.append(entry)
    gold = {
        "about": "Synthetic corpus written by tools/bench/generate_corpus.py (--megabytes %g --seed %d): %d stories, "
                 "%d documents in corpus.jsonl. Every event is 'required'; 'mentions' gives each trigger's UTF-8 byte "
                 "span [begin, end) in the document's text." % (megabytes, seed, world.story_count, len(gold_docs)),
        "documents": gold_docs,
        "events": events_out,
    }
    gold_path = os.path.join(out_dir, "gold.json")
    with open(gold_path + ".tmp", "w", encoding="utf-8", newline="\n") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    os.replace(gold_path + ".tmp", gold_path)
    if world.dropped_events:
        print("%d planned events collided with others of their type, actor and day and were left out"
              % world.dropped_events, file=sys.stderr)
    return corpus_path, gold_path, len(gold_docs), len(events_out), world.story_count, written


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--megabytes", type=float, default=20.0, help="size of corpus.jsonl in MiB (default 20)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("-o", "--output", default="build/bench", help="output directory (default build/bench)")
    args = ap.parse_args(argv)
    if args.megabytes <= 0:
        ap.error("--megabytes must be positive")
    corpus, gold, docs, events, stories, size = generate(args.megabytes, args.seed, args.output)
    print("wrote %s (%d documents, %.1f MiB, %d stories) and %s (%d events)"
          % (corpus, docs, size / 1048576.0, stories, gold, events), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
