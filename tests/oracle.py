#!/usr/bin/env python3
"""An independent, exact oracle for the rating semantics of audioconf-pricing.

It implements the semantics stated in the module docs of src/quote.rs with fractions.Fraction, prices
random requests against the built-in rate card, and checks that `audioconf-pricing quote --format json`
agrees to the minor unit on every line cost, on the total and, for requests with `users`, on the per-user
licence comparison's `licence_total`.

    line cost  = R((b / 60 × r + c × f) × x, dp)        (R: the tariff's rounding, half-up by default)
    b          = minutes × 60                            without calls
               = c × ⌈minutes × 60 / c / inc⌉ × inc      with c calls
    total      = Σ line costs (no second rounding)
    licence    = half_up(users × price × x, dp)
               + Σ usage under the licence: toll 0; toll-free and uncovered dial-out as under pay-per-minute;
                 covered dial-out (pool kinds, Zone A when pool_zone_a_only) shares a pool of
                 users × pooled minutes in proportion to billable minutes (shares floored to a microsecond,
                 the last covered line taking the remainder) and pays R((b − share) / 60 × r × x + fees)

The micro-second flooring of the pool shares is implemented exactly as documented, so the licence total is
compared exactly too (no tolerance is needed).

Standard library only. Usage:

    python3 tests/oracle.py --bin target/debug/audioconf-pricing [--count 300] [--seed 1]

The last line of the output is "N passed, M failed"; the exit status is 0 only when nothing failed.
"""

import argparse
import json
import math
import random
import subprocess
import sys
from fractions import Fraction

# ISO 4217 minor units that are not 2 (current codes); every other code has 2. The card may override it.
ISO_MINOR_UNITS = {
    **{c: 0 for c in "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split()},
    **{c: 3 for c in "BHD IQD JOD KWD LYD OMR TND".split()},
    **{c: 4 for c in "CLF UYW".split()},
}

KINDS = ["toll", "toll_free", "dial_out_landline", "dial_out_mobile"]


def dec(text):
    """A decimal string of the card as an exact fraction."""
    return Fraction(text)


def round_to(value, dp, mode):
    """Rounds a non-negative fraction to dp decimal places; returns an integer count of minor units."""
    assert isinstance(value, Fraction), f"{value!r} is not exact"
    scaled = value * 10**dp
    floor = math.floor(scaled)
    rest = scaled - floor
    if mode == "half_up":
        return floor + (1 if rest >= Fraction(1, 2) else 0)
    if mode == "half_even":
        if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and floor % 2 == 1):
            return floor + 1
        return floor
    if mode == "up":
        return floor + (1 if rest > 0 else 0)
    if mode == "down":
        return floor
    raise ValueError(f"unknown rounding {mode!r}")


def show(units, dp):
    """Minor units as a decimal string with exactly dp places (the CLI's format)."""
    sign = "-" if units < 0 else ""
    units = abs(units)
    if dp == 0:
        return f"{sign}{units}"
    text = str(units).rjust(dp + 1, "0")
    return f"{sign}{text[:-dp]}.{text[-dp:]}"


class Card:
    def __init__(self, data):
        self.data = data
        billing = data["billing"]
        self.default = {
            "increment": billing["increment_seconds"],
            "fee": dec(billing["connection_fee"]),
            "rounding": billing["rounding"],
        }
        self.currencies = {
            data["currency"]: (Fraction(1), ISO_MINOR_UNITS.get(data["currency"], 2))
        }
        for c in data["currencies"]:
            minor = c.get("minor_units", ISO_MINOR_UNITS.get(c["code"], 2))
            self.currencies[c["code"]] = (dec(c["rate"]), minor)
        self.countries = {c["code"]: c for c in data["countries"]}
        lic = data["licence"]
        self.price = dec(lic["price_per_user_month"])
        self.pooled = dec(lic["pooled_dial_out_minutes_per_user"])
        self.pool_kinds = set(lic["pool_kinds"])
        self.pool_zone_a_only = lic["pool_zone_a_only"]

    def offered(self):
        return [
            (code, kind)
            for code, c in self.countries.items()
            for kind in KINDS
            if kind in c.get("rates", {})
        ]

    def tariff(self, code, kind):
        c = self.countries[code]
        over = c.get("billing", {}).get(kind, {})
        return {
            "rate": dec(c["rates"][kind]),
            "increment": over.get("increment_seconds", self.default["increment"]),
            "fee": dec(over["connection_fee"]) if "connection_fee" in over else self.default["fee"],
            "rounding": over.get("rounding", self.default["rounding"]),
        }

    def covered(self, code, kind):
        return kind in self.pool_kinds and (
            self.countries[code].get("zone_a", False) or not self.pool_zone_a_only
        )


def billable_seconds(minutes, calls, increment):
    if calls is None:
        return minutes * 60
    per_call = minutes * 60 / calls
    return Fraction(calls * math.ceil(per_call / increment) * increment)


def oracle(card, request):
    """The expected quote: (currency, dp, [line cost units], total units, licence_total units or None)."""
    code = request.get("currency", card.data["currency"]).upper()
    fx, dp = card.currencies[code]
    lines = []
    for line in request["lines"]:
        country = line["country"].upper()
        kind = line["kind"]
        t = card.tariff(country, kind)
        minutes = Fraction(str(line["minutes"]))
        calls = int(line["calls"]) if "calls" in line else None
        b = billable_seconds(minutes, calls, t["increment"])
        fees = (calls or 0) * t["fee"] * fx
        exact = b / 60 * t["rate"] * fx + fees
        lines.append(
            {
                "country": country,
                "kind": kind,
                "t": t,
                "b": b,
                "fees": fees,
                "cost": round_to(exact, dp, t["rounding"]),
            }
        )
    total = sum(l["cost"] for l in lines)

    licence_total = None
    if "users" in request:
        users = int(request["users"])
        licence_cost = round_to(users * card.price * fx, dp, "half_up")
        pool = users * card.pooled * 60  # seconds
        covered = [l["kind"] != "toll" and card.covered(l["country"], l["kind"]) for l in lines]
        eligible = sum(l["b"] for l, c in zip(lines, covered) if c)
        shares = [Fraction(0)] * len(lines)
        if eligible <= pool:
            shares = [l["b"] if c else Fraction(0) for l, c in zip(lines, covered)]
        else:
            last = max(i for i, c in enumerate(covered) if c)
            given = Fraction(0)
            for i, (l, c) in enumerate(zip(lines, covered)):
                if not c:
                    continue
                if i == last:
                    share = min(pool - given, l["b"])
                else:
                    # Floored to a microsecond, as documented.
                    share = Fraction(math.floor(pool * l["b"] / eligible * 10**6), 10**6)
                given += share
                shares[i] = share
        usage = 0
        for l, c, share in zip(lines, covered, shares):
            if l["kind"] == "toll":
                continue
            if c:
                exact = (l["b"] - share) / 60 * l["t"]["rate"] * fx + l["fees"]
                usage += round_to(exact, dp, l["t"]["rounding"])
            else:
                usage += l["cost"]
        licence_total = licence_cost + usage
    return code, dp, [l["cost"] for l in lines], total, licence_total


def random_minutes(rng):
    """Minutes with 0 to 3 decimals, including 0 and large values, as a string or a JSON integer."""
    shape = rng.random()
    if shape < 0.08:
        value = "0"
    elif shape < 0.15:
        value = str(rng.randint(10**8, 10**9))  # large
    elif shape < 0.25:
        value = f"{rng.randint(0, 10**6 - 1)}.{rng.randint(0, 999):03d}"
    else:
        whole = rng.choice([rng.randint(0, 9), rng.randint(0, 999), rng.randint(0, 99999)])
        places = rng.randint(0, 3)
        value = str(whole) if places == 0 else f"{whole}.{rng.randint(0, 10**places - 1):0{places}d}"
    if "." not in value and rng.random() < 0.3:
        return int(value)
    return value


def random_request(rng, card, pairs, codes):
    lines = []
    for _ in range(rng.choice([1, 1, 2, 3, 4, 6, 10])):
        country, kind = rng.choice(pairs)
        line = {
            "country": country if rng.random() < 0.8 else country.lower(),
            "kind": kind,
            "minutes": random_minutes(rng),
        }
        if rng.random() < 0.6:
            calls = rng.choice([1, rng.randint(1, 10), rng.randint(1, 1000), rng.randint(1, 10**6)])
            line["calls"] = calls if rng.random() < 0.7 else str(calls)
        lines.append(line)
    request = {"lines": lines}
    if rng.random() < 0.85:
        request["currency"] = rng.choice(codes)
    if rng.random() < 0.5:
        users = rng.choice([1, rng.randint(1, 20), rng.randint(1, 1000), rng.randint(1, 10**6)])
        request["users"] = users if rng.random() < 0.7 else str(users)
    return request


def run(binary, args, stdin=None):
    done = subprocess.run(
        [binary, *args], input=stdin, capture_output=True, text=True, check=False
    )
    return done.returncode, done.stdout, done.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default="target/debug/audioconf-pricing", help="the CLI binary")
    parser.add_argument("--count", type=int, default=300, help="how many random requests")
    parser.add_argument("--seed", type=int, default=20261101, help="random seed")
    args = parser.parse_args()

    rc, out, err = run(args.bin, ["card"])
    if rc != 0:
        print(f"`{args.bin} card` failed ({rc}): {err}")
        return 2
    card = Card(json.loads(out))
    pairs = card.offered()
    codes = list(card.currencies)
    rng = random.Random(args.seed)

    passed, failures = 0, []
    for n in range(args.count):
        request = random_request(rng, card, pairs, codes)
        text = json.dumps(request)
        problems = []
        rc, out, err = run(args.bin, ["quote", "--format", "json"], text)
        if rc != 0:
            problems.append(f"exit {rc}: {err.strip()}")
        else:
            q = json.loads(out)
            code, dp, costs, total, licence_total = oracle(card, request)
            if q["currency"] != code or q["minor_units"] != dp:
                problems.append(f"currency {q['currency']}/{q['minor_units']}, expected {code}/{dp}")
            got_costs = [l["cost"] for l in q["lines"]]
            want_costs = [show(c, dp) for c in costs]
            for i, (got, want) in enumerate(zip(got_costs, want_costs)):
                if got != want:
                    problems.append(f"lines[{i}].cost {got}, expected {want}")
            if len(got_costs) != len(want_costs):
                problems.append(f"{len(got_costs)} lines, expected {len(want_costs)}")
            if q["total"] != show(total, dp):
                problems.append(f"total {q['total']}, expected {show(total, dp)}")
            comparison = q.get("comparison")
            if licence_total is None:
                if comparison is not None:
                    problems.append("a comparison without users")
            elif comparison is None:
                problems.append("no comparison although users is given")
            elif comparison["licence_total"] != show(licence_total, dp):
                problems.append(
                    f"licence_total {comparison['licence_total']}, expected {show(licence_total, dp)}"
                )
        if problems:
            failures.append((n, text, problems))
        else:
            passed += 1

    for n, text, problems in failures[:10]:
        print(f"request {n}: {text}")
        for p in problems:
            print(f"  {p}")
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
