"""Generates format_cases.json: numpy 1.24's repr() of float32 arrays, the reference for Tensor.ToString().

Run with /usr/bin/python3 (numpy 1.24) from this folder:  python3 make_format_cases.py
Each case stores the shape, the float32 values as their uint32 bit patterns (exact, NaN/inf included)
and numpy's repr string.
"""
import json
import numpy as np

f32 = np.float32
rng = np.random.default_rng(20261123)
cases = {}

def add(name, a):
    a = np.asarray(a, dtype=f32)
    cases[name] = {
        "shape": list(a.shape),
        "bits": [int(b) for b in a.reshape(-1).view(np.uint32)],
        "repr": repr(a),
    }

add("ints_1d", [12, 3, 6, 14, 7])
add("scalar", np.array(3, dtype=f32))
add("scalar_neg_frac", np.array(-0.125, dtype=f32))
add("negatives", [-1, 2.5, -300, 0])
add("negative_zero", [1.5, -0.0, 0.0])
add("mixed_fractions", np.arange(30, dtype=f32) / 7)
add("thirds_2d", (np.arange(12, dtype=f32) / 3).reshape(3, 4))
add("ratio_1000", [1, 1000])
add("ratio_above_1000", [1, 1000.0001])
add("large_sci", [1e8, 1])
add("small_sci", [1e-5, 1.5])
add("min_1e-4", [1e-4, 1])
add("tiny_and_huge", [1e20, -1e-20, 0])
add("extremes", [3.4e38, 1e-45, -1.17549435e-38])
add("round_to_8", [0.012345679, 0.00012345678, 0.001953125, 1])
add("round_to_8_positional", [0.012345679, 0.00012345678, 0.1])
add("sci_exact_digits", [1e-45, 0.1, 3.4e38, 7])
add("sci_round_up", [9.9999999e-5, 1.25, 1e-5])
add("tie_even", [0.001953125, 0.5])
add("nan_inf", [np.nan, 1.5, -np.inf])
add("nan_only", [np.nan])
add("inf_only", [np.inf, np.nan])
add("neginf_nan", [np.nan, -np.inf])
add("nan_sci", [np.nan, 1e-7, 2.5e9])
add("all_zero", np.zeros((2, 3)))
add("random_normal_2d", rng.standard_normal((5, 7)))
add("random_sci_2d", rng.standard_normal((4, 6)) * 1e6)
add("random_3d", rng.uniform(-10, 10, (2, 3, 4)))
add("wide_row", rng.uniform(0, 1, (2, 25)))
add("long_1d", np.arange(100, dtype=f32) * 1.5)
add("column", np.arange(5, dtype=f32).reshape(5, 1))
add("4d", np.arange(24, dtype=f32).reshape(2, 3, 2, 2))
add("sum_1d", np.arange(2000, dtype=f32))
add("sum_1d_frac", rng.uniform(0, 1, 1500))
add("sum_2d", rng.standard_normal((40, 30)))
add("sum_2d_tall", np.arange(3000, dtype=f32).reshape(1000, 3) / 4)
add("sum_3d", np.arange(1200, dtype=f32).reshape(10, 12, 10))
add("sum_wide_rows", rng.uniform(-1, 1, (4, 400)))
add("empty_0", np.zeros((0,)))
add("empty_2_0", np.zeros((2, 0)))
add("empty_0_3", np.zeros((0, 3)))
add("dtype_wrap", rng.uniform(0, 1, 6))
add("one_item_rows", np.array([[1e-3], [123.25]]))

with open("format_cases.json", "w") as out:
    json.dump(cases, out, indent=1)
print(f"{len(cases)} cases written")
