#!/usr/bin/python3
"""Generates lib/extract/lexicon/countries.json from Debian's iso-codes data.

Names and codes come from /usr/share/iso-codes/json/iso_3166-1.json (package
iso-codes), so that nobody types 249 country names; demonyms, short names
("U.S.", "UK") and capitals are not in iso-codes and are kept below as data.

Usage: /usr/bin/python3 tools/gen_country_lexicon.py [ISO_JSON] [OUT]
Standard library only; the output is sorted and stable, so a re-run on the
same iso-codes version gives the same bytes.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
ISO = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json/iso_3166-1.json")
OUT = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else ROOT / "lib/extract/lexicon/countries.json")

# alpha_3 -> overlay. "name": the canonical name when the ISO one is inverted
# ("Korea, Republic of") or not what news writes ("Russian Federation").
# "aliases": short names news uses. "demonyms": adjectives and plurals, which
# mark the country when they modify ("Russian lawmakers"). "capitals": the
# city a wire report uses for the government ("Moscow says").
# "qid": Wikidata, only where certain.
EXTRAS = {
    "AFG": {"demonyms": ["Afghan", "Afghans"], "capitals": ["Kabul"]},
    "ALB": {"demonyms": ["Albanian", "Albanians"], "capitals": ["Tirana"]},
    "DZA": {"demonyms": ["Algerian", "Algerians"], "capitals": ["Algiers"]},
    "AGO": {"demonyms": ["Angolan", "Angolans"], "capitals": ["Luanda"]},
    "ARG": {"demonyms": ["Argentine", "Argentinian", "Argentines", "Argentinians"], "capitals": ["Buenos Aires"]},
    "ARM": {"demonyms": ["Armenian", "Armenians"], "capitals": ["Yerevan"]},
    "AUS": {"demonyms": ["Australian", "Australians"], "capitals": ["Canberra"]},
    "AUT": {"demonyms": ["Austrian", "Austrians"], "capitals": ["Vienna"]},
    "AZE": {"demonyms": ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"], "capitals": ["Baku"]},
    "BHR": {"demonyms": ["Bahraini", "Bahrainis"], "capitals": ["Manama"]},
    "BGD": {"demonyms": ["Bangladeshi", "Bangladeshis"], "capitals": ["Dhaka"]},
    "BLR": {"demonyms": ["Belarusian", "Belarusians"], "capitals": ["Minsk"]},
    "BEL": {"demonyms": ["Belgian", "Belgians"]},
    "BOL": {"demonyms": ["Bolivian", "Bolivians"]},
    "BIH": {"aliases": ["Bosnia"], "demonyms": ["Bosnian", "Bosnians"], "capitals": ["Sarajevo"]},
    "BRA": {"demonyms": ["Brazilian", "Brazilians"], "capitals": ["Brasilia"]},
    "BGR": {"demonyms": ["Bulgarian", "Bulgarians"], "capitals": ["Sofia"]},
    "KHM": {"demonyms": ["Cambodian", "Cambodians"], "capitals": ["Phnom Penh"]},
    "CAN": {"demonyms": ["Canadian", "Canadians"], "capitals": ["Ottawa"]},
    "CHL": {"demonyms": ["Chilean", "Chileans"]},
    "CHN": {"aliases": ["People's Republic of China", "PRC"], "demonyms": ["Chinese"],
            "capitals": ["Beijing"], "qid": "Q148"},
    "COL": {"demonyms": ["Colombian", "Colombians"], "capitals": ["Bogota"]},
    "COD": {"name": "Democratic Republic of the Congo", "aliases": ["DR Congo", "DRC"],
            "capitals": ["Kinshasa"]},
    "HRV": {"demonyms": ["Croatian", "Croatians", "Croat", "Croats"], "capitals": ["Zagreb"]},
    "CUB": {"demonyms": ["Cuban", "Cubans"], "capitals": ["Havana"]},
    "CYP": {"demonyms": ["Cypriot", "Cypriots"], "capitals": ["Nicosia"]},
    "CZE": {"aliases": ["Czech Republic"], "demonyms": ["Czech", "Czechs"], "capitals": ["Prague"]},
    "DNK": {"demonyms": ["Danish", "Dane", "Danes"], "capitals": ["Copenhagen"]},
    "EGY": {"demonyms": ["Egyptian", "Egyptians"], "capitals": ["Cairo"]},
    "EST": {"demonyms": ["Estonian", "Estonians"], "capitals": ["Tallinn"]},
    "ETH": {"demonyms": ["Ethiopian", "Ethiopians"], "capitals": ["Addis Ababa"]},
    "FIN": {"demonyms": ["Finnish", "Finn", "Finns"], "capitals": ["Helsinki"]},
    "FRA": {"demonyms": ["French"], "capitals": ["Paris"], "qid": "Q142"},
    "GEO": {"demonyms": ["Georgian", "Georgians"], "capitals": ["Tbilisi"]},
    "DEU": {"demonyms": ["German", "Germans"], "capitals": ["Berlin"], "qid": "Q183"},
    "GRC": {"demonyms": ["Greek", "Greeks"], "capitals": ["Athens"]},
    "HUN": {"demonyms": ["Hungarian", "Hungarians"], "capitals": ["Budapest"]},
    "ISL": {"demonyms": ["Icelandic", "Icelander", "Icelanders"], "capitals": ["Reykjavik"]},
    "IND": {"demonyms": ["Indian", "Indians"], "capitals": ["New Delhi"]},
    "IDN": {"demonyms": ["Indonesian", "Indonesians"], "capitals": ["Jakarta"]},
    "IRN": {"demonyms": ["Iranian", "Iranians"], "capitals": ["Tehran"], "qid": "Q794"},
    "IRQ": {"demonyms": ["Iraqi", "Iraqis"], "capitals": ["Baghdad"], "qid": "Q796"},
    "IRL": {"demonyms": ["Irish"], "capitals": ["Dublin"]},
    "ISR": {"demonyms": ["Israeli", "Israelis"], "qid": "Q801"},
    "ITA": {"demonyms": ["Italian", "Italians"], "capitals": ["Rome"]},
    "JPN": {"demonyms": ["Japanese"], "capitals": ["Tokyo"]},
    "JOR": {"demonyms": ["Jordanian", "Jordanians"], "capitals": ["Amman"]},
    "KAZ": {"demonyms": ["Kazakh", "Kazakhs", "Kazakhstani"], "capitals": ["Astana"]},
    "KEN": {"demonyms": ["Kenyan", "Kenyans"], "capitals": ["Nairobi"]},
    "KWT": {"demonyms": ["Kuwaiti", "Kuwaitis"]},
    "KGZ": {"demonyms": ["Kyrgyz"], "capitals": ["Bishkek"]},
    "LVA": {"demonyms": ["Latvian", "Latvians"], "capitals": ["Riga"]},
    "LBN": {"demonyms": ["Lebanese"], "capitals": ["Beirut"]},
    "LBY": {"demonyms": ["Libyan", "Libyans"]},
    "LTU": {"demonyms": ["Lithuanian", "Lithuanians"], "capitals": ["Vilnius"]},
    "MYS": {"demonyms": ["Malaysian", "Malaysians"], "capitals": ["Kuala Lumpur"]},
    "MEX": {"demonyms": ["Mexican", "Mexicans"], "capitals": ["Mexico City"]},
    "MDA": {"demonyms": ["Moldovan", "Moldovans"], "capitals": ["Chisinau"]},
    "MNG": {"demonyms": ["Mongolian", "Mongolians"], "capitals": ["Ulaanbaatar"]},
    "MAR": {"demonyms": ["Moroccan", "Moroccans"], "capitals": ["Rabat"]},
    "MMR": {"aliases": ["Burma"], "demonyms": ["Burmese"], "capitals": ["Naypyidaw"]},
    "NLD": {"aliases": ["Holland"], "demonyms": ["Dutch"], "capitals": ["Amsterdam"]},
    "NZL": {"demonyms": ["New Zealander", "New Zealanders"], "capitals": ["Wellington"]},
    "NGA": {"demonyms": ["Nigerian", "Nigerians"], "capitals": ["Abuja"]},
    "PRK": {"demonyms": ["North Korean", "North Koreans"], "capitals": ["Pyongyang"]},
    "NOR": {"demonyms": ["Norwegian", "Norwegians"], "capitals": ["Oslo"]},
    "OMN": {"demonyms": ["Omani", "Omanis"], "capitals": ["Muscat"]},
    "PAK": {"demonyms": ["Pakistani", "Pakistanis"], "capitals": ["Islamabad"]},
    "PSE": {"name": "Palestine", "aliases": ["Palestinian territories"],
            "demonyms": ["Palestinian", "Palestinians"], "capitals": ["Ramallah"]},
    "PER": {"demonyms": ["Peruvian", "Peruvians"]},
    "PHL": {"demonyms": ["Filipino", "Filipinos"], "capitals": ["Manila"]},
    "POL": {"demonyms": ["Polish", "Pole", "Poles"], "capitals": ["Warsaw"]},
    "PRT": {"demonyms": ["Portuguese"], "capitals": ["Lisbon"]},
    "QAT": {"demonyms": ["Qatari", "Qataris"], "capitals": ["Doha"]},
    "ROU": {"demonyms": ["Romanian", "Romanians"], "capitals": ["Bucharest"]},
    "RUS": {"name": "Russia", "demonyms": ["Russian", "Russians"], "capitals": ["Moscow"],
            "qid": "Q159"},
    "SAU": {"demonyms": ["Saudi", "Saudis", "Saudi Arabian"], "capitals": ["Riyadh"]},
    "SRB": {"demonyms": ["Serbian", "Serbians", "Serb", "Serbs"], "capitals": ["Belgrade"]},
    "SGP": {"demonyms": ["Singaporean", "Singaporeans"]},
    "SVK": {"demonyms": ["Slovak", "Slovaks"], "capitals": ["Bratislava"]},
    "SVN": {"demonyms": ["Slovenian", "Slovenians", "Slovene", "Slovenes"], "capitals": ["Ljubljana"]},
    "SOM": {"demonyms": ["Somali", "Somalis"], "capitals": ["Mogadishu"]},
    "ZAF": {"demonyms": ["South African", "South Africans"], "capitals": ["Pretoria"]},
    "KOR": {"demonyms": ["South Korean", "South Koreans"], "capitals": ["Seoul"]},
    "SSD": {"demonyms": ["South Sudanese"], "capitals": ["Juba"]},
    "ESP": {"demonyms": ["Spanish", "Spaniard", "Spaniards"], "capitals": ["Madrid"]},
    "LKA": {"demonyms": ["Sri Lankan", "Sri Lankans"], "capitals": ["Colombo"]},
    "SDN": {"demonyms": ["Sudanese"], "capitals": ["Khartoum"]},
    "SWE": {"demonyms": ["Swedish", "Swede", "Swedes"], "capitals": ["Stockholm"]},
    "CHE": {"demonyms": ["Swiss"], "capitals": ["Bern"]},
    "SYR": {"aliases": ["Syrian Republic", "Assad regime", "Syrian regime", "Assad government"],
            "demonyms": ["Syrian", "Syrians"], "capitals": ["Damascus"], "qid": "Q858"},
    "TWN": {"demonyms": ["Taiwanese"], "capitals": ["Taipei"]},
    "TJK": {"demonyms": ["Tajik", "Tajiks"], "capitals": ["Dushanbe"]},
    "THA": {"demonyms": ["Thai"], "capitals": ["Bangkok"]},
    "TUN": {"demonyms": ["Tunisian", "Tunisians"]},
    "TUR": {"name": "Turkey", "aliases": ["Türkiye"], "demonyms": ["Turkish", "Turk", "Turks"],
            "capitals": ["Ankara"], "qid": "Q43"},
    "TKM": {"demonyms": ["Turkmen"], "capitals": ["Ashgabat"]},
    "UKR": {"demonyms": ["Ukrainian", "Ukrainians"], "capitals": ["Kiev", "Kyiv"], "qid": "Q212"},
    "ARE": {"aliases": ["UAE", "U.A.E.", "Emirates"], "demonyms": ["Emirati", "Emiratis"],
            "capitals": ["Abu Dhabi"]},
    "GBR": {"aliases": ["Britain", "Great Britain", "UK", "U.K."],
            "demonyms": ["British", "Briton", "Britons"], "capitals": ["London"], "qid": "Q145"},
    "USA": {"aliases": ["U.S.", "US", "USA", "U.S.A.", "America"],
            "demonyms": ["American", "Americans"], "capitals": ["Washington"], "qid": "Q30"},
    "UZB": {"demonyms": ["Uzbek", "Uzbeks"], "capitals": ["Tashkent"]},
    "VEN": {"demonyms": ["Venezuelan", "Venezuelans"], "capitals": ["Caracas"]},
    "VNM": {"demonyms": ["Vietnamese"], "capitals": ["Hanoi"]},
    "YEM": {"demonyms": ["Yemeni", "Yemenis"], "capitals": ["Sanaa"]},
    "ZWE": {"demonyms": ["Zimbabwean", "Zimbabweans"], "capitals": ["Harare"]},
}


def main():
    records = json.loads(ISO.read_text(encoding="utf-8"))["3166-1"]
    known = {r["alpha_3"] for r in records}
    unknown = sorted(set(EXTRAS) - known)
    if unknown:
        sys.exit(f"overlay codes not in {ISO}: {unknown}")
    entities = []
    for r in sorted(records, key=lambda r: r["alpha_3"]):
        extra = EXTRAS.get(r["alpha_3"], {})
        iso_names = [r[k] for k in ("common_name", "name", "official_name") if k in r]
        name = extra.get("name", iso_names[0])
        aliases = []
        for alias in iso_names + extra.get("aliases", []):
            if alias != name and alias not in aliases:
                aliases.append(alias)
        entity = {"id": "country:" + r["alpha_3"], "kind": "country", "name": name}
        if aliases:
            entity["aliases"] = aliases
        for key in ("demonyms", "capitals"):
            if key in extra:
                entity[key] = extra[key]
        entity["codes"] = [r["alpha_2"], r["alpha_3"]]
        if "qid" in extra:
            entity["qid"] = extra["qid"]
        entities.append(entity)
    lexicon = {
        "$comment": f"Generated by tools/gen_country_lexicon.py from {ISO.name} (Debian iso-codes); "
                    "do not edit, change the script and re-run it.",
        "entities": entities,
    }
    # One entity a line: diffs after an iso-codes update stay readable.
    lines = [json.dumps(e, ensure_ascii=False) for e in entities]
    text = ('{\n "$schema": "../../../schemas/lexicon.schema.json",\n "$comment": ' + json.dumps(lexicon["$comment"], ensure_ascii=False) +
            ',\n "entities": [\n  ' + ",\n  ".join(lines) + "\n ]\n}\n")
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {len(entities)} countries, "
          f"{sum(len(e.get('demonyms', [])) for e in entities)} demonyms, "
          f"{sum(len(e.get('capitals', [])) for e in entities)} capitals")


if __name__ == "__main__":
    main()
