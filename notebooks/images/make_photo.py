"""Draws ship.jpg, the "photo I took myself" that 07-cifar10-mlp classifies at its end: a synthetic picture made for
this repository (no downloaded photo), a cargo ship on the sea under a sky, 96 x 72 pixels, JPEG quality 90.

Run with /usr/bin/python3 (numpy, Pillow) from this folder:  /usr/bin/python3 make_photo.py
"""
import numpy as np
from PIL import Image

H, W = 72, 96
rs = np.random.RandomState(7)
y, x = np.mgrid[0:H, 0:W].astype(float)
img = np.zeros((H, W, 3))

horizon = 44
sky = y < horizon
t = y / horizon
img[sky] = np.stack([120 + 90 * t, 170 + 60 * t, 235 + 15 * t], -1)[sky]          # blue sky, paler to the horizon
sea = ~sky
d = (y - horizon) / (H - horizon)
waves = 10 * np.sin(x / 3.0 + y * 1.7) + rs.normal(0, 6, (H, W))
img[sea] = np.stack([20 + 30 * d, 70 + 40 * d, 120 + 30 * d], -1)[sea] + waves[sea][:, None]

# hull: a dark red trapezoid sitting on the water line, bow to the right
for row in range(38, 50):
    k = (row - 38) / 11
    left, right = 14 + 6 * k, 86 - 10 * k
    cols = (x[row] >= left) & (x[row] <= right)
    img[row, cols] = [150, 30, 30] if row >= 46 else [45, 45, 55]
# superstructure, windows, funnel and mast
img[28:38, 22:40] = [235, 235, 230]
img[31:33, 24:38:3] = [40, 60, 90]
img[20:28, 28:34] = [200, 120, 30]
img[20:22, 28:34] = [30, 30, 30]
img[16:38, 66:67] = [60, 60, 60]
img[30:38, 48:62] = [180, 90, 40]                                                    # containers on deck
img[30:34, 48:62:4] = [90, 120, 160]

Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), "RGB").save("ship.jpg", quality=90)
print("wrote ship.jpg")
