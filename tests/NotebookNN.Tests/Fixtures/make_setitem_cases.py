"""Expected results of numpy item assignment and integer-array reads for tests/Tensors/SetItemTests.cs.

Each case starts from np.arange(size).reshape(shape) as float32 (or zeros where named) and applies the same
statement the C# test applies. Run: /usr/bin/python3 make_setitem_cases.py > setitem_cases.json
"""
import json
import numpy as np


def base(*shape):
    return np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape)


def case(a):
    return {"shape": list(a.shape), "values": [float(v) for v in a.ravel()]}


cases = {}

a = base(3, 4); a[1, 2] = 1.0; cases["int_int_scalar"] = case(a)
a = base(3, 4); a[1] = 7; cases["row_scalar"] = case(a)
a = base(3, 4); a[1:, :] = [10, 20, 30, 40]; cases["range_broadcast_row"] = case(a)
a = base(3, 4); a[:, -1] = [-1, -2, -3]; cases["column_from_end"] = case(a)
a = np.zeros((3, 6), dtype=np.float32)
for i, seq in enumerate([[0, 3], [1, 1, 5], []]):
    a[i, seq] = 1.
cases["vectorize_sequences"] = case(a)
a = np.zeros((4, 5), dtype=np.float32)
for i, label in enumerate([3, 0, 4, 3]):
    a[i, label] = 1.
cases["to_one_hot"] = case(a)
a = base(3, 4); a[[2, 0]] = [100, 101, 102, 103]; cases["array_first_axis"] = case(a)
a = base(3, 4); a[[0, 2], 1:3] = [[1, 2], [3, 4]]; cases["array_with_range"] = case(a)
a = base(2, 3, 4); a[0, :, [1, 3]] = np.arange(6).reshape(2, 3) + 100; cases["nonadjacent"] = case(a)
a = np.zeros((4, 5), dtype=np.float32); a[[0, 1, 2, 3], [3, 0, 4, 3]] = 1; cases["two_arrays"] = case(a)
a = base(3, 4); a[[1, 1]] = [[1, 2, 3, 4], [5, 6, 7, 8]]; cases["repeated_last_wins"] = case(a)
a = base(3, 4); a[[-1]] = 9; cases["negative_positions"] = case(a)
a = base(3, 4); row = a[1]; row[2] = 50; cases["view_writes_base"] = case(a)
a = base(3, 4); v = a[:, 1:3]; v[0] = [7, 8]; cases["range_view_writes_base"] = case(a)
a = base(3, 4); a[:, 1:3] = [[1], [2], [3]]; cases["tensor_broadcast_column"] = case(a)
a = base(3, 4); a[1:] = a[:-1]; cases["overlap"] = case(a)

cases["read_rows"] = case(base(3, 4)[[2, 0, 2]])
cases["read_nonadjacent"] = case(base(2, 3, 4)[0, :, [1, 3]])
cases["read_adjacent_int_array"] = case(base(2, 3, 4)[:, 1, [0, 3]])
cases["read_two_arrays"] = case(base(3, 4)[[0, 2], [1, 3]])
cases["read_array_then_range"] = case(base(3, 4)[[1], 2:])

print(json.dumps(cases))
