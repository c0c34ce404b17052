"""Writes the image files of this folder and images.json, the references the image tests compare with.

Run with /usr/bin/python3 (numpy 1.24, Pillow 9.4, torch) from this folder:  /usr/bin/python3 make_image_fixture.py

- The pictures (PNG: RGB, grayscale, RGBA; JPEG: RGB and grayscale, quality 95, no chroma subsampling; a BMP and a
  GIF of the PNGs' pixels) are written
  by Pillow from seeded numpy arrays.
- "decoded": each file's pixels as Pillow decodes it (libpng / libjpeg), in the file's own mode.
- "pil": what Keras's load_img gives (Pillow's convert and resize, nearest and bilinear), as bytes.
- "tf": what image_dataset_from_directory gives (tf.image.resize, antialias off, half-pixel centres), computed by the
  formula written out below in float64 and checked here against torch.nn.functional.interpolate(mode="bilinear",
  align_corners=False, antialias=False) and mode="nearest-exact" (the same rules).
- "directory": the file order and the training / validation split of Keras's index_directory for a tree of names,
  built in a temporary folder and listed with os.listdir / os.walk as Keras lists it, shuffled with
  numpy's RandomState(seed) and split at int(validation_split * n).
"""
import json, os, tempfile
import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

rs = np.random.RandomState(18)
out = {"decoded": {}, "pil": [], "tf": []}

def smooth(h, w, c):
    y, x = np.mgrid[0:h, 0:w]
    planes = [128 + 100 * np.sin(x / (3.0 + k) + y / (4.0 + k) + k) for k in range(c)]
    return np.clip(np.stack(planes, -1), 0, 255).astype(np.uint8)

pictures = {
    "rgb.png": (Image.fromarray(rs.randint(0, 256, (13, 17, 3)).astype(np.uint8), "RGB"), {}),
    "gray.png": (Image.fromarray(rs.randint(0, 256, (11, 9)).astype(np.uint8), "L"), {}),
    "rgba.png": (Image.fromarray(rs.randint(0, 256, (6, 5, 4)).astype(np.uint8), "RGBA"), {}),
    "photo.jpg": (Image.fromarray(smooth(20, 24, 3), "RGB"), {"quality": 95, "subsampling": 0}),
    "gray.jpg": (Image.fromarray(smooth(12, 16, 1)[:, :, 0], "L"), {"quality": 95}),
}
pictures["rgb.bmp"] = (pictures["rgb.png"][0], {})
pictures["gray.gif"] = (pictures["gray.png"][0], {})
for name, (img, options) in pictures.items():
    img.save(name, **options)
    back = Image.open(name)
    out["decoded"][name] = {"mode": back.mode, "shape": list(np.asarray(back).shape), "values": np.asarray(back).ravel().tolist()}

def opened(name, color_mode):
    """The file converted to Keras's colour mode as load_img converts it (PIL's convert, unless already in that mode)."""
    img = Image.open(name)
    target = {"rgb": "RGB", "grayscale": "L", "rgba": "RGBA"}[color_mode]
    return img if img.mode == target else img.convert(target)

def hwc(img, dtype):
    """The image as an (H, W, C) array."""
    a = np.asarray(img).astype(dtype)
    return a[:, :, None] if a.ndim == 2 else a

# Keras's load_img: convert to the colour mode, then PIL's resize with the interpolation.
for name, mode, size, interp in [
    ("rgb.png", "rgb", (7, 5), "nearest"), ("rgb.png", "rgb", (20, 31), "nearest"), ("rgb.png", "rgb", (6, 11), "bilinear"),
    ("rgb.png", "rgb", (29, 40), "bilinear"), ("rgb.png", "grayscale", (13, 17), "nearest"), ("rgb.png", "grayscale", (5, 9), "bilinear"),
    ("gray.png", "rgb", (4, 3), "bilinear"), ("gray.png", "grayscale", (32, 32), "nearest"), ("rgba.png", "rgb", (3, 3), "nearest"),
    ("rgba.png", "rgba", (9, 7), "nearest"), ("rgb.png", "rgb", (3, 17), "bilinear"), ("gray.png", "grayscale", (11, 4), "bilinear"),
    ("rgb.bmp", "rgb", (7, 5), "nearest"), ("gray.gif", "rgb", (11, 9), "nearest"), ("gray.gif", "grayscale", (6, 4), "bilinear"),
]:
    img = opened(name, mode)
    resample = {"nearest": Image.NEAREST, "bilinear": Image.BILINEAR}[interp]
    if img.size != (size[1], size[0]):
        img = img.resize((size[1], size[0]), resample)
    a = hwc(img, np.uint8)
    out["pil"].append({"file": name, "color_mode": mode, "size": list(size), "interpolation": interp,
                       "shape": list(a.shape), "values": a.ravel().tolist()})

def tf_resize(img, out_h, out_w, method):
    """tf.image.resize (antialias=False, half_pixel_centers) of an (H, W, C) float64 array."""
    in_h, in_w, _ = img.shape
    def axis(in_size, out_size):
        scale = in_size / out_size
        pos = (np.arange(out_size) + 0.5) * scale
        if method == "nearest":
            i = np.minimum(np.floor(pos).astype(int), in_size - 1)
            return i, i, np.zeros(out_size)
        at = pos - 0.5
        f = np.floor(at)
        return np.maximum(f, 0).astype(int), np.minimum(np.ceil(at), in_size - 1).astype(int), at - f
    y0, y1, ly = axis(in_h, out_h)
    x0, x1, lx = axis(in_w, out_w)
    top = img[y0][:, x0] + (img[y0][:, x1] - img[y0][:, x0]) * lx[None, :, None]
    bottom = img[y1][:, x0] + (img[y1][:, x1] - img[y1][:, x0]) * lx[None, :, None]
    return top + (bottom - top) * ly[:, None, None]

for name, mode, size, interp in [
    ("rgb.png", "rgb", (7, 5), "bilinear"), ("rgb.png", "rgb", (20, 31), "bilinear"), ("rgb.png", "rgb", (13, 17), "bilinear"),
    ("rgb.png", "rgb", (1, 1), "bilinear"), ("rgb.png", "rgb", (9, 40), "nearest"), ("gray.png", "grayscale", (5, 14), "bilinear"),
    ("rgb.png", "grayscale", (8, 8), "bilinear"), ("gray.png", "rgb", (3, 3), "bilinear"), ("rgba.png", "rgba", (10, 9), "bilinear"),
]:
    img = opened(name, mode)
    a = hwc(img, np.float64)
    mine = tf_resize(a, size[0], size[1], interp)
    t = torch.from_numpy(a).permute(2, 0, 1)[None]
    peer = (F.interpolate(t, size=size, mode="bilinear", align_corners=False, antialias=False) if interp == "bilinear"
            else F.interpolate(t, size=size, mode="nearest-exact"))[0].permute(1, 2, 0).numpy()
    assert np.abs(mine - peer).max() < 1e-9, (name, size, np.abs(mine - peer).max())
    out["tf"].append({"file": name, "color_mode": mode, "size": list(size), "interpolation": interp,
                      "values": mine.ravel().tolist()})

# Keras's index_directory on a tree of names: classes = sorted non-hidden subfolders; each class walked (folders
# sorted by path, files sorted), image extensions only; paths and labels shuffled by RandomState(seed); split.
tree = ["cats/b.png", "cats/a.PNG", "cats/notes.txt", "cats/sub/z.jpg", "cats/sub/deeper/y.png", "cats/sub b/w.png",
        "dogs/IMG_10.jpeg", "dogs/IMG_2.JPG", "dogs/.hidden.png", "dogs/readme.md", "Birds/x.bmp", "Birds/y.gif",
        "Birds/z.png", ".cache/skip.png", "loose.png", "dogs/c.png", "dogs/d.png", "cats/e.png"]
FORMATS = (".bmp", ".gif", ".jpeg", ".jpg", ".png")
with tempfile.TemporaryDirectory() as root:
    for rel in tree:
        os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
        open(os.path.join(root, rel), "w").close()
    classes = [d for d in sorted(os.listdir(root)) if os.path.isdir(os.path.join(root, d)) and not d.startswith(".")]
    files, labels = [], []
    for label, cls in enumerate(classes):
        top = os.path.join(root, cls)
        for dirpath, _, names in sorted(os.walk(top), key=lambda w: w[0]):
            for fname in sorted(names):
                if fname.lower().endswith(FORMATS):
                    files.append(os.path.relpath(os.path.join(dirpath, fname), root))
                    labels.append(label)
    cases = []
    for seed, split in [(1337, 0.25), (42, 0.2), (7, 0.5)]:
        paths, labs = list(files), np.array(labels, dtype="int32")
        np.random.RandomState(seed).shuffle(paths)
        np.random.RandomState(seed).shuffle(labs)
        k = int(split * len(paths))
        cases.append({"seed": seed, "validation_split": split, "shuffled": paths, "labels": labs.tolist(),
                      "training": paths[:-k], "validation": paths[-k:]})
    out["directory"] = {"tree": tree, "classes": classes, "sorted": files, "sorted_labels": labels, "cases": cases}

with open("images.json", "w") as f:
    json.dump(out, f)
print("wrote", sorted(pictures), "and images.json")
