# Sourced by notebooks/run and notebooks/repl-run (bash, from the repository root, with $root set): the Python
# packages the notebook scripts use (Debian's python3-nbformat and python3-numpy, installed when missing), and offline data.
if ! /usr/bin/python3 -c 'import nbformat, numpy' 2>/dev/null && command -v apt-get >/dev/null; then
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq python3-nbformat python3-numpy >/dev/null
fi
# When NOTEBOOKNN_DATASETS is not set and ../shared/datasets is beside the checkout (or named by
# NOTEBOOKNN_SHARED_DATASETS), NOTEBOOKNN_DATASETS points at artifacts/datasets, filled from there
# (Fashion-MNIST's files then hold the real MNIST test set: see make_fashion_standin.py).
shared="${NOTEBOOKNN_SHARED_DATASETS:-$root/../shared/datasets}"
if [ -z "${NOTEBOOKNN_DATASETS:-}" ] && [ -d "$shared/mnist-t10k" ]; then
  export NOTEBOOKNN_DATASETS="$root/artifacts/datasets"
  if [ ! -f "$NOTEBOOKNN_DATASETS/fashion-mnist/t10k-labels-idx1-ubyte.gz" ]; then
    python3 notebooks/data/make_fashion_standin.py "$shared/mnist-t10k" "$NOTEBOOKNN_DATASETS"
  fi
  cp -n "$shared"/keras-format/mnist.npz "$shared"/keras-format/boston_housing.npz "$NOTEBOOKNN_DATASETS"/ 2>/dev/null || true
  cp -rn "$shared"/sklearn "$NOTEBOOKNN_DATASETS"/ 2>/dev/null || true
  # IMDB and Reuters: small files in Keras's formats with random token ids (accuracy on them means nothing).
  cp -n "$shared"/keras-format/imdb-fixture.npz "$NOTEBOOKNN_DATASETS"/imdb.npz 2>/dev/null || true
  cp -n "$shared"/keras-format/reuters-fixture.npz "$NOTEBOOKNN_DATASETS"/reuters.npz 2>/dev/null || true
  cp -n "$shared"/keras-format/word_index-fixture.json "$NOTEBOOKNN_DATASETS"/imdb_word_index.json 2>/dev/null || true
  cp -n "$shared"/keras-format/word_index-fixture.json "$NOTEBOOKNN_DATASETS"/reuters_word_index.json 2>/dev/null || true
  # California housing: a synthetic stand-in in StatLib's archive layout (not the real figures).
  [ -f "$NOTEBOOKNN_DATASETS/cal_housing.tgz" ] || python3 notebooks/data/make_california_standin.py "$NOTEBOOKNN_DATASETS"
  # CIFAR-10: tinted MNIST digits in CIFAR's pickled batch format (needs numpy: Debian's python3-numpy).
  py=python3; [ -x /usr/bin/python3 ] && py=/usr/bin/python3
  [ -f "$NOTEBOOKNN_DATASETS/cifar-10-batches-py/test_batch" ] || $py notebooks/data/make_cifar_standin.py "$shared/mnist-t10k" "$NOTEBOOKNN_DATASETS"
  # None of these files is Keras's, and the library checks every known dataset file it finds against its published
  # hash: STANDINS.sha256 declares them as stand-ins (README, 'Offline data'). Written once, when the files are made,
  # so a file damaged afterwards is still refused.
  if [ ! -f "$NOTEBOOKNN_DATASETS/STANDINS.sha256" ]; then
    (cd "$NOTEBOOKNN_DATASETS" && find . -maxdepth 2 -type f \( -path './fashion-mnist/*' -o -path './cifar-10-batches-py/*' \
      -o -name '*.npz' -o -name '*_word_index.json' -o -name cal_housing.tgz \) | sed 's|^\./||' | sort | xargs -r sha256sum > STANDINS.sha256)
  fi
fi
