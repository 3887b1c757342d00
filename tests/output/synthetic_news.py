"""Writes a synthetic news corpus as JSONL, deterministically: a pool of
events (meetings, statements, airstrikes, votes, directives, deployments)
over several weeks among the lexicon's actors, reported by several outlets
in short articles in the samples' style; some events dated only to a month,
and two articles without any date. For drawing and timing what a real
month of coverage looks like (about 200 merged events by default).

Usage: synthetic_news.py OUT.jsonl [--events N] [--seed S]"""
import argparse
import datetime
import json
import random

OUTLETS = ["rt.com", "cnsnews.com", "breitbart.com", "reuters.com", "aljazeera.com"]
START = datetime.date(2015, 9, 14)
DAYS = 42  # six weeks

LEADERS = [("Barack Obama", "U.S. President"), ("Vladimir Putin", "Russian President"),
           ("Angela Merkel", "German Chancellor"), ("François Hollande", "French President"),
           ("David Cameron", "British Prime Minister"), ("Hassan Rouhani", "Iranian President"),
           ("Benjamin Netanyahu", "Israeli Prime Minister"), ("Xi Jinping", "Chinese President"),
           ("Recep Tayyip Erdoğan", "Turkish President"), ("Petro Poroshenko", "Ukrainian President"),
           ("Ban Ki-moon", "UN Secretary-General")]
OFFICIALS = [("John Kerry", "Secretary of State"), ("Sergei Lavrov", "Foreign Minister"),
             ("Ash Carter", "Defense Secretary"), ("Sergei Shoigu", "Defense Minister"),
             ("Dmitry Peskov", "Kremlin spokesman"), ("Josh Earnest", "White House press secretary"),
             ("Peter Cook", "Pentagon spokesman"), ("Joseph Dunford", "General"),
             ("Dmitry Medvedev", "Prime Minister")]
# Month-dated events get actors of their own: a mention dated to a month
# joins a day-dated event of its month that shares an actor.
MONTH_FORCES = ["Saudi Arabia", "Egypt", "Qatar", "Kazakhstan", "Belarus"]
FORCES = ["Russia", "the United States", "France", "Britain", "Turkey", "Israel", "Iran"]
TARGETS = ["Islamic State", "al-Qaeda", "Nusra Front", "Ahrar al-Sham", "Hezbollah"]
PLACES = ["Raqqa", "Aleppo", "Idlib", "Homs", "Hama", "Palmyra", "Latakia", "Mosul"]
VENUES = ["Geneva", "Brussels", "Munich", "Sochi", "New York", "Jerusalem"]
BODIES = ["The Federal Assembly of Russia", "The Bundestag", "The Knesset",
          "The Parliament of the United Kingdom", "The U.S. Senate", "The Verkhovna Rada"]
QUOTES = ["We will not accept any violation of international law",
          "Our goal is to defeat terrorism, not to prop up a regime",
          "There is no military solution to this conflict",
          "The talks were constructive and we agreed to meet again",
          "We do not want an accident to take place",
          "Civilians must be protected at all costs",
          "We are ready to cooperate with all parties"]


def describe(event, day_word):
    """One or two sentences reporting `event`, dated by `day_word`."""
    kind = event["type"]
    if kind == "meeting":
        (a, ta), (b, tb) = event["actors"]
        return f"{ta} {a} met {tb} {b} in {event['place']} {day_word}."
    if kind == "statement":
        speaker, title = event["actors"][0]
        return f"\u201c{event['quote']},\u201d {title} {speaker} told reporters {day_word}."
    if kind == "airstrike":
        force, target = event["actors"]
        return f"{force} launched airstrikes against {target} in {event['place']} {day_word}."
    if kind == "vote":
        return f"{event['actors'][0]} voted {day_word} to approve the deployment of troops to Syria."
    if kind == "directive":
        (who, title), = event["actors"]
        return f"{title} {who} directed his staff {day_word} to open talks on de-confliction."
    force = event["actors"][0]
    return f"{force} deployed troops to {event['place']} {day_word}."


def make_events(rng, count):
    events = []
    for i in range(count):
        kind = rng.choices(["statement", "meeting", "airstrike", "vote", "directive", "deployment"],
                           weights=[40, 18, 20, 6, 6, 10])[0]
        day = START + datetime.timedelta(days=min(int(rng.expovariate(1 / 14)), DAYS - 1)
                                         if rng.random() < 0.5 else rng.randrange(DAYS))
        e = {"id": i, "type": kind, "day": day, "month_only": rng.random() < 0.04}
        if e["month_only"]:
            e["type"] = "deployment"
            e["actors"] = [rng.choice(MONTH_FORCES)]
            e["place"] = rng.choice(["Syria", "Iraq", "Yemen"])
        elif kind == "meeting":
            e["actors"] = rng.sample(LEADERS + OFFICIALS[:2], 2)
            e["place"] = rng.choice(VENUES)
        elif kind == "statement":
            e["actors"] = [rng.choice(LEADERS + OFFICIALS)]
            e["quote"] = rng.choice(QUOTES)
        elif kind == "airstrike":
            e["actors"] = [rng.choice(FORCES[:4]), rng.choice(TARGETS)]
            e["place"] = rng.choice(PLACES)
        elif kind == "vote":
            e["actors"] = [rng.choice(BODIES)]
        elif kind == "directive":
            e["actors"] = [rng.choice([o for o in OFFICIALS if o[0] in ("Ash Carter", "Sergei Shoigu")])]
        else:
            e["actors"] = [rng.choice(FORCES)]
            e["place"] = rng.choice(["Syria", "Iraq", "Turkey", "Jordan"])
        events.append(e)
    return events


def capitalized(sentence):
    return sentence[:1].upper() + sentence[1:]


def day_phrase(event):
    if event["month_only"]:
        return "in " + event["day"].strftime("%B")
    return "on " + event["day"].strftime("%B ") + str(event["day"].day)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--events", type=int, default=260, help="events in the pool (some merge)")
    parser.add_argument("--seed", type=int, default=2015)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    events = make_events(rng, args.events)
    # Every event is reported by one to three outlets, in articles published
    # on its day or up to two days later, three to six events an article.
    reports = {}
    for e in events:
        for outlet in rng.sample(OUTLETS, rng.choices([1, 2, 3], weights=[5, 3, 2])[0]):
            published = e["day"] + datetime.timedelta(days=rng.choice([0, 0, 1, 2]))
            if e["month_only"]:
                published = max(published, START + datetime.timedelta(days=DAYS - 1))
            reports.setdefault((outlet, published), []).append(e)
    articles = []
    for (outlet, published), reported in sorted(reports.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        for part in range(0, len(reported), 5):
            chunk = reported[part:part + 5]
            body = " ".join(capitalized(describe(e, day_phrase(e))) for e in chunk)
            title = f"{chunk[0]['actors'][0] if isinstance(chunk[0]['actors'][0], str) else chunk[0]['actors'][0][0]}" \
                    f" and the war in Syria"
            articles.append({"id": f"{outlet.split('.')[0]}-{published:%Y%m%d}-{part // 5}",
                             "outlet": outlet, "url": f"https://{outlet}/{published:%Y/%m/%d}/{part // 5}",
                             "title": title, "published": published.isoformat(), "text": body + "\n"})
    # Two articles whose date nobody knows: their events stay undated.
    for k, e in enumerate(rng.sample(events, 2)):
        articles.append({"id": f"undated-{k}", "outlet": "aljazeera.com", "url": "", "title": "Undated report",
                         "text": capitalized(describe(e, "").replace(" .", ".")) + "\n"})
    with open(args.out, "w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps(a, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{args.out}: {len(articles)} articles reporting {len(events)} events")


if __name__ == "__main__":
    main()
