# Prints the reference strings of PythonTextTests: Python's repr of floats and numpy's str of float32 scalars.
# Run with /usr/bin/python3 (numpy 1.24).
import numpy as np

doubles = [0.1, 0.1 + 0.2, 1.0, 1e-05, 1.5e-05, 0.0001, 123456789.125, 1e15, 1.5e15, 1e16, 2.5e-300, -0.0, -2.5,
           float("nan"), float("-inf")]
for x in doubles:
    print(f"double {x!r:>24} -> {repr(x)}")

floats = [0.1, 1e-05, 16777216.0, 3.4028235e38, 1e16, 0.0001, 1e-45, -7.25]
for x in floats:
    print(f"float32 {x!r:>24} -> {str(np.float32(x))}")
