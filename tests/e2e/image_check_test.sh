#!/usr/bin/env bash
# `kiosk --check-config` decodes every image the kiosk will show (plans, photos, phase and
# survey pictures) and reports each one it could not show at the key that names it, and
# checks the fonts: a configuration that would give placeholders or no text is not "valid".
# Then the kiosk itself: missing fonts at start are their own exit code (4), not "no display".
#   image_check_test.sh KIOSK_BINARY SOURCE_DIR SCRATCH_DIR
set -uo pipefail
kiosk=$1; src=$2; tmp=$3
rm -rf "$tmp"; mkdir -p "$tmp"
failures=0
check() { # description, command status, expected status
  if [[ "$2" != "$3" ]]; then echo "FAIL: $1 (exit $2, expected $3)"; failures=$((failures + 1)); else echo "ok: $1"; fi
}
contains() { # description, haystack, needle
  if [[ "$2" != *"$3"* ]]; then echo "FAIL: $1: output lacks '$3'"; failures=$((failures + 1)); else echo "ok: $1"; fi
}
make_png() { python3 "$src/tests/e2e/support/make_png.py" "$@" || { echo "FAIL: make_png.py $*"; exit 1; }; }

# --- The images: one of each kind of broken file, and a good one -----------------------
img="$tmp/content/plans/img"; mkdir -p "$img" "$tmp/surveys" "$tmp/assets"
make_png "$img/good.png" 320 200 --noise
: > "$img/empty.png"
echo "Plan du quartier : voir la mairie." > "$img/text.png"
cp "$src/config/surveys/pictures/src/jeux.svg" "$img/drawing.png"
make_png "$tmp/noise.png" 400 300 --noise
head -c $(( $(stat -c %s "$tmp/noise.png") / 2 )) "$tmp/noise.png" > "$img/truncated.png"
make_png "$img/header-only.png" 800 600 --header-only
cp "$tmp/noise.png" "$img/corrupt.png"   # bytes of the image data overwritten: its CRC fails
printf 'CORRUPTCORRUPTCORRUPT' | dd of="$img/corrupt.png" bs=1 seek=5000 conv=notrunc status=none
make_png "$img/huge.png" 12000 12000 --channels 1   # 144 Mpx: 432 MB once decoded as RGB
# A 16-bit RGBA poll picture: fine for a plan, far too big for a picture on the home screen.
make_png "$tmp/surveys/big16.png" 3000 3000 --depth 16 --channels 4

plan() { # file name, image, extra lines
  cat > "$tmp/content/plans/$1.toml" <<TOML
id = "$1"
title = { fr = "Plan $1", en = "Plan $1" }
summary = { fr = "Résumé", en = "Summary" }
image = "img/$2"
size = [1600, 1000]
$3
TOML
}
plan good good.png '[[hotspot]]
id = "a"
at = [100, 100]
title = { fr = "Point", en = "Point" }
text = { fr = "Texte", en = "Text" }
photo = "img/truncated.png"'
for name in empty text drawing truncated header-only corrupt huge; do plan "$name" "$name.png" ""; done

cat > "$tmp/surveys/poll.toml" <<'TOML'
id = "poll"
version = 1
mode = "poll"
title = { fr = "Sondage", en = "Poll" }
thanks = { fr = "Merci", en = "Thanks" }
notice = { controller = { fr = "Ville", en = "City" }, purpose = { fr = "Test", en = "Test" }, retention = { fr = "Un an", en = "One year" }, rights = { fr = "Anonyme", en = "Anonymous" }, url = "https://example.org/donnees" }
[[question]]
id = "q"
type = "single_choice"
text = { fr = "Quoi ?", en = "What?" }
options = [
    { id = "a", label = { fr = "A", en = "A" }, picture = "big16.png" },
    { id = "b", label = { fr = "B", en = "B" } },
]
TOML

cp -r "$src/assets/i18n" "$src/assets/keyboards" "$src/assets/fonts" "$tmp/assets/"
cat > "$tmp/kiosk.toml" <<TOML
[kiosk]
id = "test-images"
languages = ["fr", "en"]
[paths]
assets = "assets"
content = "content"
surveys = "surveys"
database = "responses.db"
TOML

# --- Every broken image is an error at its key ------------------------------------------
start=$(date +%s.%N)
out=$("$kiosk" --check-config --config "$tmp/kiosk.toml" 2>&1); status=$?
echo "$out" > "$tmp/check-images.out"  # for a person reading a failure
echo "--check-config took $(echo "$(date +%s.%N) - $start" | bc) s"
check "broken images make the configuration invalid" $status 1
p="$tmp/content/plans"
contains "a 0-byte file" "$out" "$p/empty.toml:4:1: error: image: $img/empty.png: empty file (0 bytes)"
contains "a text file renamed .png" "$out" "$p/text.toml:4:1: error: image: $img/text.png: a text file, not a PNG or JPEG image"
contains "an SVG renamed .png" "$out" "$p/drawing.toml:4:1: error: image: $img/drawing.png: an SVG drawing"
contains "a truncated PNG" "$out" "$p/truncated.toml:4:1: error: image: $img/truncated.png: not a readable PNG image (truncated: the file ends too early)"
contains "a header-only PNG" "$out" "$p/header-only.toml:4:1: error: image: $img/header-only.png: not a readable PNG image"
contains "a corrupt PNG" "$out" "$p/corrupt.toml:4:1: error: image: $img/corrupt.png: not a readable PNG image"
contains "a 144-megapixel PNG" "$out" "$p/huge.toml:4:1: error: image: $img/huge.png: 12000×12000 px is too large"
contains "a hotspot's photo, at its own key" "$out" "$p/good.toml:11:1: error: photo: $img/truncated.png: not a readable PNG image"
contains "a 16-bit poll picture too big for a picture" "$out" "$tmp/surveys/poll.toml:12:"
contains "... named as a picture" "$out" "big16.png: 3000×3000 px is too large (36 MB once decoded, at most 16 MB here): reduce the image (as a picture"
[[ "$out" != *"good.toml:4:1"* ]]; check "the good plan image is not reported" $? 0
[[ "$out" != *"(a placeholder will be shown)"* ]]; check "the loader's warning is replaced, not repeated" $? 0
contains "the count covers them all" "$out" "9 error(s)"

# --- Fonts -----------------------------------------------------------------------------
rm -rf "$tmp/content/plans" "$tmp/surveys"/*; mkdir -p "$tmp/content/plans"
out=$("$kiosk" --check-config --config "$tmp/kiosk.toml" 2>&1); check "the same configuration with good content is valid" $? 0
rm "$tmp/assets/fonts/DejaVuSans-Bold.ttf"
echo "not a font" > "$tmp/assets/fonts/DejaVuSans.ttf"
out=$("$kiosk" --check-config --config "$tmp/kiosk.toml" 2>&1); check "missing fonts make the configuration invalid" $? 1
contains "a font that is not one" "$out" "$tmp/kiosk.toml:5:1: error: paths.assets: font $tmp/assets/fonts/DejaVuSans.ttf is not a font FreeType can read (unknown file format)"
contains "a missing font" "$out" "$tmp/kiosk.toml:5:1: error: paths.assets: font $tmp/assets/fonts/DejaVuSans-Bold.ttf is missing"

# At start, on a real display: exit 4 and a message, not 3 ("no display").
if command -v Xvfb >/dev/null; then
  display=""
  for n in $(seq 200 249); do [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || { display=":$n"; break; }; done
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
  trap 'kill $xvfb 2>/dev/null; wait 2>/dev/null' EXIT
  for _ in $(seq 100); do [[ -e /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.1; done
  out=$(DISPLAY=$display timeout 60 "$kiosk" --windowed --config "$tmp/kiosk.toml" 2>&1)
  check "missing fonts at start: exit 4" $? 4
  contains "the start-up message names the font" "$out" "DejaVuSans.ttf is not a font FreeType can read"
  contains "the start-up message says what to do" "$out" "restore the fonts in $tmp/assets/fonts"
else
  echo "SKIP: start with missing fonts (no Xvfb)"
fi

echo "$failures failure(s)"
[[ $failures -eq 0 ]]
