#!/usr/bin/env python3
"""Writes N applications as CSV (header row first) to stdout, for the import benchmark."""
import random, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
rng = random.Random(42)
companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Wonka", "Stark"]
roles = ["Platform Engineer", "SRE", "Data Engineer", "Backend Developer", "Engineering Manager"]
statuses = ["applied", "interviewing", "rejected", "ghosted"]
jd = ("We run Kubernetes and Rust services across three regions; you will share on-call, "
      "improve CI/CD, and mentor two engineers. Experience with PostgreSQL is a plus.")
out = sys.stdout
out.write("company,role,status,url,applied_on,job_description\n")
for i in range(n):
    c = rng.choice(companies)
    out.write(f'"{c} {i % 997}, Ltd",{rng.choice(roles)},{rng.choice(statuses)},'
              f'https://jobs.example/{i},2026-{rng.randint(1,12):02d}-{rng.randint(1,28):02d},"{jd}"\n')
