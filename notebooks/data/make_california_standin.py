#!/usr/bin/env python3
"""Writes a stand-in for scikit-learn's California housing archive (cal_housing.tgz, StatLib's layout:
CaliforniaHousing/cal_housing.data, 9 comma-separated columns: longitude, latitude, housingMedianAge, totalRooms,
totalBedrooms, population, households, medianIncome, medianHouseValue) for offline runs.

usage: make_california_standin.py <output folder> [rows]   (then NOTEBOOKNN_DATASETS=<output folder>)
The rows are SYNTHETIC (seeded): plausible ranges, the value rising with income and falling with distance from the
coast, plus noise — so the notebooks' models have something to learn, but the figures are not the real dataset's.
Standard library only.
"""
import io, math, os, random, sys, tarfile

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
rng = random.Random(42)
rows = []
for _ in range(n):
    lon, lat = rng.uniform(-124.3, -114.3), rng.uniform(32.5, 42.0)
    age = rng.randint(1, 52)
    households = rng.randint(50, 1500)
    rooms = households * rng.uniform(3.5, 7.0)
    bedrooms = rooms * rng.uniform(0.15, 0.25)
    population = households * rng.uniform(2.0, 4.0)
    income = max(0.5, min(15.0, rng.lognormvariate(1.3, 0.45)))
    coast = max(0.0, (lon + 124.3) * 0.8 - (42.0 - lat) * 0.5)
    value = 45000 + 42000 * income - 9000 * coast + 600 * age + rng.gauss(0, 35000)
    value = max(14999, min(500001, value))
    rows.append(f"{lon:.2f},{lat:.2f},{age}.0,{rooms:.1f},{bedrooms:.1f},{population:.1f},{households}.0,{income:.4f},{value:.1f}")
data = ("\n".join(rows) + "\n").encode()
os.makedirs(out, exist_ok=True)
with tarfile.open(os.path.join(out, "cal_housing.tgz"), "w:gz") as tar:
    info = tarfile.TarInfo("CaliforniaHousing/cal_housing.data")
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))
print(f"wrote {os.path.join(out, 'cal_housing.tgz')}: {n} synthetic districts in StatLib's layout")
