#!/usr/bin/env python3
"""Generates data/area-codes.tsv, where a North American number or a US state keeps its
business hours, from the PyPI `phonenumbers` package (Apache-2.0: Google's libphonenumber
data), pinned below so the table is reproducible.

    pip install phonenumbers==9.0.43 && python3 data/generate-area-codes.py > data/area-codes.tsv

An area code's zone is the one zone that at least 90% of its assigned exchanges keep, of
those libphonenumber gives one zone (its data is by exchange where an area code straddles
a line, and names two zones where it cannot say): 850 (the Florida panhandle, Central and
Eastern) gets none. Its region is `us` for the United
States, a Canadian province's (`ca-on`) where the area code lies in one province, else `ca`;
none elsewhere (the Caribbean). A state's zone is the one that at least 80% of its exchanges
keep, likewise: Texas is Central though El Paso is Mountain; Idaho and South Dakota get none.
"""
import collections
import re
import sys

import phonenumbers
from phonenumbers import geocoder, timezone

PINNED = "9.0.43"
AREA_SHARE, STATE_SHARE = 0.90, 0.80

# Followup's region codes for Canada's provinces and territories (data/holidays.tsv).
PROVINCES = {
    "Alberta": "ca-ab", "British Columbia": "ca-bc", "Manitoba": "ca-mb",
    "New Brunswick": "ca-nb", "Newfoundland and Labrador": "ca-nl", "Nova Scotia": "ca-ns",
    "Northwest Territories": "ca-nt", "Nunavut": "ca-nu", "Ontario": "ca-on",
    "Prince Edward Island": "ca-pe", "Quebec": "ca-qc", "Saskatchewan": "ca-sk",
    "Yukon": "ca-yt",
}
# The United States Postal Service's codes for the states and DC.
STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}
# How libphonenumber's geocoder names a state where it is not a state's own name.
STATE_ALIASES = {"Washington D.C.": "DC", "Washington State": "WA"}
CITY_STATE = re.compile(r", ([A-Z]{2})$")


def shared_zone(zones, share):
    """The zone kept by at least `share` of the exchanges that keep one zone, when at
    least a tenth of all do; None where it straddles or the data says too little."""
    single = {z: n for z, n in zones.items() if z}
    total = sum(zones.values())
    if not single or sum(single.values()) < total / 10:
        return None
    zone, count = max(single.items(), key=lambda kv: kv[1])
    return zone if count / sum(single.values()) >= share else None


def main():
    if phonenumbers.__version__ != PINNED:
        sys.exit(f"phonenumbers {PINNED} is pinned; this is {phonenumbers.__version__}")
    areas = []
    # A US state's code -> its exchanges' zones
    states = collections.defaultdict(collections.Counter)
    by_name = {name: code for code, name in STATES.items()} | STATE_ALIASES
    for npa in range(200, 1000):
        zones, names, codes, countries = (collections.Counter() for _ in range(4))
        for nxx in range(200, 1000):
            number = phonenumbers.parse(f"+1{npa}{nxx}0100")
            if not phonenumbers.is_valid_number(number):
                continue
            found = timezone.time_zones_for_number(number)
            zones[found[0] if len(found) == 1 else None] += 1
            place = geocoder.description_for_number(number, "en")
            city = CITY_STATE.search(place)
            if city:
                codes[city.group(1)] += 1
            elif place:
                names[place] += 1
            countries[phonenumbers.region_code_for_number(number)] += 1
        if not zones:
            continue
        country = countries.most_common(1)[0][0]
        name = names.most_common(1)[0][0] if names else ""
        if country == "US":
            code = codes.most_common(1)[0][0] if codes else by_name.get(name)
            if code in STATES:
                states[code].update(zones)
        zone = shared_zone(zones, AREA_SHARE)
        region = ""
        if country == "US":
            region = "us"
        elif country == "CA":
            region = PROVINCES.get(name, "ca")
        if zone or region:
            areas.append((npa, zone or "", region))
    print("# Where a North American number or a US state keeps its business hours;")
    print("# generated by data/generate-area-codes.py")
    print(f"# generator: phonenumbers=={PINNED} (Apache-2.0)")
    print("# +1 AREA CODE<TAB>ZONE (empty where it straddles one)<TAB>REGION (empty outside the US and Canada)")
    for npa, zone, region in areas:
        print(f"+1 {npa}\t{zone}\t{region}")
    print("# us-STATE<TAB>ZONE<TAB>NAME: the zone of at least 80% of the state's exchanges")
    for code in sorted(states):
        zone = shared_zone(states[code], STATE_SHARE)
        if zone:
            print(f"us-{code.lower()}\t{zone}\t{STATES[code]}")


if __name__ == "__main__":
    main()
