// The library has process-wide state by design, as Keras does: the seeded random generator
// (Utils.SetRandomSeed), automatic layer names (Keras.ClearSession), the notebook display hook and
// Console output. Tests that seed and then draw, or capture output, would interleave with other test
// classes running in parallel and fail now and then; so test classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
