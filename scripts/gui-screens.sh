#!/usr/bin/env bash
# Starts the desktop app under Xvfb on a fresh sample workspace, drives it with xdotool
# through its main screens, and saves screenshots to $OUT (default: target/screens).
# Needs: xvfb, xdotool, imagemagick (import) and the X11 client libraries; `.ci/run`
# installs them. Usage: scripts/gui-screens.sh [path/to/marz]
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-target/release/marz}
out=${OUT:-target/screens}
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill "${app:-}" "${xvfb:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

display=:${DISPLAY_NUMBER:-97}
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display
sleep 1

# CPU rendering: no GPU under Xvfb.
export ICED_BACKEND=tiny-skia
export MARZ_EXPORT_DIR="$work/exports"
mkdir -p "$MARZ_EXPORT_DIR"

shoot() {
  sleep "${2:-1.5}"
  import -window root "$out/$1.png"
  echo "screenshot: $out/$1.png"
}

window() {
  for _ in $(seq 1 60); do
    # The only window on this display is ours.
    id=$(xdotool search --onlyvisible --name "." 2>/dev/null | head -n 1 || true)
    if [ -n "$id" ]; then echo "$id"; return 0; fi
    sleep 0.5
  done
  echo "the Marz window did not appear" >&2
  return 1
}

start() {
  "$bin" --data-dir "$work/data" "$@" >"$work/app.log" 2>&1 &
  app=$!
  win=$(window)
  xdotool windowmove "$win" 0 0 windowsize "$win" 1280 860 windowfocus "$win"
  sleep 1
}

# 1. Persian: the compose screen with the first sample client, the payment ladder.
start
# The desktop knows the window as Marz's (assets/marz.desktop: StartupWMClass=marz).
xdotool search --onlyvisible --classname '^marz$' | grep -qx "$win"
shoot compose-fa 3
# Editing Persian: click inside the subject (on «صورت‌حساب»), type a letter, then select
# three letters with Shift+Left and the first word with the mouse. The caret blinks, so
# each shot is taken soon after the key that restarted it.
xdotool mousemove --window "$win" 505 47 click 1
shoot edit-click-fa 0.3
xdotool type --window "$win" "ب"
shoot edit-type-fa 0.3
xdotool key --window "$win" shift+Left shift+Left shift+Left
shoot edit-select-fa 0.3
xdotool mousemove --window "$win" 625 47 mousedown 1 mousemove --window "$win" 560 47 mouseup 1
shoot edit-drag-fa 0.3
# Ctrl+E exports the letter as PDF (no dialog: MARZ_EXPORT_DIR is set).
xdotool key --window "$win" ctrl+e
shoot export-fa 3
pdf=$(ls "$MARZ_EXPORT_DIR"/*.pdf)
# It went through the register: one letter recorded, with that file.
recorded() { "$bin" --data-dir "$work/data" letters list --json | grep -c '"number"' || true; }
[ "$(recorded)" = 1 ]
"$bin" --data-dir "$work/data" letters list --json | grep -qF "\"$pdf\""
# The letter body as an editor: "Edit text", then a sentence typed at its end.
xdotool mousemove --window "$win" 585 702 click 1
sleep 0.5
xdotool key --window "$win" ctrl+End
xdotool type --window "$win" --delay 40 " سپاس"
shoot compose-edit-fa 0.3
# Another situation, half filled in: the price increase shows its own letter at once, with
# placeholders for what is missing, the export buttons disabled and a line saying what is
# still needed; Ctrl+E exports nothing. Back to the payment reminder: it is all there.
# (A click on the "saved" bar dismisses it first, so the form sits where the clicks expect.)
pdfs=$(ls "$MARZ_EXPORT_DIR"/*.pdf | wc -l)
xdotool mousemove --window "$win" 600 31 click 1
sleep 0.3
xdotool mousemove --window "$win" 967 188 click 1
sleep 0.5
xdotool mousemove --window "$win" 849 663 click 1
xdotool type --window "$win" --delay 40 "طراحی وب‌سایت"
xdotool mousemove --window "$win" 849 723 click 1
xdotool type --window "$win" --delay 40 "۱۵۰۰۰۰۰۰"
shoot compose-draft-fa 0.5
xdotool key --window "$win" ctrl+e
sleep 2
[ "$(ls "$MARZ_EXPORT_DIR"/*.pdf | wc -l)" = "$pdfs" ]
[ "$(recorded)" = 1 ]
xdotool mousemove --window "$win" 967 153 click 1
shoot compose-back-fa 0.5
# Ctrl+N: a new client form on the clients screen, the name field ready to type into.
xdotool key --window "$win" ctrl+n
shoot client-new-fa
# Fill it: Tab moves in reading order (name, id, title, company, e-mail); Ctrl+S saves.
xdotool type --window "$win" --delay 40 "شرکت نوین"
xdotool key --window "$win" Tab
xdotool type --window "$win" --delay 40 "novin"
xdotool key --window "$win" Tab Tab Tab
xdotool type --window "$win" --delay 40 "info@novin.example"
shoot client-form-fa 0.3
xdotool key --window "$win" ctrl+s
shoot client-saved-fa
grep -q 'email = "info@novin.example"' "$work/data/clients/novin.toml"
# Ctrl+F: the search box; type a name with Arabic letters.
xdotool key --window "$win" ctrl+f
xdotool type --window "$win" --delay 60 "كريمي"
shoot clients-search-fa
# Settings, then switch the interface to English while the app runs. (A click on the
# "client saved" bar dismisses it first, so the settings sit where the clicks expect.)
xdotool mousemove --window "$win" 600 31 click 1
xdotool mousemove --window "$win" 1174 180 click 1
shoot settings-fa
# Further down the sender's card: the payment details, several lines (bank, card, شبا).
xdotool mousemove --window "$win" 1030 600 click --repeat 12 5
shoot settings-payment-fa 0.8
xdotool mousemove --window "$win" 1030 600 click --repeat 12 4
sleep 0.5
xdotool mousemove --window "$win" 972 78 click 1
sleep 0.5
xdotool mousemove --window "$win" 960 139 click 1
shoot settings-en
grep -q 'ui_language = "en"' "$work/data/settings.toml"
kill "$app"; wait "$app" 2>/dev/null || true

# 2. English interface.
start --lang en
shoot compose-en 3
kill "$app"; wait "$app" 2>/dev/null || true

echo "exports: $(ls "$MARZ_EXPORT_DIR")"
